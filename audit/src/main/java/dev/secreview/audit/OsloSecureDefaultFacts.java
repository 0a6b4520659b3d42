package dev.secreview.audit;

import dev.secreview.python.tree.PyNode;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A claim that a protection switch ({@code verify_ssl}, {@code enforce_scope}, ...) is off by default or
 * has an insecure default, against {@code default=True}.
 */
final class OsloSecureDefaultFacts extends OsloOptionFacts {

    private static final Pattern OFF_BY_DEFAULT = Pattern.compile("(?i)\\b(?:disabled|off|false|turned\\s+off)\\s+by\\s+default\\b"
            + "|\\bdefaults?\\s+(?:value\\s+)?(?:to|is|of)\\s+`?(?:false|off|disabled)\\b|\\binsecure(?:ly)?\\s+default|"
            + "\\bdefault\\s*=\\s*False\\b");
    private static final Pattern PROTECTION = Pattern.compile("(?i)verify|ssl|tls|secure|check|validat|enforce|require");
    private static final Pattern NEGATED_NAME = Pattern.compile("(?i)insecure|skip|disable|(?:^|_)no_|allow");

    @Override
    boolean claims(String assertion) {
        return OFF_BY_DEFAULT.matcher(assertion).find();
    }

    @Override
    Optional<String> refutation(OsloOption option, PythonCode code) {
        Optional<PyNode> declared = protectionDefault(option);
        if (declared.isEmpty() || !code.values().isTrue(declared.get())) return Optional.empty();
        return Optional.of(option.fact("defaults to " + declared.get().text() + ", so the protection is on unless turned off"));
    }

    @Override
    Optional<String> confirmation(OsloOption option, PythonCode code) {
        Optional<PyNode> declared = protectionDefault(option);
        if (declared.isEmpty() || !code.values().isFalse(declared.get())) return Optional.empty();
        return Optional.of(option.fact("defaults to " + declared.get().text() + ", so the protection is off unless turned on"));
    }

    /** The default of a switch that turns a protection on; empty for other options and switches without a default. */
    private static Optional<PyNode> protectionDefault(OsloOption option) {
        boolean protection = option.type().equals("BoolOpt") && PROTECTION.matcher(option.name()).find()
                && !NEGATED_NAME.matcher(option.name()).find();
        return protection ? option.keyword("default") : Optional.empty();
    }
}
