package dev.secreview.eval;

/**
 * One benchmark category: true and false positives and negatives. A rate with nothing to divide by
 * is 0, as the OWASP scorer counts it.
 */
public record CategoryScore(String category, int tp, int fn, int tn, int fp) {

    /** True positive rate (recall): the share of real vulnerabilities flagged. */
    public double tpr() {
        return tp / (double) Math.max(1, tp + fn);
    }

    /** False positive rate: the share of safe test cases flagged. */
    public double fpr() {
        return fp / (double) Math.max(1, fp + tn);
    }

    /** The OWASP Benchmark score of the category (Youden's index): TPR − FPR. */
    public double score() {
        return tpr() - fpr();
    }
}
