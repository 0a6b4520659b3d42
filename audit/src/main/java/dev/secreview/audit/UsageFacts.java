package dev.secreview.audit;

import dev.secreview.python.semantic.Call;
import dev.secreview.python.tree.PyNode;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A claim that a name is not used: "`X` is never used", "`X` is defined but never registered", "`X` is never
 * called", "unused import `X`". Refuted by a use in the file (a call for "never called", a call that registers
 * it for "never registered"), or when X is a module-level function a framework calls by its name
 * ({@link FrameworkHooks}). Confirmed when X is private or an import and the file never uses it, or, for
 * "never registered", when the file registers other things and not X.
 */
final class UsageFacts implements PythonFactChecker {

    /** A backticked name that is the subject, not what belongs to it ("the result of `f()` is never used"). */
    private static final String NAME = "(?<!\\bof\\s)`([A-Za-z_][\\w.]*)(?:\\(\\))?`";
    private static final Pattern NOT_USED = Pattern.compile("(?i)" + NAME + "\\s+(?:\\w+\\s+){0,3}?(?:is|are|was|were|gets)\\s+"
            + "(?:\\w+\\s+){0,3}?(?:never|not)\\s+(?:\\w+\\s+)?(used|referenced|read|returned|called|invoked|registered)\\b");
    private static final Pattern UNUSED = Pattern.compile("(?i)" + NAME + "\\s+(?:is|are)\\s+(?:\\w+\\s+){0,3}?(unused)\\b"
            + "|\\b(unused)\\s+(?:import|variable|function|helper|method|list|option\\s+list)s?\\s+" + NAME);
    private static final Pattern REGISTERS = Pattern.compile("(?i)register");

    /** What the claim says is missing: any use, a call, or a registration. */
    private enum Missing { USE, CALL, REGISTRATION }

    @Override
    public Optional<Fact> judge(Claim claim, String assertion, AuditInput input, PythonCode code) {
        Matcher notUsed = NOT_USED.matcher(assertion);
        Matcher unused = UNUSED.matcher(assertion);
        String written;
        Missing missing;
        if (notUsed.find()) {
            written = notUsed.group(1);
            String verb = notUsed.group(2).toLowerCase(Locale.ROOT);
            missing = verb.equals("registered") ? Missing.REGISTRATION
                    : verb.equals("called") || verb.equals("invoked") ? Missing.CALL : Missing.USE;
        } else if (unused.find()) {
            written = unused.group(1) != null ? unused.group(1) : unused.group(4);
            missing = Missing.USE;
        } else {
            return Optional.empty();
        }
        String name = written.substring(written.lastIndexOf('.') + 1);
        Optional<String> hook = FrameworkHooks.caller(name, code);
        if (hook.isPresent() && missing != Missing.REGISTRATION && NameUses.calls(name, code).isEmpty()) {
            return Optional.of(Fact.refuting(hook.get()));
        }
        return switch (missing) {
            case USE -> first(NameUses.of(name, code), "uses `" + name + "`").or(() -> unusedAt(name, code));
            case CALL -> first(NameUses.calls(name, code), "calls `" + name + "`").or(() -> unusedAt(name, code));
            case REGISTRATION -> registration(name, code);
        };
    }

    private static Optional<Fact> first(List<PyNode> uses, String what) {
        return uses.stream().findFirst().map(use -> Fact.refuting(Evidence.atLine(NameUses.statementOf(use), what)));
    }

    /**
     * The file never uses the name: that confirms the claim for a private name or an import, which nothing
     * outside the file is meant to use; a public name may be used by the modules that import it.
     */
    private static Optional<Fact> unusedAt(String name, PythonCode code) {
        boolean privateName = name.startsWith("_") && !name.startsWith("__");
        if (!privateName && !code.bindsImport(name)) return Optional.empty();
        List<Integer> lines = code.linesOfName(name);
        if (lines.isEmpty()) return Optional.empty();
        return Optional.of(Fact.confirming("`" + name + "` is on " + Evidence.lines(lines) + " only, and nothing in the file uses it"));
    }

    private static Optional<Fact> registration(String name, PythonCode code) {
        List<Call> registering = code.calls().stream().filter(c -> c.name() != null && REGISTERS.matcher(c.name()).find()).toList();
        for (Call call : registering) {
            boolean passesName = NameUses.of(name, code).stream().anyMatch(use -> use.within(call.node()));
            if (passesName) return Optional.of(Fact.refuting(Evidence.at(call.node(), "registers `" + name + "`")));
        }
        if (registering.isEmpty() || code.linesOfName(name).isEmpty()) return Optional.empty();
        return Optional.of(Fact.confirming("the register calls on " + Evidence.lines(registering.stream()
                .map(c -> c.node().startLine()).toList()) + " do not register `" + name + "`, and no other call does"));
    }
}
