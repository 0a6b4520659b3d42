package dev.secreview.python.rules.web;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.python.rules.RuleCheck;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** mark_safe() is reported with the values nobody escaped, found through helper methods and loops. */
class MarkSafeRuleTest {

    private static List<Finding> findings(String code) {
        return RuleCheck.findings(new MarkSafeRule(), "app/widgets.py",
                "from django.utils.html import escape\nfrom django.utils.safestring import mark_safe\n\n" + code);
    }

    @Test
    void theUnescapedValueIsNamedWhereItIs() {
        List<Finding> found = findings("""
                class Widget:
                    def render(self):
                        return mark_safe("<ul>%s</ul>" % self.items())

                    def items(self):
                        rows = []
                        for name in self.names:
                            rows.append("<li>%s</li>" % name)
                        return "".join(rows)
                """);
        assertEquals(1, found.size());
        assertEquals(Confidence.LOW, found.get(0).confidence());
        assertTrue(found.get(0).message().contains("HTML built from `self.names` (in `items()`)"),
                found.get(0).message());
    }

    @Test
    void aTemplateFilterSaysWhereItMatters() {
        List<Finding> found = findings("""
                @register.filter(is_safe=True)
                def quoted(value):
                    return mark_safe(value.replace("$", "\\$"))
                """);
        assertEquals(1, found.size());
        assertTrue(found.get(0).message().contains("it is a template filter, so in a template that renders HTML"),
                found.get(0).message());
    }

    @Test
    void escapedHelperMethodsAreFollowed() {
        assertEquals(List.of(), findings("""
                class Widget:
                    def render(self, label):
                        return mark_safe("<b>%s</b>" % self.label_html(label))

                    def label_html(self, label):
                        if not label:
                            return ""
                        return escape(label)
                """));
    }
}
