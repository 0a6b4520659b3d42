package dev.secreview.templates;

import dev.secreview.core.model.SourceFile;
import dev.secreview.templates.parse.OutputContext;
import dev.secreview.templates.parse.OutputContext.Place;
import dev.secreview.templates.parse.Template;
import dev.secreview.templates.parse.TemplateValue;
import dev.secreview.templates.parse.ValueExpression;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplateParseTest {

    private static List<TemplateValue> values(String text) {
        return Template.parse(new SourceFile(Path.of("t.html"), "t.html", text)).values();
    }

    private static OutputContext only(String text) {
        List<TemplateValue> values = values(text);
        assertEquals(1, values.size(), text);
        return values.get(0).context();
    }

    @Test
    void filtersAreSplitAtTopLevelBarsOnly() {
        ValueExpression v = ValueExpression.parse("user.name|default:\"a|b\"|truncate(3, '|')|safe");
        assertEquals("user.name", v.expression());
        assertEquals(List.of("default", "truncate", "safe"), v.filters());
        assertEquals("name", v.lastName());
        assertEquals("user", v.rootName());
        assertTrue(ValueExpression.parse("'<b>x</b>'|safe").isLiteral());
        assertTrue(ValueExpression.parse("HORIZON_CONFIG.x").isSetting());
        assertFalse(ValueExpression.parse("user.X").isSetting());
    }

    @Test
    void eachValueGetsThePageContextItLandsIn() {
        assertEquals(Place.TEXT, only("<p>{{ a }}</p>").place());
        OutputContext quoted = only("<a class=\"x\" href=\"{{ a }}/b\">");
        assertEquals(new OutputContext(Place.ATTRIBUTE_VALUE, "a", "href", '"', true, false), quoted);
        assertEquals(new OutputContext(Place.ATTRIBUTE_VALUE, "a", "href", '\'', false, false),
                only("<a href='/u/{{ a }}'>"));
        assertEquals(new OutputContext(Place.ATTRIBUTE_VALUE, "td", "title", (char) 0, true, false),
                only("<td title={{ a }}>"));
        assertEquals(Place.ATTRIBUTE_LIST, only("<tr{{ attrs }}>").place());
        assertEquals(Place.ATTRIBUTE_LIST, only("<tr class=\"a\" {{ attrs }} id=\"b\">").place());
        assertEquals(Place.TEXT, only("<!-- <a href=\" --> {{ a }}").place());
        assertEquals(Place.TEXT, only("<textarea><a href=\"{{ a }}\"></textarea>").place());
        assertEquals(Place.STYLE, only("<style>p { color: {{ a }} }</style>").place());
    }

    @Test
    void scriptsAndEventHandlersAreJavaScript() {
        OutputContext code = only("<script>var a = {{ a }};</script>");
        assertEquals(Place.SCRIPT, code.place());
        assertFalse(code.inJsString());
        assertTrue(only("<script>var a = 'x' + \"{{ a }}\";</script>").inJsString());
        assertFalse(only("<script>// it's\nvar a = {{ a }};</script>").inJsString());
        assertEquals(Place.TEXT, only("<script type=\"text/ng-template\"><p>{{ a }}</p></script>").place());
        OutputContext handler = only("<button onclick=\"go('{{ a }}')\">");
        assertTrue(handler.inEventHandler());
        assertTrue(handler.inJsString());
        // Template tags are blanks to the HTML: they neither open nor close anything.
        assertEquals(Place.TEXT, only("<script>{% if x %}var a;{% endif %}</script>{{ a }}").place());
    }

    @Test
    void autoescapeBlocksNestAndFilterSafeTurnsEscapingOff() {
        List<TemplateValue> v = values("{% autoescape off %}{{ a }}{% autoescape on %}{{ b }}{% endautoescape %}"
                + "{% filter upper %}{{ c }}{% endfilter %}{% endautoescape %}{{ d }}"
                + "{% filter force_escape|safe %}{{ e }}{% endfilter %}");
        assertEquals("{% autoescape off %}", v.get(0).unescapedBy());
        assertNull(v.get(1).unescapedBy());
        assertEquals("{% autoescape off %}", v.get(2).unescapedBy());
        assertNull(v.get(3).unescapedBy());
        assertEquals("{% filter safe %}", v.get(4).unescapedBy());
    }

    @Test
    void anUnbalancedQuoteInATagDoesNotHideItsEnd() {
        assertEquals(List.of("b", "name"), values("{% trans 'it's' %}{{ b }}{% blocktrans %}Don't {{ name }}"
                + "{% endblocktrans %}").stream().map(t -> t.value().expression()).toList());
    }

    @Test
    void commentsAndLiteralBlocksHoldNoValues() {
        assertEquals(List.of(), values("{# {{ a|safe }} #}{% comment %}{{ b|safe }}{% endcomment %}"
                + "{% raw %}{{ c|safe }}{% endraw %}{% verbatim %}{{ d|safe }}{% endverbatim %}"));
        assertEquals(List.of("e"), values("{%- if x -%}{{- e -}}{% endif %}").stream()
                .map(t -> t.value().expression()).toList());
    }
}
