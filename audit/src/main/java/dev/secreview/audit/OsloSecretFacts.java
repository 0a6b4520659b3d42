package dev.secreview.audit;

import java.util.Optional;
import java.util.regex.Pattern;

/** A claim that an option is not marked secret (so its value is logged), against {@code secret=True}. */
final class OsloSecretFacts extends OsloOptionFacts {

    private static final Pattern NOT_SECRET = Pattern.compile("(?i)"
            + "\\bnot\\s+(?:marked|flagged|declared|registered|defined|set)\\s+(?:as\\s+)?(?:a\\s+)?secret\\b"
            + "|\\b(?:without|missing|lacks?|lacking)\\s+(?:the\\s+)?`?secret\\b|\\bsecret\\s*=\\s*False\\b"
            + "|\\b(?:logged|printed|written|dumped|shown)\\b[^.]{0,60}"
            + "\\b(?:plain\\s*text|clear\\s*text|in\\s+the\\s+clear|unmasked)\\b");

    @Override
    boolean claims(String assertion) {
        return NOT_SECRET.matcher(assertion).find();
    }

    @Override
    Optional<String> refutation(OsloOption option, PythonCode code) {
        return option.keyword("secret").filter(secret -> code.values().isTrue(secret))
                .map(secret -> option.fact("is declared with secret=" + secret.text()
                        + ", so oslo.config masks its value in logs"));
    }

    @Override
    Optional<String> confirmation(OsloOption option, PythonCode code) {
        if (option.keyword("secret").isPresent()) return Optional.empty();
        return Optional.of(option.fact("is declared without secret=True, so oslo.config logs its value in clear"));
    }
}
