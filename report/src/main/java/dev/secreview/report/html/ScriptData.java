package dev.secreview.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import dev.secreview.report.JsonOutput;

import java.util.Locale;

/**
 * Data for a page's script, as the text of a {@code <script type="application/json">} element. The
 * browser ends that element at the first {@code </script}, whatever JSON says, so {@code <}, {@code >}
 * and {@code &} go as JSON escapes; so do the characters {@link Html} shows as escapes (U+2028 and U+2029,
 * which older script parsers take for line ends; bidirectional overrides, which would reorder the page's
 * source). They can only stand inside JSON strings, where the escapes mean the same.
 */
public final class ScriptData {

    private ScriptData() {
    }

    public static String of(JsonNode data) {
        String json = JsonOutput.render(data).strip();
        StringBuilder safe = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> safe.append("\\u003c");
                case '>' -> safe.append("\\u003e");
                case '&' -> safe.append("\\u0026");
                // Below U+007F JSON has escaped them already; a raw line end is the layout's.
                default -> safe.append(c >= 0x7f && Html.hidden(c) ? String.format(Locale.ROOT, "\\u%04x", (int) c) : c);
            }
        }
        return safe.toString();
    }
}
