package dev.secreview.eval;

import dev.secreview.report.JsonOutput;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;

/**
 * A review scored against inline expectations: one {@link RuleScore} per rule that is expected or
 * reported (by id), their total, and every miss by place. The headline figure is the total F1.
 */
public record AnnotationScore(List<RuleScore> rules, List<RuleAtLine> falseNegatives,
                              List<RuleAtLine> falsePositives) implements SuiteScore {

    public AnnotationScore {
        rules = List.copyOf(rules);
        falseNegatives = List.copyOf(falseNegatives);
        falsePositives = List.copyOf(falsePositives);
    }

    public RuleScore total() {
        return rules.stream().reduce(new RuleScore("total", 0, 0, 0, 0), RuleScore::plus);
    }

    /** The total F1; with nothing expected and nothing reported (only near misses, all respected), 1. */
    @Override
    public double score() {
        Double f1 = total().f1();
        return f1 == null ? 1 : f1;
    }

    @Override
    public String table() {
        int width = rules.stream().mapToInt(r -> r.ruleId().length()).max().orElse(0);
        String row = "%-" + (Math.max(width, "total".length()) + 2) + "s%5s%5s%5s%5s%11s%8s";
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, row, "rule", "TP", "FN", "FP", "TN",
                "precision", "recall")).append('\n');
        for (RuleScore r : rules) table.append(line(row, r)).append('\n');
        table.append(line(row, total())).append("   F1 ").append(Percent.ofNullable(total().f1())).append('\n');
        misses("False negatives (expected, not reported):", falseNegatives, table);
        misses("False positives (reported, not expected):", falsePositives, table);
        return table.toString();
    }

    private static String line(String row, RuleScore r) {
        return String.format(Locale.ROOT, row, r.ruleId(), r.tp(), r.fn(), r.fp(), r.tn(),
                Percent.ofNullable(r.precision()), Percent.ofNullable(r.recall()));
    }

    private static void misses(String title, List<RuleAtLine> misses, StringBuilder table) {
        if (misses.isEmpty()) return;
        table.append('\n').append(title).append('\n');
        misses.forEach(miss -> table.append("  ").append(miss.render()).append('\n'));
    }

    @Override
    public ObjectNode json() {
        ObjectNode root = JsonOutput.object().put("suite", "annotations");
        ObjectNode byRule = root.putObject("rules");
        rules.forEach(r -> counts(byRule.putObject(r.ruleId()), r));
        counts(root.putObject("total"), total()).put("f1", total().f1());
        places(root.putArray("falseNegatives"), falseNegatives);
        places(root.putArray("falsePositives"), falsePositives);
        return root;
    }

    private static ObjectNode counts(ObjectNode node, RuleScore r) {
        return node.put("tp", r.tp()).put("fn", r.fn()).put("fp", r.fp()).put("tn", r.tn())
                .put("precision", r.precision()).put("recall", r.recall());
    }

    private static void places(ArrayNode array, List<RuleAtLine> places) {
        places.forEach(p -> array.addObject().put("path", p.path()).put("line", p.line()).put("rule", p.ruleId()));
    }
}
