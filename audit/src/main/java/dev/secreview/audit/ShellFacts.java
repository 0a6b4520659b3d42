package dev.secreview.audit;

import dev.secreview.python.semantic.Call;
import dev.secreview.python.tree.PyNode;

import java.util.Optional;
import java.util.regex.Pattern;

/** A claim that a subprocess call uses {@code shell=True}, against a call that does not. */
final class ShellFacts extends CallFacts {

    private static final Pattern SHELL_TRUE = Pattern.compile("shell\\s*=\\s*True");

    @Override
    boolean claims(Claim claim, String assertion) {
        return Wording.asserted(SHELL_TRUE, assertion).isPresent()
                || claim.codeFragments().stream().anyMatch(f -> SHELL_TRUE.matcher(f).find());
    }

    @Override
    boolean concerns(Call call, PythonCode code) {
        return call.callee() != null && call.callee().startsWith("subprocess.");
    }

    @Override
    Optional<String> refutation(Call call, PythonCode code) {
        PyNode shell = call.keyword("shell");
        if (shell == null) return call.unpacksArguments() ? Optional.empty()
                : Optional.of(Evidence.at(call.node(), "does not pass shell=True"));
        return code.values().isFalse(shell) ? Optional.of(Evidence.at(call.node(), "passes shell=" + shell.text()))
                : Optional.empty();
    }

    @Override
    Optional<String> confirmation(Call call, PythonCode code) {
        PyNode shell = call.keyword("shell");
        return shell != null && code.values().isTrue(shell)
                ? Optional.of(Evidence.at(call.node(), "passes shell=" + shell.text())) : Optional.empty();
    }
}
