package dev.secreview.eval;

import dev.secreview.core.engine.SourceReader;
import dev.secreview.core.model.FileReport;
import dev.secreview.core.model.SourceFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expectations written in the code under review. A comment line {@code # expect: rule-id[, rule-id]}
 * says the next code line must be reported by those rules; {@code # ok: rule-id} marks a near miss
 * on the next code line that must not be. Rule fixtures and annotated fixture trees use them. The marker is the
 * same in every language; only the comment around it is the language's: a line comment of either spelling,
 * {@code #} or {@code //}, or a template comment alone on its line ({@code {# expect: tpl-safe-filter #}}, Jinja2
 * and Django). The next code line is the next line that is not empty and not a comment of the marker's spelling.
 */
public final class InlineExpectations {

    private static final Pattern MARKER =
            Pattern.compile("(#|//|\\{#)\\s*(expect|ok):\\s*([a-z0-9\\-, ]+?)\\s*(#})?$");
    private static final String TEMPLATE_COMMENT = "{#";

    /** {@code flagged}: an {@code expect} marker, else an {@code ok} one; {@code line} is the code line it is about. */
    public record Expectation(boolean flagged, String ruleId, int line, int markerLine) {
    }

    private InlineExpectations() {
    }

    public static List<Expectation> parse(SourceFile source) throws EvalInputException {
        List<Expectation> expectations = new ArrayList<>();
        for (int line = 1; line <= source.lineCount(); line++) {
            String text = source.line(line).strip();
            Matcher m = MARKER.matcher(text);
            if (!m.find() || !text.startsWith(m.group(1))
                    || m.group(1).equals(TEMPLATE_COMMENT) != (m.group(4) != null)) continue;
            int target = nextCodeLine(source, line, m.group(1));
            for (String id : m.group(3).split("\\s*,\\s*")) {
                if (!id.isBlank()) expectations.add(new Expectation(m.group(2).equals("expect"), id.strip(), target, line));
            }
        }
        return expectations;
    }

    /**
     * The expectations of every reviewed file of a scan, by the path the scan shows (which, being the
     * scanned path joined with the file's place under it, can be read again as it is).
     */
    public static Map<String, List<Expectation>> read(List<FileReport> files) throws EvalInputException {
        SourceReader reader = new SourceReader();
        Map<String, List<Expectation>> byPath = new LinkedHashMap<>();
        for (FileReport file : files) {
            if (!file.reviewed()) continue;
            SourceReader.Result read = reader.read(Path.of(file.path()), file.path());
            if (read.problem() != null) throw new EvalInputException(read.problem().render());
            List<Expectation> expectations = parse(read.file());
            if (!expectations.isEmpty()) byPath.put(file.path(), expectations);
        }
        if (byPath.isEmpty()) throw new EvalInputException("no '# expect:' or '# ok:' (or '// expect:' or '// ok:') markers in the reviewed files");
        return byPath;
    }

    private static int nextCodeLine(SourceFile source, int markerLine, String comment) throws EvalInputException {
        for (int line = markerLine + 1; line <= source.lineCount(); line++) {
            String text = source.line(line).strip();
            boolean aComment = text.startsWith(comment) && (!comment.equals(TEMPLATE_COMMENT) || text.endsWith("#}"));
            if (!text.isEmpty() && !aComment) return line;
        }
        throw new EvalInputException(source.displayPath() + ":" + markerLine + ": marker has no code line after it");
    }
}
