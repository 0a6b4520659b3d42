package dev.secreview.templates.api;

import dev.secreview.core.rule.RuleMetadata;
import dev.secreview.templates.parse.Template;

/**
 * A template rule: a small class annotated with {@link dev.secreview.core.rule.RuleInfo} (id {@code tpl-…}) that
 * reads a parsed {@link Template} and reports through its {@link TemplateRuleContext}. Registered in
 * {@code META-INF/services/dev.secreview.templates.api.TemplateRule}. Shared by all worker threads: keep it stateless.
 */
public interface TemplateRule {

    default RuleMetadata metadata() {
        return RuleMetadata.of(getClass());
    }

    void check(Template template, TemplateRuleContext context);
}
