package dev.secreview.audit;

import dev.secreview.python.semantic.Call;
import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** An {@code oslo.config} option the file declares: {@code cfg.IntOpt("workers", min=0, ...)}. */
record OsloOption(String name, String type, Call call) {

    private static final String CFG = "oslo_config.cfg.";

    /** Every option declared in the file whose name is a constant. */
    static List<OsloOption> in(PythonCode code) {
        List<OsloOption> options = new ArrayList<>();
        for (Call call : code.calls()) {
            String callee = call.callee();
            if (callee == null || !callee.startsWith(CFG) || !callee.endsWith("Opt")) continue;
            code.values().string(call.argument(0, "name"))
                    .ifPresent(name -> options.add(new OsloOption(name, callee.substring(CFG.length()), call)));
        }
        return options;
    }

    /**
     * The options a claim is about: those it names (as a quoted name or a word of its prose), else those
     * declared on its lines or where the code it quotes is.
     */
    static List<OsloOption> targetedBy(Claim claim, String assertion, PythonCode code) {
        List<OsloOption> all = in(code);
        List<OsloOption> named = all.stream().filter(o -> claim.identifiers().contains(o.name())
                || Pattern.compile("(?<!\\w)" + Pattern.quote(o.name()) + "(?!\\w)").matcher(assertion).find()).toList();
        if (!named.isEmpty()) return named;
        List<LineSpan> lines = ClaimPlace.of(claim, code).spans();
        return all.stream().filter(o -> ClaimTargets.overlaps(o.call().node(), lines)).toList();
    }

    Optional<PyNode> keyword(String keyword) {
        return Optional.ofNullable(call.keyword(keyword));
    }

    /** Whether the option takes numbers, which {@code min=} and {@code max=} bound. */
    boolean isNumeric() {
        return type.equals("IntOpt") || type.equals("FloatOpt");
    }

    /** {@code api_opts.py:9 `IntOpt("workers", ...)` is declared with min=0}: the form of every option fact. */
    String fact(String what) {
        PyNode node = call.node();
        return Evidence.place(node.tree().source().displayPath(), node.startLine(), type + "(\"" + name + "\", ...)")
                + " " + what;
    }
}
