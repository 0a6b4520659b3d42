package dev.secreview.python.rules.crypto;

import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.tree.PyNode;

import java.util.Optional;

/**
 * A JWT decoded with the check of one registered claim turned off ({@code options={"verify_exp": False}}), while
 * the signature is checked (else {@code py-jwt-no-verify} says more) and the module does not read the claim to
 * check it itself.
 */
abstract class UncheckedJwtClaim implements CallRule {

    private final String option;
    private final String claim;
    private final String consequence;

    UncheckedJwtClaim(String option, String claim, String consequence) {
        this.option = option;
        this.claim = claim;
        this.consequence = consequence;
    }

    @Override
    public final void visitCall(Call call, RuleContext context) {
        if (call.callee() == null || !JwtOptions.DECODERS.contains(call.callee())) return;
        PyNode disabled = JwtOptions.disabled(call, option, context);
        if (disabled == null || JwtOptions.disabled(call, "verify_signature", context) != null) return;
        if (claimRead(context)) return;
        context.report(call.node(), "`" + call.callee() + "` is told not to check the `" + claim + "` claim (`"
                + disabled.text().strip() + "`) and nothing in this module reads it to check it: " + consequence);
    }

    /** Whether the module reads the claim ({@code payload["exp"]}, {@code claims.get("exp")}), to check it itself. */
    private boolean claimRead(RuleContext context) {
        boolean[] found = {false};
        context.file().root().forEachDescendant(n -> {
            if (found[0] || !n.is("string")) return;
            PyNode parent = n.parent();
            boolean key = parent != null && (parent.is("subscript") && parent.field("subscript") == n
                    || parent.is("argument_list") && parent.parent() != null && parent.parent().is("call")
                    && parent.parent().field("function") != null
                    && parent.parent().field("function").text().endsWith(".get"));
            Optional<String> text = context.values().string(n);
            if (key && text.isPresent() && text.get().equals(claim)) found[0] = true;
        });
        return found[0];
    }
}
