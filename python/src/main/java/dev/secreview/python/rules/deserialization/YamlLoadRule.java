package dev.secreview.python.rules.deserialization;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RewriteInfo;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Binding;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.PythonFile;
import dev.secreview.python.tree.PyNode;

import java.util.List;
import java.util.Set;

@RuleInfo(
        id = "py-yaml-load",
        cwe = 502,
        judgedBy = "deserialization",
        severity = Severity.HIGH,
        confidence = Confidence.HIGH,
        summary = "YAML is loaded with a PyYAML loader that can construct arbitrary Python objects "
                + "(yaml.load without a safe Loader, Loader=yaml.Loader/UnsafeLoader, yaml.unsafe_load, "
                + "or FullLoader/full_load, unsafe before PyYAML 5.4).",
        fix = "Use yaml.safe_load(stream) (or yaml.load(stream, Loader=yaml.SafeLoader), "
                + "Loader=yaml.CSafeLoader for speed), which builds only plain dicts, lists, strings and numbers.",
        altNames = {"B506"},
        rewrites = {
                // yaml.Loader/UnsafeLoader/FullLoader become SafeLoader; the LibYAML ones (CLoader...) CSafeLoader.
                @RewriteInfo(find = "(\\bLoader\\s*=\\s*)yaml\\.(C?)(?:Unsafe|Full)?Loader\\b",
                        replace = "$1yaml.$2SafeLoader"),
                @RewriteInfo(find = "(,\\s*)yaml\\.(C?)(?:Unsafe|Full)?Loader(?=\\s*\\)\\z)",
                        replace = "$1yaml.$2SafeLoader"),
                // Only a call of one argument: safe_load takes no Loader.
                @RewriteInfo(find = "\\Ayaml\\.(?:unsafe_|full_)?load(_all)?\\((?=[^,]*\\)\\z)",
                        replace = "yaml.safe_load$1(")})
public final class YamlLoadRule implements CallRule {

    /** How much a loader class can construct. Ordered from safest to least safe. */
    private enum Loader { SAFE, UNKNOWN, FULL, UNSAFE }

    private static final Set<String> SAFE = Set.of("SafeLoader", "CSafeLoader", "BaseLoader", "CBaseLoader");
    private static final Set<String> FULL = Set.of("FullLoader", "CFullLoader");
    private static final Set<String> UNSAFE = Set.of("Loader", "CLoader", "UnsafeLoader", "CUnsafeLoader");

    @Override
    public void visitCall(Call call, RuleContext context) {
        String callee = call.callee();
        if (callee == null || !callee.startsWith("yaml.")) return;
        String what = "`" + call.function().text() + "`";
        switch (callee) {
            case "yaml.unsafe_load", "yaml.unsafe_load_all" -> {
                if (constantDocument(call, context)) return;
                context.report(call.node(), what + " constructs any Python object the document names, so a YAML "
                        + "tag such as `!!python/object/apply:os.system` runs a command while loading.",
                        Severity.HIGH, Confidence.HIGH);
            }
            case "yaml.full_load", "yaml.full_load_all" -> {
                if (constantDocument(call, context)) return;
                context.report(call.node(), what + " uses FullLoader, which could still be made to run code "
                        + "before PyYAML 5.4 (CVE-2020-1747, CVE-2020-14343) and loads more object types than "
                        + "configuration data needs.", Severity.MEDIUM, Confidence.MEDIUM);
            }
            case "yaml.load", "yaml.load_all" -> checkLoad(call, what, context);
            default -> {
            }
        }
    }

    private static void checkLoad(Call call, String what, RuleContext context) {
        if (constantDocument(call, context)) return;
        PyNode loaderArg = call.argument(1, "Loader");
        if (loaderArg == null) {
            if (call.unpacksArguments()) return;
            context.report(call.node(), what + " is called without a `Loader`: PyYAML before 5.1 then uses the "
                    + "unsafe Loader, which constructs any Python object the document names "
                    + "(`!!python/object/apply:os.system`), and 5.1-5.4 fall back to FullLoader.",
                    Severity.HIGH, Confidence.MEDIUM);
            return;
        }
        Loader loader = classify(loaderArg, context, 0);
        String resolved = context.file().qualifiedName(loaderArg);
        String named = "`" + loaderArg.text() + "`"
                + (resolved != null && !resolved.equals(loaderArg.text()) ? " (`" + resolved + "`)" : "");
        if (loader == Loader.UNSAFE) {
            context.report(call.node(), what + " with the loader " + named + " constructs any Python object the document names, "
                    + "so a YAML tag such as `!!python/object/apply:os.system` runs a command while loading.",
                    Severity.HIGH, Confidence.HIGH);
        } else if (loader == Loader.FULL) {
            context.report(call.node(), what + " with the loader " + named + " (a FullLoader) could still be made to run code "
                    + "before PyYAML 5.4 (CVE-2020-1747, CVE-2020-14343), and it builds more object types than "
                    + "plain data needs.",
                    Severity.MEDIUM, Confidence.MEDIUM);
        }
        // SAFE: nothing to say. UNKNOWN (a loader the analysis cannot see): not reported.
    }

    /** A YAML document written in the code itself is not attacker input. */
    private static boolean constantDocument(Call call, RuleContext context) {
        PyNode stream = call.argument(0, "stream");
        return stream != null && context.values().isConstant(stream);
    }

    /**
     * What the loader given as {@code Loader=} can construct. Names resolve as the dataflow's class bases
     * do ({@link PythonFile#qualifiedNames}: aliases, conditional assignments, getattr with a default);
     * a class of this file constructs what its bases construct.
     */
    private static Loader classify(PyNode expr, RuleContext context, int depth) {
        if (expr == null || depth > 6) return Loader.UNKNOWN;
        PythonFile file = context.file();
        Set<String> names = file.qualifiedNames(expr);
        if (!names.isEmpty()) {
            Loader worst = null;
            for (String name : names) worst = worst == null ? byName(name) : combine(worst, byName(name));
            return worst;
        }
        if (!expr.is("identifier")) return Loader.UNKNOWN;
        List<Binding> bindings = file.resolve(expr.text(), expr);
        if (bindings.isEmpty()) return Loader.UNKNOWN;
        Loader worst = null;
        for (Binding binding : bindings) {
            Loader each = switch (binding.kind()) {
                case IMPORT -> byName(binding.qualifiedName());
                case ASSIGNMENT -> binding.value() == expr ? Loader.UNKNOWN : classify(binding.value(), context, depth + 1);
                case DEFINITION -> subclass(binding.site(), context, depth);
                default -> Loader.UNKNOWN;
            };
            worst = worst == null ? each : combine(worst, each);
        }
        return worst;
    }

    /** {@code class ConfigLoader(yaml.SafeLoader)}: a subclass constructs what its bases construct. */
    private static Loader subclass(PyNode definition, RuleContext context, int depth) {
        if (definition == null || !definition.is("class_definition")) return Loader.UNKNOWN;
        PyNode bases = definition.field("superclasses");
        if (bases == null) return Loader.UNKNOWN;
        Loader worst = null;
        for (PyNode base : bases.namedChildren()) {
            if (base.is("keyword_argument")) continue;
            Loader each = classify(base, context, depth + 1);
            worst = worst == null ? each : combine(worst, each);
        }
        return worst == null ? Loader.UNKNOWN : worst;
    }

    /** Several possible loaders: the least safe decides, but one unknown makes a safe verdict unknown. */
    private static Loader combine(Loader a, Loader b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Loader byName(String qualified) {
        if (!qualified.startsWith("yaml.")) return Loader.UNKNOWN;
        String name = qualified.substring(qualified.lastIndexOf('.') + 1);
        if (SAFE.contains(name)) return Loader.SAFE;
        if (FULL.contains(name)) return Loader.FULL;
        if (UNSAFE.contains(name)) return Loader.UNSAFE;
        return Loader.UNKNOWN;
    }
}
