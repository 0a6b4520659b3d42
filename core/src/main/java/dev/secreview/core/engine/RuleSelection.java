package dev.secreview.core.engine;

import dev.secreview.core.rule.RuleMetadata;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which rules' findings a review reports: the selected rules (every rule when none is selected), less the ignored
 * ones, less those ignored for the paths a glob names. A rule is named by its id ({@code py-sql-string}), by the
 * CWE it reports ({@code CWE-89}: the rules whose own CWE is exactly that one, not a child of it) or by an alternate
 * name such as a Bandit id ({@code B602}). The selection drops findings after the analysis, never an analysis: the
 * dataflow that judges the pattern rules runs whatever is selected.
 */
public final class RuleSelection {

    /** Every finding of every rule. */
    public static final RuleSelection ALL = new RuleSelection(List.of(), List.of(), List.of());

    private static final Pattern CWE = Pattern.compile("cwe-(\\d{1,9})");

    /** Rules not reported in the files a glob names ({@code "tests/**" = ["py-assert-access-check"]}). */
    public record PathIgnore(PathGlob files, List<String> rules) {
        public PathIgnore {
            rules = List.copyOf(rules);
        }
    }

    private final List<String> selected;
    private final List<String> ignored;
    private final List<PathIgnore> ignoredByPath;

    public RuleSelection(List<String> selected, List<String> ignored, List<PathIgnore> ignoredByPath) {
        this.selected = List.copyOf(selected);
        this.ignored = List.copyOf(ignored);
        this.ignoredByPath = List.copyOf(ignoredByPath);
    }

    /** Whether findings of {@code rule} are reported anywhere. */
    public boolean reports(RuleMetadata rule) {
        return (selected.isEmpty() || namesAny(selected, rule)) && !namesAny(ignored, rule);
    }

    /** Whether findings of {@code rule} are reported in the file at {@code projectPath} (see {@link PathGlob}). */
    public boolean reports(RuleMetadata rule, String projectPath) {
        return reports(rule) && ignoredByPath.stream()
                .noneMatch(ignore -> namesAny(ignore.rules(), rule) && ignore.files().matches(projectPath, false));
    }

    /** Whether {@code name} (an id, {@code CWE-n} or an alternate name, in any case) names {@code rule}. */
    public static boolean names(String name, RuleMetadata rule) {
        Matcher cwe = CWE.matcher(name.strip().toLowerCase(Locale.ROOT));
        if (cwe.matches()) return Integer.parseInt(cwe.group(1)) == rule.cwe();
        return rule.answersTo(name.strip());
    }

    /** The first of {@code names} that names none of {@code rules}, if any. */
    public static Optional<String> unknown(Collection<String> names, List<RuleMetadata> rules) {
        return names.stream().filter(name -> rules.stream().noneMatch(rule -> names(name, rule))).findFirst();
    }

    private static boolean namesAny(List<String> names, RuleMetadata rule) {
        return names.stream().anyMatch(name -> names(name, rule));
    }
}
