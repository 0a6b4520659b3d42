package dev.secreview.eval;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.secreview.core.model.Finding;
import dev.secreview.report.JsonOutput;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A review scored against real security fixes: per defect class and in total, how many fixes were
 * detected, how many of those the fixed file clears, and how many were detected with the exact CWE;
 * then every fix with what found it. The headline figure is the share detected.
 */
public record FixScore(List<FixOutcome> outcomes) implements SuiteScore {

    public FixScore {
        outcomes = List.copyOf(outcomes);
    }

    @Override
    public double score() {
        return outcomes.isEmpty() ? 0 : count(outcomes, FixOutcome::detected) / (double) outcomes.size();
    }

    public int notReviewed() {
        return count(outcomes, o -> !o.reviewed());
    }

    private Map<String, List<FixOutcome>> byClass() {
        Map<String, List<FixOutcome>> byClass = new TreeMap<>();
        for (FixOutcome o : outcomes) {
            byClass.computeIfAbsent(o.fix().defectClass(), key -> new ArrayList<>()).add(o);
        }
        return byClass;
    }

    @Override
    public String table() {
        String row = "%-20s%6s%9s%9s%8s%7s%n";
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, row, "class", "fixes", "detected", "%", "cleared", "exact"));
        byClass().forEach((name, group) -> table.append(line(row, name, group)));
        table.append(line(row, "total", outcomes));
        table.append("\nFixes (D = detected, C = cleared by the fix, x = exact CWE):\n");
        for (FixOutcome o : outcomes) {
            String marks = (o.detected() ? "D" : "-") + (o.cleared() ? "C" : "-") + (o.exactCwe() ? "x" : "-");
            table.append(String.format(Locale.ROOT, "  %s %-40s %-18s CWE-%-5d %s%n", marks, o.fix().id(),
                    o.fix().defectClass(), o.fix().cwe(), o.reviewed() ? found(o) : "not reviewed: " + o.fix().file()));
        }
        return table.toString().replace(System.lineSeparator(), "\n");
    }

    private static String line(String row, String name, List<FixOutcome> group) {
        int detected = count(group, FixOutcome::detected);
        return String.format(Locale.ROOT, row, name, group.size(), detected, Percent.of(detected / (double) group.size()),
                count(group, FixOutcome::cleared), count(group, FixOutcome::exactCwe));
    }

    private static String found(FixOutcome o) {
        if (!o.detected()) return o.fix().file() + ":" + o.fix().lines().get(0);
        return String.join(", ", o.matching().stream()
                .map(f -> f.path().substring(f.path().lastIndexOf('/') + 1) + ":" + f.line() + " " + f.rule().id()
                        + " (CWE-" + f.cwe() + ")")
                .toList());
    }

    private static int count(List<FixOutcome> outcomes, Predicate<FixOutcome> which) {
        return (int) outcomes.stream().filter(which).count();
    }

    @Override
    public ObjectNode json() {
        ObjectNode root = JsonOutput.object().put("suite", "fixes")
                .put("fixes", outcomes.size())
                .put("notReviewed", notReviewed());
        ObjectNode classes = root.putObject("classes");
        byClass().forEach((name, group) -> counts(classes.putObject(name), group));
        counts(root.putObject("total"), outcomes);
        ArrayNode list = root.putArray("outcomes");
        for (FixOutcome o : outcomes) {
            ObjectNode node = list.addObject().put("id", o.fix().id()).put("class", o.fix().defectClass())
                    .put("cwe", o.fix().cwe()).put("file", o.fix().file()).put("reviewed", o.reviewed())
                    .put("detected", o.detected()).put("cleared", o.cleared()).put("exactCwe", o.exactCwe());
            ArrayNode findings = node.putArray("findings");
            for (Finding f : o.matching()) {
                findings.addObject().put("rule", f.rule().id()).put("line", f.line()).put("cwe", f.cwe());
            }
        }
        return root;
    }

    private static void counts(ObjectNode node, List<FixOutcome> group) {
        int detected = count(group, FixOutcome::detected);
        node.put("fixes", group.size()).put("detected", detected)
                .put("detectedShare", detected / (double) Math.max(1, group.size()))
                .put("cleared", count(group, FixOutcome::cleared))
                .put("exactCwe", count(group, FixOutcome::exactCwe));
    }
}
