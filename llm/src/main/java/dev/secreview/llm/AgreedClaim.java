package dev.secreview.llm;

import dev.secreview.audit.Claim;

/** A claim (as the earliest sample worded it) and how many samples made it. */
record AgreedClaim(Claim claim, int samples) {

    /** The line a claim is placed at: the first line it names (claims without one are never agreed on). */
    static int lineOf(Claim claim) {
        return claim.lines().get(0).first();
    }

    int line() {
        return lineOf(claim);
    }
}
