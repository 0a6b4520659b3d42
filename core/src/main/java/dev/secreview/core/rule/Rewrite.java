package dev.secreview.core.rule;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mechanical fix: in the code a finding covers (the text of its range), the one match of {@code find}
 * becomes {@code replace}, a {@link Matcher#replaceFirst} replacement. A rule offers one only where no
 * judgement is needed ({@code yaml.load(f)} becomes {@code yaml.safe_load(f)}); when its pattern matches
 * the code nowhere or more than once, the finding offers no fix rather than a guess.
 */
public record Rewrite(String find, String replace) implements java.io.Serializable {

    public Rewrite {
        Pattern.compile(find); // a bad pattern fails when the rule is loaded, not when a finding is reported
    }

    static Rewrite of(RewriteInfo info) {
        return new Rewrite(info.find(), info.replace());
    }

    /** One replacement in a piece of code: the characters {@code start} to {@code end} become {@code text}. */
    public record Edit(int start, int end, String text) {

        /** {@code code} with this replacement made. */
        public String applyTo(String code) {
            return code.substring(0, start) + text + code.substring(end);
        }
    }

    /** The edit of the first of {@code rewrites} whose pattern matches {@code code} exactly once. */
    public static Optional<Edit> firstIn(List<Rewrite> rewrites, String code) {
        for (Rewrite rewrite : rewrites) {
            Matcher matcher = Pattern.compile(rewrite.find).matcher(code);
            if (!matcher.find()) continue;
            int start = matcher.start();
            int end = matcher.end();
            StringBuilder replaced = new StringBuilder();
            matcher.appendReplacement(replaced, rewrite.replace);
            if (matcher.find()) continue;
            return Optional.of(new Edit(start, end, replaced.substring(start)));
        }
        return Optional.empty();
    }
}
