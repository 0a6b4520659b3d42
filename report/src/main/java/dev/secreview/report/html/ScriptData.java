package dev.secreview.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import dev.secreview.report.JsonOutput;

/**
 * Data for a page's script, as the text of a {@code <script type="application/json">} element. The
 * browser ends that element at the first {@code </script}, whatever JSON says, so {@code <}, {@code >}
 * and {@code &} go as JSON escapes; U+2028 and U+2029 too, which older script parsers take for line ends.
 * The characters can only stand inside JSON strings, where the escapes mean the same.
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
                case '\u2028' -> safe.append("\\u2028");
                case '\u2029' -> safe.append("\\u2029");
                default -> safe.append(c);
            }
        }
        return safe.toString();
    }
}
