package dev.secreview.audit;

import java.util.Optional;
import java.util.regex.Pattern;

/** A claim that an option accepts any value (no allow-list), against {@code choices=}. */
final class OsloChoicesFacts extends OsloOptionFacts {

    private static final Pattern NO_ALLOW_LIST = Pattern.compile("(?i)\\bno\\s+(?:allow|white)[- ]?list\\b"
            + "|\\b(?:any|arbitrary)\\s+(?:\\w+\\s+){0,3}(?:value|string|input)s?\\b[^.]{0,30}\\b(?:accepted|allowed|permitted)\\b"
            + "|\\baccepts?\\s+(?:any|arbitrary)\\s+(?:\\w+\\s+){0,2}?(?:value|string|input)s?\\b"
            + "|\\bnot\\s+restricted\\s+to\\b|\\bfree[- ]form\\b|\\bwithout\\s+(?:a\\s+|an\\s+)?(?:choices|allow[- ]?list)\\b"
            + "|\\bno\\s+(?:list|set)\\s+of\\s+(?:allowed|permitted|valid)\\s+values\\b");

    @Override
    boolean claims(String assertion) {
        return NO_ALLOW_LIST.matcher(assertion).find();
    }

    @Override
    Optional<String> refutation(OsloOption option, PythonCode code) {
        return option.keyword("choices").map(choices -> option.fact("is declared with choices="
                + Evidence.quote(choices.text()).replace("`", "") + ", so oslo.config rejects other values"));
    }

    @Override
    Optional<String> confirmation(OsloOption option, PythonCode code) {
        boolean anyString = option.type().equals("StrOpt") && option.keyword("choices").isEmpty()
                && option.keyword("regex").isEmpty();
        return anyString ? Optional.of(option.fact("is a StrOpt declared without choices= or regex=, so oslo.config "
                + "accepts any string")) : Optional.empty();
    }
}
