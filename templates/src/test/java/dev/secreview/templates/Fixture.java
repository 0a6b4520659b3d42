package dev.secreview.templates;

import dev.secreview.core.model.SourceFile;
import dev.secreview.eval.EvalInputException;
import dev.secreview.eval.InlineExpectations;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A rule fixture: a template with inline expectations ({@link InlineExpectations}): {@code {# expect: rule-id #}}
 * above a line that must be reported, {@code {# ok: rule-id #}} above a near miss that must not be.
 */
record Fixture(SourceFile source, List<InlineExpectations.Expectation> expectations) {

    static Fixture load(String resource) throws IOException, EvalInputException {
        try (InputStream in = Fixture.class.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("missing fixture " + resource);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String name = resource.substring(resource.lastIndexOf('/') + 1);
            SourceFile source = new SourceFile(Path.of(name), "templates/" + name, text);
            return new Fixture(source, InlineExpectations.parse(source));
        }
    }
}
