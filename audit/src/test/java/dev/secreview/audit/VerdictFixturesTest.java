package dev.secreview.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verdict fixtures: three kinds of Python file (an oslo.config options module, a Flask app, a WSGI middleware)
 * and a Java servlet,
 * a review of each written the way an LLM answers (Markdown headings, a numbered list, the JSON answer schema), and
 * the expected audit of every claim in {@code verdicts/expected.tsv}: its verdict, whether what it says is true,
 * the static finding a true claim speaks of, a near twin that gets another verdict, and one line of its evidence.
 */
class VerdictFixturesTest {

    private static final Map<String, String> CODE_OF_REVIEW = Map.of(
            "scheduler_opts-review.md", "verdicts/code/conf/scheduler_opts.py",
            "notes-review.md", "verdicts/code/web/notes.py",
            "token_auth-review.json", "verdicts/code/middleware/token_auth.py",
            "order-review.md", "verdicts/code/servlet/OrderServlet.java");
    private static final Map<String, AuditReport> AUDITS = new ConcurrentHashMap<>();
    private static final Set<Verdict> EVIDENCE_VERDICTS = EnumSet.of(Verdict.SUPPORTED, Verdict.UNSUPPORTED,
            Verdict.CONTRADICTED, Verdict.UNKNOWN_SYMBOL, Verdict.UNVERIFIED);
    private static final double MIN_SUPPORTED_SHARE = 0.9;

    /** One line of expected.tsv. */
    record Expected(String review, int claim, Verdict verdict, boolean trueStatement, String staticRule, Integer twin,
                    String evidence) {

        static Expected parse(String line) {
            String[] field = line.split("\t", -1);
            if (field.length != 7) throw new IllegalArgumentException("expected.tsv: not 7 fields: " + line);
            return new Expected(field[0], Integer.parseInt(field[1]), Verdict.valueOf(field[2]), Boolean.parseBoolean(field[3]),
                    field[4].equals("-") ? null : field[4], field[5].equals("-") ? null : Integer.valueOf(field[5]), field[6]);
        }

        AuditedClaim audited() {
            return audit(review).claims().get(claim - 1);
        }

        @Override
        public String toString() {
            return review + " #" + claim + " " + verdict;
        }
    }

    static List<Expected> expected() {
        return Fixtures.text("verdicts/expected.tsv").lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(Expected::parse).toList();
    }

    private static AuditReport audit(String review) {
        return AUDITS.computeIfAbsent(review, r -> Fixtures.audit(CODE_OF_REVIEW.get(r), "verdicts/reviews/" + r));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expected")
    void verdictEvidenceAndAcceptance(Expected expected) {
        AuditedClaim audited = expected.audited();
        assertEquals(expected.verdict(), audited.verdict(), () -> audited.evidence().toString());
        assertEquals(expected.verdict() == Verdict.SUPPORTED, audited.accepted());
        assertTrue(audited.evidence().stream().anyMatch(e -> e.endsWith(expected.evidence())),
                () -> audited.evidence() + " lacks a line ending: " + expected.evidence());
        if (expected.twin() != null) {
            assertNotEquals(expected.verdict(), audit(expected.review()).claims().get(expected.twin() - 1).verdict(),
                    "the twin claim #" + expected.twin() + " gets another verdict");
        }
        if (expected.staticRule() != null) {
            assertTrue(audited.matches().stream().anyMatch(f -> f.rule().id().equals(expected.staticRule())),
                    () -> "claim speaks of no " + expected.staticRule() + " finding: " + audited.matches());
        }
    }

    @Test
    void everyClaimOfEveryReviewIsExpected() {
        Map<String, Long> rows = expected().stream().collect(Collectors.groupingBy(Expected::review, Collectors.counting()));
        for (String review : CODE_OF_REVIEW.keySet()) {
            assertEquals(rows.get(review), audit(review).claims().size(), review);
        }
        assertTrue(expected().size() >= 40, "at least 40 claims");
    }

    @Test
    void noClaimWithAFalseStatementIsAccepted() {
        List<Expected> falseAccepted = expected().stream().filter(e -> !e.trueStatement() && e.audited().accepted()).toList();
        assertEquals(List.of(), falseAccepted);
    }

    @Test
    void trueClaimsThatMatchAStaticFindingAreSupported() {
        List<Expected> matching = expected().stream().filter(e -> e.trueStatement() && e.staticRule() != null).toList();
        long supported = matching.stream().filter(e -> e.audited().verdict() == Verdict.SUPPORTED).count();
        assertTrue(matching.size() >= 10, "enough true claims that match a static finding: " + matching.size());
        assertTrue(supported >= MIN_SUPPORTED_SHARE * matching.size(), supported + " of " + matching.size() + " supported");
    }

    @Test
    void everyVerdictOfTheEvidenceHasClaimsThatGetItAndTwinsThatDoNot() {
        for (Verdict verdict : EVIDENCE_VERDICTS) {
            assertTrue(expected().stream().anyMatch(e -> e.verdict() == verdict && e.twin() != null),
                    verdict + " has a claim with a twin that gets another verdict");
            assertTrue(expected().stream().anyMatch(e -> e.verdict() != verdict && e.twin() != null
                    && expected().stream().anyMatch(t -> t.review().equals(e.review()) && t.claim() == e.twin() && t.verdict() == verdict)),
                    verdict + " is the twin of a claim that does not get it");
        }
    }

    @Test
    void trueAndFalseStatementsMeetTheVerdictsTheyShould() {
        Map<Verdict, Set<Boolean>> truths = expected().stream().collect(Collectors.groupingBy(Expected::verdict,
                Collectors.mapping(Expected::trueStatement, Collectors.toSet())));
        // A true claim contradicted or a false one supported would be the auditor's error.
        assertEquals(Set.of(true), truths.get(Verdict.SUPPORTED));
        assertEquals(Set.of(false), truths.get(Verdict.CONTRADICTED));
        // Unsupported and unverified say "not confirmed", not "false": both kinds of claim meet them.
        assertEquals(Set.of(true, false), truths.get(Verdict.UNSUPPORTED));
        assertEquals(Set.of(true, false), truths.get(Verdict.UNVERIFIED));
        assertFalse(truths.get(Verdict.UNKNOWN_SYMBOL).contains(true), "a claim that names what does not exist is not true");
    }
}
