package dev.secreview.audit;

import dev.secreview.python.tree.PyNode;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an {@code oslo.config} option's value means, by the option's own text: its {@code help=} sentence
 * ("0 means the job is never retried", "Set to 0 to disable") and its {@code min=}/{@code max=}. A claim that
 * gives a value a meaning ("0 means unlimited retries") is refuted when the help gives it another kind of
 * meaning and confirmed when it gives the same kind; a claim that an option can take a value ("`poll_interval`
 * can be set to 0") is refuted by a bound that excludes it.
 */
final class OptionMeaningFacts implements PythonFactChecker {

    private static final String NUMBER = "(-?\\d+|zero)";
    private static final Pattern CLAIMED_MEANING = Pattern.compile("(?i)(?<![\\w.-])" + NUMBER
            + "(?:,?\\s+(?:which|that))?\\s+(?:means|stands\\s+for|is\\s+(?:treated|interpreted)\\s+as|disables|turns\\s+off)\\s+([^.;,]+)");
    private static final Pattern CLAIMED_VALUE = Pattern.compile("(?i)\\b(?:can|could|may)\\s+(?:also\\s+)?be\\s+(?:set\\s+to\\s+)?"
            + NUMBER + "(?![\\w.])|\\baccepts\\s+(?:a\\s+value\\s+of\\s+)?" + NUMBER + "(?![\\w.])");
    /** The meanings a help text can give a value, as kinds: "no limit" is one, "never / disabled" another. */
    private static final Pattern UNLIMITED = Pattern.compile("(?i)\\bno\\s+(?:limit|maximum|timeout|cap)\\b|\\bunlimited\\b"
            + "|\\binfinite(?:ly)?\\b|\\bforever\\b|\\bindefinitely\\b|\\bunbounded\\b|\\bwithout\\s+(?:a\\s+|any\\s+)?limit\\b"
            + "|\\bnever\\s+(?:times?\\s+out|expires?|stops?|ends?)\\b");
    private static final Pattern NONE = Pattern.compile("(?i)\\bnever\\b|\\bdisabled?\\b|\\bdisables\\b|\\bturn(?:s|ed)?\\s+off\\b"
            + "|\\bno\\s+\\w+|\\bnot\\s+(?:at\\s+all|\\w+ed)\\b|\\bnone\\b|\\bnothing\\b");

    @Override
    public Optional<Fact> judge(Claim claim, String assertion, AuditInput input, PythonCode code) {
        Matcher meaning = CLAIMED_MEANING.matcher(assertion);
        Matcher value = CLAIMED_VALUE.matcher(assertion);
        List<OsloOption> options = OsloOption.targetedBy(claim, assertion, code);
        if (meaning.find()) {
            long number = value(meaning.group(1));
            String claimed = meaning.group(2);
            return Fact.ofAll(options, o -> meaning(o, code, number, claimed, true), o -> meaning(o, code, number, claimed, false));
        }
        if (value.find()) {
            long number = value(value.group(1) != null ? value.group(1) : value.group(2));
            return Fact.ofAll(options, o -> excludedBy(o, code, number), o -> Optional.empty());
        }
        return Optional.empty();
    }

    private static Optional<String> meaning(OsloOption option, PythonCode code, long value, String claimed, boolean refuting) {
        Optional<PyNode> help = option.keyword("help");
        Optional<String> text = help.flatMap(h -> code.values().string(h));
        if (text.isEmpty()) return Optional.empty();
        Matcher stated = Pattern.compile("(?i)(?<![\\w.-])" + value + "\\s+(?:means|for|disables|turns\\s+off)\\s+([^.;]+)"
                + "|\\b(?:set|use)\\s+(?:it\\s+)?(?:to\\s+)?" + value + "\\s+to\\s+([^.;]+)").matcher(text.get());
        if (!stated.find()) return Optional.empty();
        String says = stated.group(1) != null ? stated.group(1).strip() : stated.group(2).strip();
        Optional<Pattern> claimedKind = kind(claimed);
        Optional<Pattern> statedKind = kind(says);
        if (claimedKind.isEmpty() || statedKind.isEmpty() || claimedKind.equals(statedKind) == refuting) return Optional.empty();
        PyNode at = help.get();
        return Optional.of(Evidence.place(at.tree().source().displayPath(), at.startLine(), at.tree().source().line(at.startLine()))
                + " says " + value + (stated.group(1) != null ? " means " : " is for: ") + says);
    }

    private static Optional<String> excludedBy(OsloOption option, PythonCode code, long value) {
        Optional<String> belowMin = bound(option, code, "min").filter(min -> value < min)
                .map(min -> option.fact("is declared with min=" + min + ", so oslo.config rejects " + value));
        return belowMin.or(() -> bound(option, code, "max").filter(max -> value > max)
                .map(max -> option.fact("is declared with max=" + max + ", so oslo.config rejects " + value)));
    }

    private static Optional<Long> bound(OsloOption option, PythonCode code, String keyword) {
        return option.keyword(keyword).flatMap(code.values()::constant).filter(Number.class::isInstance)
                .map(n -> ((Number) n).longValue());
    }

    private static Optional<Pattern> kind(String meaning) {
        if (UNLIMITED.matcher(meaning).find()) return Optional.of(UNLIMITED);
        if (NONE.matcher(meaning).find()) return Optional.of(NONE);
        return Optional.empty();
    }

    private static long value(String number) {
        return number.equalsIgnoreCase("zero") ? 0 : Long.parseLong(number);
    }
}
