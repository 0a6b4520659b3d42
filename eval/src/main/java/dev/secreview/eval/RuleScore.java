package dev.secreview.eval;

/**
 * One rule against the inline expectations: TP expected and reported, FN expected and not reported,
 * FP reported where not expected, TN an {@code ok} near miss not reported. A ratio with nothing to
 * divide by is null: there is nothing to measure, which is not the same as 0.
 */
public record RuleScore(String ruleId, int tp, int fn, int fp, int tn) {

    public Double precision() {
        return tp + fp == 0 ? null : tp / (double) (tp + fp);
    }

    public Double recall() {
        return tp + fn == 0 ? null : tp / (double) (tp + fn);
    }

    /** The harmonic mean of precision and recall, 2TP / (2TP + FP + FN). */
    public Double f1() {
        return tp + fp + fn == 0 ? null : 2 * tp / (double) (2 * tp + fp + fn);
    }

    RuleScore plus(RuleScore other) {
        return new RuleScore(ruleId, tp + other.tp, fn + other.fn, fp + other.fp, tn + other.tn);
    }
}
