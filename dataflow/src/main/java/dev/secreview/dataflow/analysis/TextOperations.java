package dev.secreview.dataflow.analysis;

import dev.secreview.dataflow.model.Operation;

import java.util.List;
import java.util.Locale;

/** The {@link Operation}s on a constant string, folded when every argument is a constant too. */
final class TextOperations {

    private TextOperations() {
    }

    /** {@code s.operation(args)}, or null when the arguments do not fit it ({@link Operation#JOIN} is the caller's). */
    static Object fold(Operation operation, String s, List<Object> args) {
        switch (operation) {
            case UPPER: return args.isEmpty() ? s.toUpperCase(Locale.ROOT) : null;
            case LOWER: return args.isEmpty() ? s.toLowerCase(Locale.ROOT) : null;
            case STRIP: return args.isEmpty() ? s.strip() : null;
            case STRIP_LEADING: return args.isEmpty() ? s.stripLeading() : null;
            case STRIP_TRAILING: return args.isEmpty() ? s.stripTrailing() : null;
            case STARTS_WITH: return args.size() == 1 && args.get(0) instanceof String p ? s.startsWith(p) : null;
            case ENDS_WITH: return args.size() == 1 && args.get(0) instanceof String p ? s.endsWith(p) : null;
            case REPLACE:
                return args.size() == 2 && args.get(0) instanceof String a && args.get(1) instanceof String b
                        && !a.isEmpty() ? s.replace(a, b) : null;
            case ALL_DIGITS: return args.isEmpty() ? !s.isEmpty() && s.chars().allMatch(Character::isDigit) : null;
            default: return null;
        }
    }
}
