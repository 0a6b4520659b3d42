package dev.secreview.core.rule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A rule's documentation page, {@code docs/rules/<id>.md} in the sources, which each language module
 * packages under {@value #LOCATION}: the text of {@code secreview explain} and the help reports carry.
 */
public final class RuleDocs {

    public static final String LOCATION = "/dev/secreview/rules/docs/";

    private RuleDocs() {
    }

    /** The page in Markdown; empty when no module on the class path documents the rule. */
    public static Optional<String> page(String ruleId) {
        try (InputStream in = RuleDocs.class.getResourceAsStream(LOCATION + ruleId + ".md")) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
