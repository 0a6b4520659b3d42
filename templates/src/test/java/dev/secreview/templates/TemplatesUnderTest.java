package dev.secreview.templates;

import dev.secreview.conformance.FrontEndUnderTest;
import dev.secreview.dataflow.model.TaintModels;
import dev.secreview.templates.api.TemplateRule;

import java.util.List;

/** The template front end, as the conformance tests of every front end see it: pattern rules only, no models. */
final class TemplatesUnderTest {

    static final FrontEndUnderTest FRONT_END = new FrontEndUnderTest("tpl", "templates", ".html", "{#",
            "dev/secreview/templates/rules", TemplateRule.class.getName(), TemplateFrontEnd.class,
            TemplateFrontEnd.installedRules().stream().map(TemplateRule::metadata).toList(),
            TemplateFrontEnd.installedRules().stream().map(rule -> rule.getClass().getName()).toList(),
            id -> new TemplateFrontEnd(TemplateFrontEnd.installedRules().stream()
                    .filter(rule -> rule.metadata().id().equals(id)).toList()),
            TemplateFrontEnd::new, TaintModels.parse(List.of()), 0);

    private TemplatesUnderTest() {
    }
}
