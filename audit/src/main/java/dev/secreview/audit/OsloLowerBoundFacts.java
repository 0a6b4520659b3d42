package dev.secreview.audit;

import java.util.Optional;
import java.util.regex.Pattern;

/** A claim that an option has no lower bound or takes negative values, against {@code min=} or a PortOpt. */
final class OsloLowerBoundFacts extends OsloOptionFacts {

    private static final Pattern NO_LOWER_BOUND = Pattern.compile("(?i)\\bnegative\\b"
            + "|\\b(?:no|without|missing|lacks?|lacking)\\s+(?:an?\\s+|any\\s+)?(?:lower\\s+(?:bound|limit)|minimum|`?min\\b)"
            + "|\\bno\\s+bounds?\\b|\\bunbounded\\b|\\bnot\\s+bounded\\b|\\bnot\\s+range[- ]checked\\b|\\bno\\s+range\\s+check");

    @Override
    boolean claims(String assertion) {
        return NO_LOWER_BOUND.matcher(assertion).find();
    }

    @Override
    Optional<String> refutation(OsloOption option, PythonCode code) {
        if (option.type().equals("PortOpt")) return Optional.of(option.fact("is a PortOpt, which only accepts 0-65535"));
        return option.keyword("min").map(min -> option.fact("is declared with min=" + min.text()
                + ", so oslo.config rejects smaller values"));
    }

    @Override
    Optional<String> confirmation(OsloOption option, PythonCode code) {
        if (!option.isNumeric() || option.keyword("min").isPresent()) return Optional.empty();
        return Optional.of(option.fact("is declared without min=, so oslo.config accepts negative values"));
    }
}
