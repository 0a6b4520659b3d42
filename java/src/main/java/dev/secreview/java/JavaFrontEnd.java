package dev.secreview.java;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import dev.secreview.core.engine.FileAnalysis;
import dev.secreview.core.engine.LanguageFrontEnd;
import dev.secreview.core.engine.TreeMemo;
import dev.secreview.core.model.Diagnostic;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.SourceFile;
import dev.secreview.core.rule.InstalledRules;
import dev.secreview.core.rule.RuleMetadata;
import dev.secreview.java.api.JavaRule;
import dev.secreview.java.api.RuleContext;
import dev.secreview.java.lowering.JavaLowering;
import dev.secreview.java.taint.JavaFacts;
import dev.secreview.java.taint.JavaModels;
import dev.secreview.java.taint.JavaTreeReview;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import java.util.Set;
import java.util.TreeSet;

/**
 * The Java front end: JavaParser's syntax tree → the pattern rules → the lowering to the dataflow IR; the whole-tree
 * phase runs the taint analysis with Java's models and semantics ({@link JavaTreeReview}). Names are resolved from
 * each file's imports and declarations (no symbol solver).
 */
public final class JavaFrontEnd implements LanguageFrontEnd {
    private final List<JavaRule> rules;
    private final List<RuleMetadata> metadata;

    public JavaFrontEnd() {
        this(installedRules());
    }

    /** A front end running only {@code rules} (used by rule tests). */
    public JavaFrontEnd(List<JavaRule> rules) {
        this.rules = List.copyOf(rules);
        this.metadata = this.rules.stream().map(JavaRule::metadata).toList();
    }

    public static List<JavaRule> installedRules() {
        return InstalledRules.load(JavaRule.class, JavaRule::metadata);
    }

    @Override
    public String language() {
        return "java";
    }

    @Override
    public boolean handles(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().endsWith(".java");
    }

    @Override
    public List<RuleMetadata> rules() {
        List<RuleMetadata> all = new ArrayList<>(metadata);
        all.addAll(JavaModels.rules());
        all.sort(Comparator.comparing(RuleMetadata::id));
        return List.copyOf(all);
    }

    /** A parser per call: JavaParser's parser keeps state while it parses. */
    static JavaParser parser() {
        return new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21)
                .setAttributeComments(true));
    }

    @Override
    public FileAnalysis analyze(SourceFile source) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        ParseResult<CompilationUnit> parsed;
        try {
            parsed = parser().parse(source.text());
        } catch (RuntimeException | StackOverflowError e) {
            diagnostics.add(new Diagnostic(Diagnostic.Kind.PARSE_ERROR, source.displayPath(), 0,
                    "the Java parser failed (" + e.getClass().getSimpleName() + "); the file was not reviewed"));
            return new FileAnalysis(List.of(), diagnostics, List.of());
        }
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            Problem first = parsed.getProblems().isEmpty() ? null : parsed.getProblems().get(0);
            int line = first == null ? 0 : first.getLocation().flatMap(l -> l.getBegin().getRange()).map(r -> r.begin.line).orElse(0);
            String message = first == null ? "syntax error" : first.getMessage().lines().findFirst().orElse("syntax error");
            diagnostics.add(new Diagnostic(Diagnostic.Kind.PARSE_ERROR, source.displayPath(), line,
                    message + "; the file was not reviewed"));
            return new FileAnalysis(List.of(), diagnostics, List.of());
        }
        CompilationUnit unit = parsed.getResult().get();
        List<Finding> findings = new ArrayList<>();
        boolean test = isTestCode(source);
        if (!test) {
            for (int i = 0; i < rules.size(); i++) {
                JavaRule rule = rules.get(i);
                try {
                    rule.check(unit, new RuleContext(source, unit, metadata.get(i), findings));
                } catch (RuntimeException | StackOverflowError e) {
                    diagnostics.add(new Diagnostic(Diagnostic.Kind.ANALYSIS_ERROR, source.displayPath(), 0,
                            "rule " + metadata.get(i).id() + " failed (" + e.getClass().getSimpleName() + "); other rules still ran"));
                }
            }
        }
        JavaFacts facts = null;
        if (!test) {
            try {
                facts = new JavaFacts(JavaLowering.lower(source, unit));
            } catch (RuntimeException | StackOverflowError e) {
                diagnostics.add(new Diagnostic(Diagnostic.Kind.ANALYSIS_ERROR, source.displayPath(), 0,
                        "dataflow lowering failed (" + e.getClass().getSimpleName() + "); pattern rules still ran"));
            }
        }
        return new FileAnalysis(findings, diagnostics, Suppressions.of(unit), facts);
    }

    /** Test code (under a {@code src/test} folder, or a {@code *Test.java} file) is not reviewed by the rules. */
    private static boolean isTestCode(SourceFile source) {
        String path = "/" + source.projectPath().replace('\\', '/');
        String name = path.substring(path.lastIndexOf('/') + 1);
        return path.contains("/src/test/") || name.endsWith("Test.java") || name.endsWith("Tests.java")
                || name.endsWith("IT.java");
    }

    @Override
    public Map<String, FileAnalysis> reviewTree(Map<String, FileAnalysis> analyses, Set<String> threatModels) {
        return reviewTree(analyses, threatModels, TreeMemo.NONE);
    }

    @Override
    public Map<String, FileAnalysis> reviewTree(Map<String, FileAnalysis> analyses, Set<String> threatModels,
                                               TreeMemo memo) {
        return new JavaTreeReview(JavaModels.forThreatModels(threatModels))
                .review(analyses, memo, new TreeSet<>(threatModels).toString());
    }
}
