package dev.secreview.audit;

import java.util.Optional;
import java.util.regex.Pattern;

/** A claim that an option has no upper bound, against {@code max=} or a PortOpt. */
final class OsloUpperBoundFacts extends OsloOptionFacts {

    private static final Pattern NO_UPPER_BOUND = Pattern.compile("(?i)"
            + "\\b(?:no|without|missing|lacks?|lacking)\\s+(?:an?\\s+|any\\s+)?(?:upper\\s+(?:bound|limit)|maximum|`?max\\b)"
            + "|\\bno\\s+bounds?\\b|\\bunbounded\\b|\\bnot\\s+bounded\\b|\\barbitrarily\\s+(?:large|high|big|long)\\b"
            + "|\\bnot\\s+range[- ]checked\\b|\\bno\\s+range\\s+check");

    @Override
    boolean claims(String assertion) {
        return NO_UPPER_BOUND.matcher(assertion).find();
    }

    @Override
    Optional<String> refutation(OsloOption option, PythonCode code) {
        if (option.type().equals("PortOpt")) return Optional.of(option.fact("is a PortOpt, which only accepts 0-65535"));
        return option.keyword("max").map(max -> option.fact("is declared with max=" + max.text()
                + ", so oslo.config rejects larger values"));
    }

    @Override
    Optional<String> confirmation(OsloOption option, PythonCode code) {
        if (!option.isNumeric() || option.keyword("max").isPresent()) return Optional.empty();
        return Optional.of(option.fact("is declared without max=, so oslo.config accepts any larger value"));
    }
}
