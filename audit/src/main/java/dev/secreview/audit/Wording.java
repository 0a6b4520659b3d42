package dev.secreview.audit;

import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a claim's prose is read: what it asserts, and whether a mention (of a construct, a name, a piece of
 * code) says the thing is there, or that it is absent or should be added.
 */
final class Wording {

    /** Words just before a mention that make it a denial or advice: "there is no try/except", "without `timeout=`". */
    private static final Pattern DENIAL = Pattern.compile("(?i)\\b(?:no|not|without|lacks?|lacking|missing|absent|never|"
            + "none|nor|should|consider|wrap|add|instead|rather|recommend|isn't|doesn't|aren't|don't|cannot|can't)\\b");
    /** Words just after a mention that deny it: "the `@login_required` decorator is missing". */
    private static final Pattern ABSENT_AFTER = Pattern.compile("(?i)^\\W{0,3}(?:\\w+\\s+){0,2}?(?:is|are)\\s+(?:missing|absent|"
            + "not\\s+(?:used|called|set|passed|present|applied)|never\\s+(?:used|called|set|passed|applied))\\b");
    private static final Pattern CLAUSE_END = Pattern.compile("[.!?;:,\\n]\\s");
    /**
     * How far before a mention, in its clause, a denial counts: a few words, so that "not validated before
     * reaching `execute`" and "`Popen` is not used, `run` is" still assert `execute` and `run`.
     */
    private static final int DENIAL_REACH = 30;
    private static final int ABSENCE_REACH = 40;

    private Wording() {
    }

    /** The prose of the claim that states the finding: its explanation, or its whole text without one. */
    static String assertion(Claim claim) {
        if (claim.explanation() != null) return claim.explanation();
        return claim.text() == null ? "" : claim.text();
    }

    /** Whether the mention at {@code start..end} is denied or advised rather than asserted to be there. */
    static boolean isDenied(String text, int start, int end) {
        int clauseStart = 0;
        Matcher clauseEnd = CLAUSE_END.matcher(text);
        while (clauseEnd.find() && clauseEnd.end() <= start) clauseStart = clauseEnd.end();
        String before = text.substring(Math.max(clauseStart, start - DENIAL_REACH), start);
        String after = text.substring(end, Math.min(text.length(), end + ABSENCE_REACH));
        return DENIAL.matcher(before).find() || ABSENT_AFTER.matcher(after).find();
    }

    /** The first place the pattern occurs and is asserted, not denied. */
    static Optional<MatchResult> asserted(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (!isDenied(text, m.start(), m.end())) return Optional.of(m.toMatchResult());
        }
        return Optional.empty();
    }
}
