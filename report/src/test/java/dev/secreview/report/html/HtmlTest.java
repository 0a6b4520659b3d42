package dev.secreview.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.secreview.report.JsonOutput;
import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void textEscapesMarkupAndQuotes() {
        assertEquals("&lt;/script&gt;&lt;b title=&quot;x&quot; id=&#39;y&#39;&gt;a &amp; b",
                Html.text("</script><b title=\"x\" id='y'>a & b"));
    }

    @Test
    void hiddenCharactersAreMarkedInTextAndPlainElsewhere() {
        assertEquals("a<span class=\"hidden-char\">\\x1b</span>[2J\tb<span class=\"hidden-char\">\\u202e</span>",
                Html.text("a\u001b[2J\tb\u202e"));
        assertEquals("a\\x1b[2J\\x0ab\\u2028", Html.plain("a\u001b[2J\nb\u2028"));
    }

    @Test
    void proseQuotesBacktickedCodeAndLeavesAnUnpairedBacktick() {
        assertEquals("<code>cmd</code> carries <code>a&lt;b</code> into `a shell",
                Html.prose("`cmd` carries `a<b` into `a shell"));
        assertEquals("no code", Html.prose("no code"));
    }

    @Test
    void scriptDataCannotEndItsElementAndStillParsesToTheSameText() throws Exception {
        String value = "</script><!-- & \u2028\u2029\u202e";
        String data = ScriptData.of(JsonOutput.object().put("path", value));
        assertEquals("{\n  \"path\": \"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\\u2029\\u202e\"\n}", data);
        assertEquals(value, new JsonMapper().readTree(data).get("path").asText());
    }
}
