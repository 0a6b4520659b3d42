package dev.secreview.java.api;

import com.github.javaparser.ast.CompilationUnit;
import dev.secreview.core.rule.RuleMetadata;

/**
 * A Java pattern rule: a class with a {@code @RuleInfo} listed in
 * {@code META-INF/services/dev.secreview.java.api.JavaRule}, which reads one parsed file and reports through its
 * context. Rules see the syntax tree and the file's names, never the dataflow (a rule whose findings are a dataflow
 * question names its kind with {@code judgedBy}).
 */
public interface JavaRule {

    default RuleMetadata metadata() {
        return RuleMetadata.of(getClass());
    }

    void check(CompilationUnit unit, RuleContext context);
}
