package dev.secreview.audit;

import dev.secreview.core.cwe.CweEntry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the name a review gives a CWE is its official name. Tolerant to what does not change the
 * meaning: case, punctuation, hyphens, articles and linking words ("used in an"), British spelling,
 * plurals, and the official short name in the parentheses ("SQL Injection" for CWE-89's
 * "Improper Neutralization of Special Elements used in an SQL Command ('SQL Injection')") or a
 * well-known abbreviation of it (XSS). Strict on the words that carry the meaning: every remaining
 * word must be the same, so CWE-77's name given for CWE-78 (which adds "OS") is wrong.
 */
final class CweNames {

    private static final Set<String> FILLER = Set.of("a", "an", "the", "of", "in", "into", "to", "for", "on", "with",
            "by", "used", "use", "and", "or", "during", "vulnerability", "weakness", "flaw", "issue", "attack");
    /** Abbreviations reviewers use for a short name, written as {@link #words} writes the expansion. */
    private static final Map<String, String> ABBREVIATIONS = Map.of(
            "xss", "crosssite scripting",
            "xxe", "xml external entity",
            "csrf", "crosssite request forgery",
            "ssrf", "serverside request forgery",
            "sqli", "sql injection");
    private static final Pattern PARENTHESISED = Pattern.compile("\\(([^()]*)\\)");

    private CweNames() {
    }

    static boolean matches(String claimed, CweEntry entry) {
        List<Set<String>> official = officialForms(entry.name());
        Set<String> officialWords = words(entry.name());
        for (String part : parts(claimed)) {
            Set<String> words = words(part);
            String abbreviation = ABBREVIATIONS.get(String.join(" ", words));
            boolean ok = official.contains(words) || official.stream().anyMatch(f -> compact(f).equals(compact(words)))
                    || (abbreviation != null && officialWords.containsAll(words(abbreviation)));
            if (!ok) return false;
        }
        return true;
    }

    /** The whole name, the name without its parentheses, and each parenthesised short name. */
    private static List<Set<String>> officialForms(String name) {
        List<Set<String>> forms = new ArrayList<>();
        for (String part : parts(name)) forms.add(words(part));
        forms.add(words(name));
        return forms;
    }

    /** "Base ('Short')" is the parts "Base" and "Short"; a name without parentheses is one part. */
    private static List<String> parts(String name) {
        List<String> parts = new ArrayList<>();
        Matcher m = PARENTHESISED.matcher(name);
        while (m.find()) parts.add(m.group(1));
        String base = PARENTHESISED.matcher(name).replaceAll(" ").strip();
        if (!base.isEmpty()) parts.add(0, base);
        return parts;
    }

    /** The words that carry the meaning, normalised. */
    static Set<String> words(String name) {
        String text = name.toLowerCase(Locale.ROOT)
                .replaceAll("['\u2018\u2019\"`]", "")
                .replaceAll("[-\u2010\u2011\u2013]", "")
                .replaceAll("is(ation|e|ed|ing)\\b", "iz$1")
                .replaceAll("our\\b", "or")
                .replaceAll("[^a-z0-9]+", " ");
        Set<String> words = new LinkedHashSet<>();
        for (String word : Arrays.asList(text.strip().split(" "))) {
            if (!word.isEmpty() && !FILLER.contains(word)) words.add(singular(word));
        }
        return words;
    }

    private static String singular(String word) {
        if (word.endsWith("ies") && word.length() > 4) return word.substring(0, word.length() - 3) + "y";
        if (word.endsWith("s") && !word.endsWith("ss") && word.length() > 3) return word.substring(0, word.length() - 1);
        return word;
    }

    private static String compact(Set<String> words) {
        return String.join("", words);
    }
}
