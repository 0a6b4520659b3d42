package dev.secreview.dataflow.analysis;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Proof, built one branch at a time, that a variable holds a single quoted string literal: it starts
 * with a quote, ends with the same quote, and has none in between ({@code s.startswith("'") and
 * s.endswith("'") and "'" not in s[1:-1]}). Evaluating such a value only yields a string. The parts
 * proven so far live in the state under a key no variable's name can take, so they join like any value:
 * what is proven on every incoming path survives, anything else is dropped.
 */
final class QuotedLiteral {
    private static final String KEY_PREFIX = "#quoted:";
    private static final Set<String> QUOTES = Set.of("'", "\"");

    enum Part { STARTS, ENDS, NOTHING_INSIDE }

    private QuotedLiteral() {
    }

    static boolean isQuote(Object text) {
        return text instanceof String s && QUOTES.contains(s);
    }

    /** Records a proven part; once all three hold for one quote, the variable is safe for {@code kinds}. */
    static void prove(Map<String, Value> state, String variable, Part part, String quote, long kinds) {
        String key = KEY_PREFIX + variable;
        Set<String> parts = new TreeSet<>();
        Value known = state.get(key);
        if (known != null && known.constant() instanceof String s && !s.isEmpty()) parts.addAll(Set.of(s.split(",")));
        parts.add(part + quote);
        state.put(key, Value.constant(String.join(",", parts)));
        boolean complete = true;
        for (Part p : Part.values()) complete &= parts.contains(p + quote);
        Value value = state.get(variable);
        if (complete && value != null && kinds != 0) state.put(variable, value.withTaint(value.taint().sanitize(kinds)));
    }

    /** A new assignment to the variable voids what was proven of its old value. */
    static void forget(Map<String, Value> state, String variable) {
        state.remove(KEY_PREFIX + variable);
    }
}
