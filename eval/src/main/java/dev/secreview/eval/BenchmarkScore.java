package dev.secreview.eval;

import dev.secreview.report.JsonOutput;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * A review scored against an OWASP Benchmark: one {@link CategoryScore} per category, in name order.
 * The overall TPR and FPR are the averages of the categories' (so every category weighs the same,
 * however many test cases it has), the overall score is their difference, and precision is
 * TP / (TP + FP) over all test cases. {@code casesNotReviewed} counts test cases without a reviewed
 * file of their name: when it is high, the tree or the expected-results file is likely the wrong one.
 */
public record BenchmarkScore(List<CategoryScore> categories, int casesNotReviewed) implements SuiteScore {

    public BenchmarkScore {
        categories = List.copyOf(categories);
    }

    public double tpr() {
        return average(CategoryScore::tpr);
    }

    public double fpr() {
        return average(CategoryScore::fpr);
    }

    /**
     * Added left to right in category order, as the OWASP scoring script's Python does, so that even
     * the unrounded figures agree ({@code DoubleStream.sum} compensates and can differ in the last bit).
     */
    private double average(ToDoubleFunction<CategoryScore> rate) {
        double sum = 0;
        for (CategoryScore c : categories) sum += rate.applyAsDouble(c);
        return sum / Math.max(1, categories.size());
    }

    @Override
    public double score() {
        return tpr() - fpr();
    }

    public double precision() {
        int tp = categories.stream().mapToInt(CategoryScore::tp).sum();
        int fp = categories.stream().mapToInt(CategoryScore::fp).sum();
        return tp / (double) Math.max(1, tp + fp);
    }

    public int testCases() {
        return categories.stream().mapToInt(c -> c.tp() + c.fn() + c.tn() + c.fp()).sum();
    }

    /** The layout of the OWASP scoring script's table, so that the two can be compared line by line. */
    @Override
    public String table() {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-16s%5s%5s%5s%5s%8s%8s%8s%n",
                "category", "TP", "FN", "TN", "FP", "TPR", "FPR", "score"));
        for (CategoryScore c : categories) {
            table.append(String.format(Locale.ROOT, "%-16s%5d%5d%5d%5d%8s%8s%8s%n", c.category(),
                    c.tp(), c.fn(), c.tn(), c.fp(), Percent.of(c.tpr()), Percent.of(c.fpr()), Percent.of(c.score())));
        }
        table.append(String.format(Locale.ROOT, "%-36s%8s%8s%8s   precision %s%n", "overall",
                Percent.of(tpr()), Percent.of(fpr()), Percent.of(score()), Percent.of(precision())));
        return table.toString().replace(System.lineSeparator(), "\n");
    }

    /** The scoring script's {@code --json} document ({@code categories}, {@code total}) plus the suite and counts. */
    @Override
    public ObjectNode json() {
        ObjectNode root = JsonOutput.object().put("suite", "owasp-benchmark")
                .put("testCases", testCases())
                .put("casesNotReviewed", casesNotReviewed);
        ObjectNode byCategory = root.putObject("categories");
        for (CategoryScore c : categories) {
            byCategory.putObject(c.category())
                    .put("tp", c.tp()).put("fn", c.fn()).put("tn", c.tn()).put("fp", c.fp())
                    .put("tpr", c.tpr()).put("fpr", c.fpr()).put("score", c.score());
        }
        root.putObject("total")
                .put("tpr", tpr()).put("fpr", fpr()).put("score", score()).put("precision", precision());
        return root;
    }
}
