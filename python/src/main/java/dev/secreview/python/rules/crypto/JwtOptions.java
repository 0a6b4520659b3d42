package dev.secreview.python.rules.crypto;

import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.tree.PyNode;

import java.util.Optional;
import java.util.Set;

/** What a JWT decode call is told to check: the decoders, and the {@code options} mapping that turns checks off. */
final class JwtOptions {

    static final Set<String> DECODERS = Set.of("jwt.decode", "jwt.decode_complete", "jwt.api_jwt.decode",
            "jwt.api_jwt.decode_complete", "jwt.PyJWT().decode", "jwt.PyJWT().decode_complete", "jose.jwt.decode",
            "jwt.api_jwt.PyJWT().decode");

    private JwtOptions() {
    }

    /**
     * The node that sets {@code option} to false in the call's {@code options}: a dict literal, {@code dict(...)},
     * a name bound to one, or an item stored into that name in the same function
     * ({@code options["verify_exp"] = False}); null when the option is left on.
     */
    static PyNode disabled(Call call, String option, RuleContext context) {
        PyNode options = call.keyword("options");
        if (options == null) return null;
        PyNode dict = options;
        if (dict.is("identifier")) {
            PyNode stored = storedFalse(dict, option, context);
            if (stored != null) return stored;
            dict = context.values().singleAssignedValue(dict);
            if (dict == null) return null;
        }
        if (dict.is("dictionary")) {
            for (PyNode pair : dict.namedChildren()) {
                if (!pair.is("pair")) continue;
                Optional<String> key = context.values().string(pair.field("key"));
                if (key.isPresent() && key.get().equals(option) && context.values().isFalse(pair.field("value"))) {
                    return pair;
                }
            }
            return null;
        }
        if (dict.is("call") && "dict".equals(context.file().qualifiedName(dict.field("function")))) {
            PyNode value = Call.of(dict, context.file()).keywordArgument(option);
            return value != null && context.values().isFalse(Call.of(dict, context.file()).keyword(option)) ? value : null;
        }
        return null;
    }

    /** {@code options["verify_exp"] = False} in the function that decodes with {@code options}. */
    private static PyNode storedFalse(PyNode name, String option, RuleContext context) {
        PyNode function = context.file().enclosingFunction(name);
        if (function == null) return null;
        PyNode[] found = {null};
        function.forEachDescendant(n -> {
            if (found[0] != null || !n.is("assignment") || n.field("left") == null || !n.field("left").is("subscript")) {
                return;
            }
            PyNode target = n.field("left");
            if (target.field("value") == null || !target.field("value").text().equals(name.text())) return;
            Optional<String> key = context.values().string(target.field("subscript"));
            if (key.isPresent() && key.get().equals(option) && context.values().isFalse(n.field("right"))) found[0] = n;
        });
        return found[0];
    }
}
