package dev.secreview.python;

import dev.secreview.core.model.SourceFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule fixture: Python code with inline expectations. {@code # expect: rule-id[, rule-id]} says
 * the next code line must be reported by those rules; {@code # ok: rule-id} documents a near miss
 * on the next code line that must not be reported. Any finding on another line is a failure.
 */
record Fixture(SourceFile source, List<Expectation> expectations) {
    private static final Pattern MARKER = Pattern.compile("#\\s*(expect|ok):\\s*([a-z0-9\\-, ]+)$");

    record Expectation(boolean flagged, String ruleId, int line, int markerLine) {
    }

    static Fixture load(String resource) throws IOException {
        try (InputStream in = Fixture.class.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("missing fixture " + resource);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String name = resource.substring(resource.lastIndexOf('/') + 1);
            SourceFile source = new SourceFile(Path.of(name), "fixtures/" + name, text);
            return new Fixture(source, parse(source));
        }
    }

    private static List<Expectation> parse(SourceFile source) {
        List<Expectation> expectations = new ArrayList<>();
        for (int line = 1; line <= source.lineCount(); line++) {
            Matcher m = MARKER.matcher(source.line(line).strip());
            if (!m.find() || !source.line(line).strip().startsWith("#")) continue;
            int target = nextCodeLine(source, line);
            for (String id : m.group(2).split("\\s*,\\s*")) {
                if (!id.isBlank()) expectations.add(new Expectation(m.group(1).equals("expect"), id.strip(), target, line));
            }
        }
        return expectations;
    }

    private static int nextCodeLine(SourceFile source, int markerLine) {
        for (int line = markerLine + 1; line <= source.lineCount(); line++) {
            String text = source.line(line).strip();
            if (!text.isEmpty() && !text.startsWith("#")) return line;
        }
        throw new IllegalStateException("marker on line " + markerLine + " has no code line after it");
    }
}
