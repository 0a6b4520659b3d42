package dev.secreview.change;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.secreview.core.engine.ScanResult;
import dev.secreview.core.model.FileReport;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Suppression;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The baseline file: the findings a team accepts for now, so that only new ones are reported. Each entry is a
 * rule, a path and the fingerprint of the finding's code (see {@link KnownFindings}); the line is there for people.
 * <pre>{"version": 1, "tool": "secreview 0.2.0",
 *  "findings": [{"rule": "py-sql-string", "path": "app/db.py", "fingerprint": "…", "line": 12}]}</pre>
 */
public final class Baseline {

    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Baseline() {
    }

    /** The baseline document of a review's unsuppressed findings, in path, line and rule order. */
    public static String render(ScanResult review, String tool) {
        List<KnownFindings.Entry> entries = new ArrayList<>(KnownFindings.of(review).entries());
        entries.sort(Comparator.comparing(KnownFindings.Entry::path).thenComparingInt(KnownFindings.Entry::line)
                .thenComparing(KnownFindings.Entry::rule).thenComparing(KnownFindings.Entry::fingerprint));
        ObjectNode root = JSON.createObjectNode().put("version", VERSION).put("tool", tool);
        ArrayNode findings = root.putArray("findings");
        for (KnownFindings.Entry entry : entries) {
            findings.addObject().put("rule", entry.rule()).put("path", entry.path())
                    .put("fingerprint", entry.fingerprint()).put("line", entry.line());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always renders", e);
        }
    }

    /** Reads a baseline file; anything but a well-formed baseline is an error that says what is wrong. */
    public static KnownFindings read(Path file) throws ChangeException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ChangeException("baseline " + file + ": no such file (create it with `secreview baseline -o " + file + "`)");
        } catch (IOException e) {
            throw new ChangeException("baseline " + file + ": not valid JSON: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) throw new ChangeException("baseline " + file + ": expected a JSON object");
        if (root.path("version").asInt(-1) != VERSION) {
            throw new ChangeException("baseline " + file + ": unsupported version " + root.path("version")
                    + " (this secreview reads version " + VERSION + ")");
        }
        JsonNode findings = root.path("findings");
        if (!findings.isArray()) throw new ChangeException("baseline " + file + ": `findings` must be an array");
        List<KnownFindings.Entry> entries = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            JsonNode entry = findings.get(i);
            for (String field : List.of("rule", "path", "fingerprint")) {
                if (!entry.path(field).isTextual() || entry.path(field).asText().isEmpty()) {
                    throw new ChangeException("baseline " + file + ": findings[" + i + "]." + field + " must be a non-empty string");
                }
            }
            entries.add(new KnownFindings.Entry(entry.get("rule").asText(), entry.get("path").asText(),
                    entry.get("fingerprint").asText(), entry.path("line").asInt(0)));
        }
        return new KnownFindings(entries);
    }

    /** The review with every finding the baseline accounts for marked as suppressed by it (kept, not dropped). */
    public static ScanResult apply(ScanResult review, KnownFindings baseline, String name) {
        Set<Finding> unknown = baseline.unknownIn(review);
        Suppression byBaseline = new Suppression("baseline " + name, 0);
        List<FileReport> files = new ArrayList<>();
        for (FileReport file : review.files()) {
            List<Finding> findings = file.findings().stream()
                    .map(f -> f.suppressed() || unknown.contains(f) ? f : f.suppressedBy(byBaseline))
                    .toList();
            files.add(file.withFindings(findings));
        }
        return review.withFiles(files);
    }

    private static String firstLine(String message) {
        if (message == null) return "unreadable";
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
