package dev.secreview.python.semantic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads the words out of identifiers, so rules can judge names like {@code apiKey} or {@code RESET_TOKEN}. */
public final class Identifiers {
    private static final Pattern NON_ALNUM = Pattern.compile("[^A-Za-z0-9]+");
    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");

    private Identifiers() {
    }

    /** Lower-case words of an identifier: {@code apiKey} → [api, key], {@code RESET_TOKEN} → [reset, token]. */
    public static List<String> words(String identifier) {
        List<String> words = new ArrayList<>();
        for (String chunk : NON_ALNUM.split(identifier)) {
            if (chunk.isEmpty()) continue;
            for (String w : CAMEL.split(chunk)) {
                if (!w.isEmpty()) words.add(w.toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }
}
