package dev.secreview.python.semantic;

import dev.secreview.python.tree.PyNode;

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

    /**
     * The name an assignment target gives its value: {@code token}, {@code self.token} and
     * {@code settings["token"]} all give {@code token}; null for other targets.
     */
    public static String targetName(PyNode target) {
        if (target == null) return null;
        return switch (target.type()) {
            case "identifier" -> target.text();
            case "attribute" -> target.field("attribute") == null ? null : target.field("attribute").text();
            case "subscript" -> {
                PyNode key = target.field("subscript");
                yield key != null && key.is("string") && !StringLiteral.hasInterpolation(key) ? StringLiteral.value(key) : null;
            }
            default -> null;
        };
    }

    /** The names of a function definition's parameters, in order ({@code self}, {@code *args} and {@code **kw} included). */
    public static List<String> parameterNames(PyNode function) {
        List<String> names = new ArrayList<>();
        PyNode parameters = function.field("parameters");
        if (parameters == null) return names;
        for (PyNode parameter : parameters.namedChildren()) {
            PyNode name = parameter.is("identifier") ? parameter : parameter.field("name");
            if (name == null) name = parameter.childOfType("identifier");
            if (name != null) names.add(name.text());
        }
        return names;
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

    /** The last name of an expression: {@code get} of {@code Invoice.query.get}, {@code user} of {@code user}; "" else. */
    public static String lastName(PyNode node) {
        if (node.is("attribute")) return node.field("attribute") == null ? "" : node.field("attribute").text();
        return node.is("identifier") ? node.text() : "";
    }
}
