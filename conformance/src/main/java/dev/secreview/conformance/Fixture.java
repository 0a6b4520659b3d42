package dev.secreview.conformance;

import dev.secreview.core.model.SourceFile;
import dev.secreview.eval.EvalInputException;
import dev.secreview.eval.InlineExpectations;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A rule fixture: code with inline expectations ({@link InlineExpectations}): {@code expect: rule-id} in a comment
 * above a line that must be reported, {@code ok: rule-id} above a near miss that must not be. Any finding on
 * another line is a failure.
 */
public record Fixture(SourceFile source, List<InlineExpectations.Expectation> expectations) {

    /** The fixture at {@code resource} on the class path of {@code anchor}. */
    public static Fixture load(Class<?> anchor, String resource) throws IOException, EvalInputException {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("missing fixture " + resource);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String name = resource.substring(resource.lastIndexOf('/') + 1);
            SourceFile source = new SourceFile(Path.of(name), "fixtures/" + name, text);
            return new Fixture(source, InlineExpectations.parse(source));
        }
    }
}
