package dev.secreview.python.api;

import dev.secreview.python.semantic.Call;

/** A rule that looks at call sites. */
public interface CallRule extends PythonRule {
    void visitCall(Call call, RuleContext context);
}
