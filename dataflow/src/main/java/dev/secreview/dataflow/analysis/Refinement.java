package dev.secreview.dataflow.analysis;

import dev.secreview.dataflow.ir.Block;
import dev.secreview.dataflow.ir.Expr;
import dev.secreview.dataflow.ir.Instruction;
import dev.secreview.dataflow.ir.Operand;
import dev.secreview.dataflow.ir.Operator;
import dev.secreview.dataflow.model.Operation;
import dev.secreview.dataflow.model.TaintModels;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a branch condition proves on each edge: a validator's true result vouches for its argument
 * ({@code name.isdigit()}, {@code re.fullmatch(...)}: the models name them), membership in a constant collection makes a
 * value one of the collection's constants, equality with a constant makes it that constant, and an order comparison
 * bounds a number from above.
 */
final class Refinement {

    private final FunctionAnalyzer analyzer;
    private final Block block;
    private final Expr condition;

    Refinement(FunctionAnalyzer analyzer, Block block, Operand condition) {
        this.analyzer = analyzer;
        this.block = block;
        this.condition = definition(block, condition);
    }

    /** The expression the lowering computed the condition with, in the same block. */
    private static Expr definition(Block block, Operand condition) {
        if (!(condition instanceof Operand.Local local)) return null;
        List<Instruction> instructions = block.instructions();
        for (int i = instructions.size() - 1; i >= 0; i--) {
            if (instructions.get(i) instanceof Instruction.Assign assign && assign.target().equals(local.name())) {
                return assign.value();
            }
        }
        return null;
    }

    void apply(Map<String, Value> whenTrue, Map<String, Value> whenFalse) {
        if (condition instanceof Expr.Binary binary) {
            boolean negated = binary.operator() == Operator.NOT_IN || binary.operator() == Operator.NOT_EQUAL;
            Map<String, Value> proven = negated ? whenFalse : whenTrue;
            rejection(binary, negated ? whenTrue : whenFalse);
            allowList(binary, proven);
            nothingInside(binary, negated ? whenTrue : whenFalse);
            if (binary.operator() == Operator.EQUAL || binary.operator() == Operator.NOT_EQUAL) {
                equalToSanitised(binary.left(), binary.right(), proven);
                equalToSanitised(binary.right(), binary.left(), proven);
            }
            switch (binary.operator()) {
                case IN, NOT_IN -> {
                    Value collection = analyzer.operand(binary.right(), proven, null);
                    if (collection.isConstant() || Containers.allConstant(collection) || serversOwn(collection)) {
                        vouch(binary.left(), proven, -1L);
                    }
                }
                case LESS, LESS_EQUAL -> {
                    bounded(binary.left(), binary.right(), whenTrue);
                    bounded(binary.right(), binary.left(), whenFalse);
                }
                case GREATER, GREATER_EQUAL -> {
                    bounded(binary.right(), binary.left(), whenTrue);
                    bounded(binary.left(), binary.right(), whenFalse);
                }
                case EQUAL, NOT_EQUAL -> {
                    Value other = analyzer.operand(binary.right(), proven, null);
                    if (other.isConstant() && binary.left() instanceof Operand.Local local) {
                        proven.put(local.name(), Value.constant(other.constant()));
                    }
                }
                default -> { }
            }
        } else if (condition instanceof Expr.Call call) {
            String callee = callee(call, whenTrue);
            if (callee == null) return;
            quoteAtEnd(call, whenTrue);
            containment(call, whenTrue);
            for (TaintModels.Validator validator : analyzer.models().validators(callee)) {
                if (validator.arguments().receiver()) {
                    if (call.method() != null) vouch(call.target(), whenTrue, validator.kinds());
                    continue;
                }
                int position = 0;
                for (var argument : call.arguments()) {
                    boolean selected = argument.positional()
                            ? validator.arguments().selects(position++, null)
                            : validator.arguments().selects(-1, argument.keyword());
                    if (selected) vouch(argument.value(), whenTrue, validator.kinds());
                }
            }
        }
    }

    /**
     * A collection the program holds of its own (the keys of its store, the names a folder lists): no client's data
     * is in it, so a value found in it is one of the server's ({@code if uuid not in datastore.data["watching"]:
     * return}). Not a source named directly ({@code request.args}), whose taint is given where it is read, not in a
     * test. The analysis does not tell such a collection from a text the program holds, where {@code in} finds a
     * part; a value found in the server's own text is taken as vouched for too.
     */
    private boolean serversOwn(Value collection) {
        if (collection.name() == null || !collection.taint().isEmpty()) return false;
        for (String name = collection.name(); ; name = name.substring(0, name.lastIndexOf('.'))) {
            if (analyzer.models().source(name).isPresent() || analyzer.models().objectSource(name).isPresent()) return false;
            if (name.lastIndexOf('.') < 0) return true;
        }
    }

    /**
     * On {@code edge}, {@code small} is at most {@code limit} ({@code small < limit} holds, or {@code small > limit}
     * does not): bounded, when the limit does not carry the kinds a bound makes safe (the models name them).
     */
    private void bounded(Operand small, Operand limit, Map<String, Value> edge) {
        long kinds = analyzer.models().boundedKinds();
        if (kinds == 0 || analyzer.operand(limit, edge, null).taint().threatens(kinds)) return;
        vouch(small, edge, kinds);
    }

    /**
     * {@code name == secure_filename(name)} (or {@code os.path.basename(name)}) holds: sanitising the value changes
     * nothing, so the value is already what the sanitiser makes of it, for the kinds the models say it sanitises.
     */
    private void equalToSanitised(Operand value, Operand other, Map<String, Value> proven) {
        if (!(value instanceof Operand.Local local) || !(definition(block, other) instanceof Expr.Call call)
                || call.arguments().size() != 1 || !call.arguments().get(0).positional()
                || !(call.arguments().get(0).value() instanceof Operand.Local argument)
                || !argument.name().equals(local.name())) return;
        String callee = callee(call, proven);
        if (callee == null) return;
        long kinds = analyzer.models().sanitizedBy(callee);
        if (kinds != 0) vouch(value, proven, kinds);
    }

    /** The name a condition's call is matched by in the models: a function's, or a method's on its receiver. */
    private String callee(Expr.Call call, Map<String, Value> state) {
        Value target = analyzer.operand(call.target(), state, null);
        return call.method() == null ? target.name()
                : CallSemantics.calleeName(target, null, call.method(), analyzer.semantics());
    }

    private boolean joinsPaths(Expr.Call call, Map<String, Value> state) {
        String name = analyzer.operand(call.target(), state, null).name();
        return name != null && analyzer.models().function(name).orElse(null) == Operation.JOIN_PATH;
    }

    /** {@code '..' in name} is false: the name has no parent-directory step; the models say what that vouches for. */
    private void rejection(Expr.Binary binary, Map<String, Value> lacking) {
        if (!binary.operator().membership() || !(binary.left() instanceof Operand.Const c)
                || !(c.value() instanceof String tested)) return;
        long kinds = analyzer.models().rejectedBy(tested);
        if (kinds != 0) vouch(binary.right(), lacking, kinds);
    }

    /**
     * {@code urlparse(target).netloc in ALLOWED}: an allow-listed part of the parsed value vouches for
     * the value that was parsed, when the models name that parser and part.
     */
    private void allowList(Expr.Binary binary, Map<String, Value> proven) {
        if (!binary.operator().membership() && binary.operator() != Operator.EQUAL
                && binary.operator() != Operator.NOT_EQUAL) return;
        Value allowed = analyzer.operand(binary.right(), proven, null);
        if (!allowed.isConstant() && !Containers.allConstant(allowed)) return;
        if (!(definition(block, binary.left()) instanceof Expr.LoadAttribute part)
                || !(part.object() instanceof Operand.Local parsed)) return;
        Expr.Call parse = singleCallAssignedTo(parsed.name());
        if (parse == null || parse.arguments().isEmpty() || !parse.arguments().get(0).positional()) return;
        Value target = analyzer.operand(parse.target(), proven, null);
        String parser = CallSemantics.calleeName(parse.method() == null ? null : target,
                parse.method() == null ? target : null, parse.method(), analyzer.semantics());
        if (parser == null) return;
        Set<Object> constants = constantsOf(allowed);
        for (TaintModels.AllowList list : analyzer.models().allowLists(parser)) {
            if (list.vouchedBy(part.name(), constants)) vouch(parse.arguments().get(0).value(), proven, list.kinds());
        }
    }

    /** The constants a fixed value can be: itself, the items of a sequence, the keys of a mapping. */
    private static Set<Object> constantsOf(Value value) {
        if (value.isConstant()) return Set.of(value.constant());
        Set<Object> constants = new HashSet<>();
        if (value.items() != null) value.items().stream().filter(Value::isConstant).forEach(v -> constants.add(v.constant()));
        if (value.entries() != null) constants.addAll(value.entries().keySet());
        return constants;
    }

    /** {@code s.startswith("'")} / {@code s.endswith("'")} holds: one part of a quoted-literal proof. */
    private void quoteAtEnd(Expr.Call call, Map<String, Value> whenTrue) {
        if (call.method() == null || !(call.target() instanceof Operand.Local local) || call.arguments().size() != 1
                || !(call.arguments().get(0).value() instanceof Operand.Const quote) || !QuotedLiteral.isQuote(quote.value())) {
            return;
        }
        Operation test = analyzer.models().method(call.method(), Operation.Target.TEXT).orElse(null);
        QuotedLiteral.Part part = test == Operation.STARTS_WITH ? QuotedLiteral.Part.STARTS
                : test == Operation.ENDS_WITH ? QuotedLiteral.Part.ENDS : null;
        if (part != null) {
            QuotedLiteral.prove(whenTrue, local.name(), part, (String) quote.value(), analyzer.models().quotedLiteralKinds());
        }
    }

    /**
     * {@code full = os.path.realpath(...); if full.startswith(BASE):} — a resolved path that starts
     * with a fixed base stays under it; the models name the resolving functions and the test.
     */
    private void containment(Expr.Call call, Map<String, Value> whenTrue) {
        if (call.method() == null || !(call.target() instanceof Operand.Local local) || call.arguments().isEmpty()) return;
        Value base = analyzer.operand(call.arguments().get(0).value(), whenTrue, null);
        if (!base.harmless() && !base.taint().isEmpty()) return;
        Expr.Call resolved = singleCallAssignedTo(local.name());
        if (resolved == null) return;
        Value target = analyzer.operand(resolved.target(), whenTrue, null);
        String resolver = CallSemantics.calleeName(resolved.method() == null ? null : target,
                resolved.method() == null ? target : null, resolved.method(), analyzer.semantics());
        if (resolver == null) return;
        for (TaintModels.Containment containment : analyzer.models().containments(resolver)) {
            if (containment.test().equals(call.method())) vouch(call.target(), whenTrue, containment.kinds());
        }
    }

    /** {@code "'" in s[1:-1]} is false: no quote between the first and last character. */
    private void nothingInside(Expr.Binary binary, Map<String, Value> lacking) {
        if (!binary.operator().membership() || !(binary.left() instanceof Operand.Const quote)
                || !QuotedLiteral.isQuote(quote.value())) return;
        if (!(definition(block, binary.right()) instanceof Expr.Slice slice) || !(slice.object() instanceof Operand.Local local)
                || !isConstant(slice.lower(), 1L) || !isConstant(slice.upper(), -1L)) return;
        QuotedLiteral.prove(lacking, local.name(), QuotedLiteral.Part.NOTHING_INSIDE, (String) quote.value(),
                analyzer.models().quotedLiteralKinds());
    }

    private static boolean isConstant(Operand operand, Object value) {
        return operand instanceof Operand.Const c && value.equals(c.value());
    }

    /** The call a local is assigned from, if the function assigns it exactly once. */
    private Expr.Call singleCallAssignedTo(String local) {
        Expr.Call found = null;
        for (Block b : analyzer.function().blocks()) {
            for (Instruction instruction : b.instructions()) {
                if (instruction instanceof Instruction.Assign assign && assign.target().equals(local)) {
                    if (found != null || !(assign.value() instanceof Expr.Call call)) return null;
                    found = call;
                }
            }
        }
        return found;
    }

    private void vouch(Operand operand, Map<String, Value> state, long kinds) {
        if (!(operand instanceof Operand.Local local)) return;
        sanitize(local, state, kinds);
        vouchParts(operand, state, kinds, 0);
    }

    private static void sanitize(Operand.Local local, Map<String, Value> state, long kinds) {
        Value value = state.get(local.name());
        if (value != null) state.put(local.name(), value.withTaint(value.taint().sanitize(kinds)));
    }

    /**
     * A path vouched for that this block joined from parts ({@code base / name}, {@code base + name},
     * {@code os.path.join(base, name)}) vouches for the parts: {@code is_relative_to(base / name, base)} holds, so
     * {@code name} joined to the same base stays under it. Only the kinds the models name in {@code contained} lines
     * (paths) are vouched for this way.
     */
    private void vouchParts(Operand joinedValue, Map<String, Value> state, long vouched, int depth) {
        // Only for paths: a piece of a path kept under a base stays under it joined to the same base, but a piece of a
        // URL a check accepted, or of a text a pattern matched, need not pass the check alone.
        long kinds = vouched & analyzer.models().containedKinds();
        if (kinds == 0 || depth > 3 || !(joinedValue instanceof Operand.Local joinedLocal)) return;
        List<Instruction> instructions = block.instructions();
        int at = -1;
        for (int i = instructions.size() - 1; i >= 0 && at < 0; i--) {
            if (instructions.get(i) instanceof Instruction.Assign assign && assign.target().equals(joinedLocal.name())) at = i;
        }
        if (at < 0 || !(instructions.get(at) instanceof Instruction.Assign definition)) return;
        Expr joined = definition.value();
        List<Operand> parts;
        if (joined instanceof Expr.Binary binary
                && (binary.operator() == Operator.DIVIDE || binary.operator() == Operator.ADD)) {
            parts = List.of(binary.left(), binary.right());
        } else if (joined instanceof Expr.Call call && call.method() == null && joinsPaths(call, state)) {
            parts = call.arguments().stream().filter(a -> a.positional()).map(a -> a.value()).toList();
        } else {
            return;
        }
        for (Operand part : parts) {
            if (!(part instanceof Operand.Local local) || assignedAfter(instructions, at, local.name())) continue;
            sanitize(local, state, kinds);
            vouchParts(part, state, kinds, depth + 1);
        }
    }

    /** Whether the block assigns {@code local} after instruction {@code at}: the piece tested is then not the one held. */
    private static boolean assignedAfter(List<Instruction> instructions, int at, String local) {
        for (int i = at + 1; i < instructions.size(); i++) {
            if (instructions.get(i) instanceof Instruction.Assign assign && assign.target().equals(local)) return true;
        }
        return false;
    }

}
