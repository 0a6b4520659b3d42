package dev.secreview.templates;

import dev.secreview.core.engine.FileAnalysis;
import dev.secreview.core.engine.LanguageFrontEnd;
import dev.secreview.core.engine.TemplateRender;
import dev.secreview.core.engine.TreeMemo;
import dev.secreview.core.engine.Views;
import dev.secreview.core.model.Diagnostic;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.SourceFile;
import dev.secreview.core.rule.InstalledRules;
import dev.secreview.core.rule.RuleMetadata;
import dev.secreview.templates.api.TemplateRule;
import dev.secreview.templates.api.TemplateRuleContext;
import dev.secreview.templates.parse.Template;
import dev.secreview.templates.parse.TemplateFiles;
import dev.secreview.templates.parse.ViewContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Jinja2 and Django templates ({@code .html}, {@code .htm}, {@code .jinja}, {@code .jinja2}, {@code .j2}, and
 * {@code .txt}/{@code .xml} in a {@code templates/} folder): lex the template syntax, follow the HTML it writes to give
 * each value its context, run every rule over the result. An HTML file without template syntax is a plain page, not
 * a template: it is reviewed and has no findings (none of these rules has anything to read in it); a file in a
 * {@code static/} folder is served as it is and is not a template. Rules run only
 * where the output is markup (not in a {@code .txt} or a configuration file's {@code .j2}) and not on test templates.
 */
public final class TemplateFrontEnd implements LanguageFrontEnd {
    private final List<TemplateRule> rules;
    private final Map<TemplateRule, RuleMetadata> metadata = new IdentityHashMap<>();

    public TemplateFrontEnd() {
        this(installedRules());
    }

    /** A front end running only {@code rules} (used by rule tests). */
    public TemplateFrontEnd(List<TemplateRule> rules) {
        this.rules = List.copyOf(rules);
        for (TemplateRule rule : this.rules) metadata.put(rule, rule.metadata());
    }

    public static List<TemplateRule> installedRules() {
        return InstalledRules.load(TemplateRule.class, TemplateRule::metadata);
    }

    @Override
    public String language() {
        return "template";
    }

    @Override
    public boolean handles(Path file) {
        return TemplateFiles.isTemplate(file);
    }

    @Override
    public List<RuleMetadata> rules() {
        return rules.stream().map(metadata::get).toList();
    }

    @Override
    public FileAnalysis analyze(SourceFile source) {
        Template template = Template.parse(source);
        List<Diagnostic> diagnostics = new ArrayList<>();
        if (template.unclosed() >= 0) {
            diagnostics.add(new Diagnostic(Diagnostic.Kind.PARSE_ERROR, source.displayPath(),
                    template.lineOf(template.unclosed()), "template delimiter never closed; the text after it was "
                    + "read as plain text"));
        }
        boolean reviewed = template.isTemplate() && template.output() != Template.Output.TEXT
                && !TemplateFiles.isTestTemplate(source.projectPath());
        List<Finding> findings = reviewed ? check(template, diagnostics) : List.of();
        return new FileAnalysis(findings, diagnostics, TemplateSuppressions.of(template),
                reviewed ? new TemplateFacts(source, template.references(), template.aliases()) : null);
    }

    /** Every rule over the template; a rule that throws is a diagnostic and the others still run. */
    private List<Finding> check(Template template, List<Diagnostic> diagnostics) {
        List<Finding> findings = new ArrayList<>();
        for (TemplateRule rule : rules) {
            RuleMetadata info = metadata.get(rule);
            try {
                rule.check(template, new TemplateRuleContext(template, info, findings));
            } catch (RuntimeException | StackOverflowError e) {
                diagnostics.add(new Diagnostic(Diagnostic.Kind.ANALYSIS_ERROR, template.source().displayPath(), 0,
                        "rule " + info.id() + " failed (" + e.getClass().getSimpleName() + "); other rules still ran"));
            }
        }
        findings.sort(Finding.ORDER);
        return findings;
    }

    /**
     * The view connection: each template that some view renders (directly, or through the templates that include or
     * extend it) is reviewed again knowing what the views pass to it, so its rules drop values the views fill with
     * constants, settings or escaped text and say where the request's data comes in; with an engine setting of the
     * views (escaping gettext), every template is. The other templates keep their own review.
     */
    @Override
    public Map<String, FileAnalysis> reviewTree(Map<String, FileAnalysis> analyses, Set<String> threatModels,
                                               TreeMemo memo, Views views) {
        Map<String, TemplateFacts> templates = new LinkedHashMap<>();
        analyses.forEach((path, analysis) -> {
            if (analysis.facts() instanceof TemplateFacts facts) templates.put(path, facts);
        });
        if (templates.isEmpty() || views.isEmpty()) return analyses;
        Map<String, FileAnalysis> revised = new LinkedHashMap<>(analyses);
        Map<String, List<TemplateRender>> reached = ViewConnection.connect(templates, views.renders());
        templates.forEach((path, facts) -> {
            List<TemplateRender> reaching = reached.getOrDefault(path, List.of());
            if (reaching.isEmpty() && views.settings().isEmpty()) return;
            FileAnalysis own = analyses.get(path);
            List<Diagnostic> diagnostics = new ArrayList<>(own.diagnostics());
            List<Finding> findings = check(Template.parse(facts.source(), new ViewContext(reaching, views.settings())),
                    diagnostics);
            revised.put(path, new FileAnalysis(findings, diagnostics.stream().distinct().toList(), own.suppressions(),
                    own.facts()));
        });
        return revised;
    }
}
