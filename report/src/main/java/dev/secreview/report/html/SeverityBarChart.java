package dev.secreview.report.html;

import dev.secreview.core.model.Severity;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A horizontal bar chart as inline SVG: one bar per group, split by severity, its label and its counts
 * above it so that no text overlaps a bar. Colours come from the page's stylesheet ({@code sev-high}…);
 * every coordinate is a whole number, so the same counts give the same bytes.
 */
public final class SeverityBarChart {

    /** One bar: its label and its count per severity (a missing severity counts 0). */
    public record Bar(String label, Map<Severity, Integer> counts) {
        int count(Severity severity) {
            return counts.getOrDefault(severity, 0);
        }

        int total() {
            return ORDER.stream().mapToInt(this::count).sum();
        }
    }

    /** Segments left to right and the legend: most severe first. */
    private static final List<Severity> ORDER = List.of(Severity.HIGH, Severity.MEDIUM, Severity.LOW);

    private static final int WIDTH = 960;
    private static final int LEGEND_HEIGHT = 28;
    private static final int ROW_HEIGHT = 46;
    private static final int BAR_TOP = 20;
    private static final int BAR_HEIGHT = 16;
    /** Room after the longest bar for its total. */
    private static final int TOTAL_ROOM = 48;

    private SeverityBarChart() {
    }

    /** The chart, {@code title} naming it for screen readers and as its tooltip. */
    public static String svg(String title, List<Bar> bars) {
        int height = LEGEND_HEIGHT + bars.size() * ROW_HEIGHT;
        int longest = bars.stream().mapToInt(Bar::total).max().orElse(1);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" aria-labelledby=\"chart-title chart-desc\">\n");
        svg.append("<title id=\"chart-title\">").append(Html.plain(title)).append("</title>\n");
        StringJoiner description = new StringJoiner("; ");
        bars.forEach(bar -> description.add(bar.label() + ": " + breakdown(bar)));
        svg.append("<desc id=\"chart-desc\">").append(Html.plain(description.toString())).append("</desc>\n");
        legend(svg);
        for (int i = 0; i < bars.size(); i++) {
            bar(bars.get(i), LEGEND_HEIGHT + i * ROW_HEIGHT, longest, svg);
        }
        return svg.append("</svg>").toString();
    }

    private static void legend(StringBuilder svg) {
        int x = 0;
        for (Severity severity : ORDER) {
            svg.append("<rect class=\"sev-").append(severity.label()).append("\" x=\"").append(x)
                    .append("\" y=\"2\" width=\"12\" height=\"12\" rx=\"2\"/>")
                    .append("<text class=\"chart-legend\" x=\"").append(x + 18).append("\" y=\"12\">")
                    .append(severity.label()).append("</text>\n");
            x += 40 + 8 * severity.label().length();
        }
    }

    private static void bar(Bar bar, int top, int longest, StringBuilder svg) {
        svg.append("<g class=\"chart-row\">\n");
        svg.append("<text class=\"chart-label\" x=\"0\" y=\"").append(top + 13).append("\">")
                .append(Html.plain(bar.label())).append("</text>");
        svg.append("<text class=\"chart-breakdown\" x=\"").append(WIDTH).append("\" y=\"").append(top + 13)
                .append("\" text-anchor=\"end\">").append(Html.plain(breakdown(bar))).append("</text>\n");
        int scale = WIDTH - TOTAL_ROOM;
        int done = 0;
        for (Severity severity : ORDER) {
            int n = bar.count(severity);
            if (n == 0) continue;
            // From running totals, so that rounding never leaves a gap between segments.
            int x = done * scale / longest;
            done += n;
            int width = done * scale / longest - x;
            svg.append("<rect class=\"sev-").append(severity.label()).append("\" x=\"").append(x)
                    .append("\" y=\"").append(top + BAR_TOP).append("\" width=\"").append(width)
                    .append("\" height=\"").append(BAR_HEIGHT).append("\"><title>")
                    .append(Html.plain(bar.label() + ": " + n + " " + severity.label()))
                    .append("</title></rect>\n");
        }
        svg.append("<text class=\"chart-total\" x=\"").append(done * scale / longest + 8).append("\" y=\"")
                .append(top + BAR_TOP + BAR_HEIGHT - 3).append("\">").append(bar.total()).append("</text>\n");
        svg.append("</g>\n");
    }

    /** {@code 2 high, 1 medium}: the non-zero counts. */
    private static String breakdown(Bar bar) {
        StringJoiner parts = new StringJoiner(", ");
        for (Severity severity : ORDER) {
            if (bar.count(severity) > 0) parts.add(bar.count(severity) + " " + severity.label());
        }
        return parts.toString();
    }
}
