package dev.secreview.java.api;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.core.model.SourceFile;
import dev.secreview.core.model.TextRange;
import dev.secreview.core.rule.RuleMetadata;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a rule reads of one file beyond its syntax tree (the qualified names of types and calls) and where it reports. */
public final class RuleContext {
    private final SourceFile source;
    private final RuleMetadata rule;
    private final List<Finding> findings;
    private final Map<String, String> imports = new HashMap<>();

    public RuleContext(SourceFile source, CompilationUnit unit, RuleMetadata rule, List<Finding> findings) {
        this.source = source;
        this.rule = rule;
        this.findings = findings;
        for (ImportDeclaration imp : unit.getImports()) {
            if (imp.isAsterisk()) continue;
            String name = imp.getNameAsString();
            imports.put(name.substring(name.lastIndexOf('.') + 1), name);
        }
    }

    public SourceFile source() {
        return source;
    }

    /** The qualified name of a type as written ({@code Cipher} imported from {@code javax.crypto}), or as written. */
    public String typeName(String written) {
        int dot = written.indexOf('.');
        String first = dot < 0 ? written : written.substring(0, dot);
        String imported = imports.get(first);
        if (imported != null) return dot < 0 ? imported : imported + written.substring(dot);
        if (dot < 0 && java.util.Set.of("Math", "Runtime", "String", "System", "StrictMath").contains(written)) {
            return "java.lang." + written;
        }
        return written;
    }

    public String typeName(ClassOrInterfaceType type) {
        return typeName(type.getNameWithScope());
    }

    /** {@code Cipher.getInstance} as {@code javax.crypto.Cipher.getInstance} when its scope names a type; else null. */
    public String staticCallee(MethodCallExpr call) {
        if (call.getScope().isEmpty()) return null;
        String scope = dotted(call.getScope().get());
        if (scope == null) return null;
        return typeName(scope) + "." + call.getNameAsString();
    }

    private static String dotted(Expression e) {
        if (e instanceof NameExpr n) return n.getNameAsString();
        if (e instanceof FieldAccessExpr f) {
            String scope = dotted(f.getScope());
            return scope == null ? null : scope + "." + f.getNameAsString();
        }
        return null;
    }

    public void report(Node node, String message) {
        report(node, message, rule.severity(), rule.confidence());
    }

    public void report(Node node, String message, Severity severity, Confidence confidence) {
        TextRange range = node.getRange().map(r -> new TextRange(r.begin.line, r.begin.column, r.end.line, r.end.column + 1))
                .orElse(new TextRange(1, 1, 1, 1));
        String snippet = source.line(range.startLine()).strip();
        findings.add(new Finding(rule, source.displayPath(), range, snippet, message, rule.fix(), severity, confidence, null));
    }
}
