package dev.secreview.eval;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The outcome of scoring a review against one suite: a table for people, JSON for tools, one figure for CI. */
public interface SuiteScore {

    /** The per-category or per-rule table with its totals, {@code \n} line ends. */
    String table();

    /** The same figures as a JSON document; the same review always gives the same document. */
    ObjectNode json();

    /** The suite's headline figure as a fraction (1 is perfect), the one {@code --min-score} is checked against. */
    double score();
}
