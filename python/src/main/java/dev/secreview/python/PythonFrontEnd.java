package dev.secreview.python;

import dev.secreview.core.engine.FileAnalysis;
import dev.secreview.core.engine.FileDeadline;
import dev.secreview.core.engine.LanguageFrontEnd;
import dev.secreview.core.engine.SuppressionDirective;
import dev.secreview.core.engine.TreeMemo;
import dev.secreview.core.model.Diagnostic;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.SourceFile;
import dev.secreview.core.rule.InstalledRules;
import dev.secreview.core.rule.RuleMetadata;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.PythonRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.rules.access.LoginRateLimitRule;
import dev.secreview.python.rules.web.SerializerMassAssignmentRule;
import dev.secreview.python.semantic.PythonFile;
import dev.secreview.python.semantic.SerializerFields;
import dev.secreview.python.semantic.TemplateRenders;
import dev.secreview.python.lowering.PythonLowering;
import dev.secreview.python.semantic.Values;
import dev.secreview.python.taint.PythonFacts;
import dev.secreview.python.taint.PythonModels;
import dev.secreview.python.taint.TreeReview;
import dev.secreview.python.tree.PyNode;
import dev.secreview.python.tree.PyTree;
import dev.secreview.python.tree.PythonParser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import java.util.Set;

/**
 * The Python front end: parse (tree-sitter) → semantic model → one walk dispatching each node to
 * the rules that asked for its type → findings, syntax-error diagnostics and suppression directives.
 */
public final class PythonFrontEnd implements LanguageFrontEnd {
    private final PythonParser parser = new PythonParser();
    private final List<PythonRule> rules;
    private final Map<PythonRule, RuleMetadata> metadata = new IdentityHashMap<>();
    private final List<CallRule> callRules = new ArrayList<>();
    private final Map<String, List<NodeRule>> nodeRules = new HashMap<>();

    /** The front end with every registered rule. */
    public PythonFrontEnd() {
        this(installedRules());
    }

    /** A front end running only {@code rules} (used by rule tests). */
    public PythonFrontEnd(List<PythonRule> rules) {
        this.rules = List.copyOf(rules);
        for (PythonRule rule : this.rules) {
            metadata.put(rule, rule.metadata());
            if (rule instanceof CallRule callRule) callRules.add(callRule);
            if (rule instanceof NodeRule nodeRule) {
                for (String type : nodeRule.nodeTypes()) {
                    nodeRules.computeIfAbsent(type, k -> new ArrayList<>()).add(nodeRule);
                }
            }
        }
    }

    public static List<PythonRule> installedRules() {
        return InstalledRules.load(PythonRule.class, PythonRule::metadata);
    }

    @Override
    public String language() {
        return "python";
    }

    @Override
    public boolean handles(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        return name.endsWith(".py") || name.endsWith(".pyw");
    }

    @Override
    public List<RuleMetadata> rules() {
        List<RuleMetadata> all = new ArrayList<>(rules.stream().map(metadata::get).toList());
        all.addAll(PythonModels.rules());
        all.sort(Comparator.comparing(RuleMetadata::id));
        return List.copyOf(all);
    }

    @Override
    public FileAnalysis analyze(SourceFile source) {
        PyTree tree = parser.parse(source);
        PythonFile file = new PythonFile(tree);
        Values values = new Values(file);
        List<Finding> findings = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (PyTree.SyntaxError error : tree.syntaxErrors()) {
            diagnostics.add(new Diagnostic(Diagnostic.Kind.PARSE_ERROR, source.displayPath(), error.line(),
                    error.message() + "; the rest of the file was reviewed"));
        }
        Map<PythonRule, RuleContext> contexts = new IdentityHashMap<>();
        for (PythonRule rule : rules) {
            boolean runs = switch (file.role()) {
                case TEST -> rule.reviewsTestCode();
                case OPERATOR_TOOL -> rule.reviewsOperatorTools();
                case SERVICE -> true;
            };
            if (runs) {
                contexts.put(rule, new RuleContext(file, values, metadata.get(rule), findings));
            }
        }
        List<SuppressionDirective> directives = new ArrayList<>();
        int[] visited = {0};
        tree.root().forEachDescendant(node -> {
            if ((++visited[0] & 0xFFF) == 0) FileDeadline.check();
            if (node.is("comment")) {
                SuppressionDirective directive = SuppressionComments.parse(node);
                if (directive != null) directives.add(directive);
                return;
            }
            if (node.is("call") && !contexts.isEmpty() && !callRules.isEmpty()) {
                Call call = Call.of(node, file);
                for (CallRule rule : callRules) {
                    RuleContext context = contexts.get(rule);
                    if (context != null) runIsolated(rule, node, diagnostics, () -> rule.visitCall(call, context));
                }
            }
            List<NodeRule> interested = nodeRules.get(node.type());
            if (interested != null) {
                for (NodeRule rule : interested) {
                    RuleContext context = contexts.get(rule);
                    if (context != null) runIsolated(rule, node, diagnostics, () -> rule.visitNode(node, context));
                }
            }
        });
        return new FileAnalysis(findings, diagnostics, SuppressionComments.directives(directives, tree.root()),
                lower(file, values, diagnostics));
    }

    /**
     * The file's IR for the whole-tree dataflow, and the templates its views render; none for test code, which the
     * dataflow rules do not review and whose renders are not the application's.
     */
    private static PythonFacts lower(PythonFile file, Values values, List<Diagnostic> diagnostics) {
        if (file.isTestFile()) return null;
        try {
            TemplateRenders.Found views = views(file, values, diagnostics);
            return new PythonFacts(PythonLowering.lower(file, values), views.renders(), views.settings(),
                    file.namesLimiter(), file.serializerFields());
        } catch (RuntimeException | StackOverflowError e) {
            diagnostics.add(new Diagnostic(Diagnostic.Kind.ANALYSIS_ERROR, file.source().displayPath(), 0,
                    "dataflow lowering failed (" + e.getClass().getSimpleName() + "); pattern rules still ran"));
            return null;
        }
    }

    /** What the file says of templates; nothing when reading it fails, which costs the dataflow nothing. */
    private static TemplateRenders.Found views(PythonFile file, Values values, List<Diagnostic> diagnostics) {
        try {
            return TemplateRenders.found(file, values);
        } catch (RuntimeException | StackOverflowError e) {
            diagnostics.add(new Diagnostic(Diagnostic.Kind.ANALYSIS_ERROR, file.source().displayPath(), 0,
                    "reading the templates this file renders failed (" + e.getClass().getSimpleName()
                            + "); its templates are reviewed without it"));
            return new TemplateRenders.Found(List.of(), Set.of());
        }
    }

    @Override
    public Map<String, FileAnalysis> reviewTree(Map<String, FileAnalysis> analyses, Set<String> threatModels) {
        return reviewTree(analyses, threatModels, TreeMemo.NONE);
    }

    @Override
    public Map<String, FileAnalysis> reviewTree(Map<String, FileAnalysis> analyses, Set<String> threatModels,
                                               TreeMemo memo) {
        return withSerializersAcrossFiles(withoutLoginsOfLimitedApplications(
                new TreeReview(PythonModels.forThreatModels(threatModels), threatModels.contains("local"))
                        .review(analyses, memo, new java.util.TreeSet<>(threatModels).toString())));
    }

    /** The model serializers whose model, serializer and writing view no one file shows whole. */
    private Map<String, FileAnalysis> withSerializersAcrossFiles(Map<String, FileAnalysis> analyses) {
        RuleMetadata rule = rules.stream().filter(SerializerMassAssignmentRule.class::isInstance).findFirst()
                .map(metadata::get).orElse(null);
        if (rule == null) return analyses;
        List<SerializerFields.Facts> facts = analyses.values().stream()
                .map(a -> a.facts() instanceof PythonFacts f ? f.serializerFields() : SerializerFields.Facts.NONE)
                .filter(f -> !f.isEmpty()).toList();
        List<Finding> found = SerializerMassAssignmentRule.acrossFiles(rule, facts);
        if (found.isEmpty()) return analyses;
        Map<String, FileAnalysis> revised = new java.util.LinkedHashMap<>(analyses);
        for (Finding finding : found) {
            FileAnalysis analysis = revised.get(finding.path());
            if (analysis == null) continue;
            List<Finding> findings = new ArrayList<>(analysis.findings());
            findings.add(finding);
            revised.put(finding.path(), analysis.withFindings(findings));
        }
        return revised;
    }

    /**
     * A login endpoint without a limiter of its own is reported only in an application none of whose files limits
     * attempts: one limiter set up anywhere (a throttle in the settings, a limiter in the application factory) may
     * cover it.
     */
    private static Map<String, FileAnalysis> withoutLoginsOfLimitedApplications(Map<String, FileAnalysis> analyses) {
        if (analyses.values().stream().noneMatch(a -> a.facts() instanceof PythonFacts facts && facts.limitsAttempts())) {
            return analyses;
        }
        Map<String, FileAnalysis> revised = new java.util.LinkedHashMap<>();
        analyses.forEach((path, analysis) -> revised.put(path, analysis.withFindings(analysis.findings().stream()
                .filter(finding -> !finding.rule().id().equals(LoginRateLimitRule.ID)).toList())));
        return revised;
    }

    /** A rule that fails on one node is reported and skipped there; the other rules still run. */
    private void runIsolated(PythonRule rule, PyNode node, List<Diagnostic> diagnostics, Runnable check) {
        try {
            check.run();
        } catch (RuntimeException | StackOverflowError e) {
            diagnostics.add(new Diagnostic(Diagnostic.Kind.ANALYSIS_ERROR, node.tree().source().displayPath(),
                    node.startLine(), "rule " + metadata.get(rule).id() + " failed here ("
                    + e.getClass().getSimpleName() + "); other rules still ran"));
        }
    }
}
