package dev.secreview.dataflow.analysis;

import dev.secreview.dataflow.ir.Block;
import dev.secreview.dataflow.ir.Expr;
import dev.secreview.dataflow.ir.Instruction;
import dev.secreview.dataflow.ir.Operand;
import dev.secreview.dataflow.model.TaintModels;

import java.util.List;
import java.util.Map;

/**
 * What a branch condition proves on each edge: a validator's true result vouches for its argument
 * ({@code name.isdigit()}, {@code re.fullmatch(...)}), membership in a constant collection makes a
 * value one of the collection's constants, and equality with a constant makes it that constant.
 */
final class Refinement {
    private final FunctionAnalyzer analyzer;
    private final Expr condition;

    Refinement(FunctionAnalyzer analyzer, Block block, Operand condition) {
        this.analyzer = analyzer;
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
            boolean negated = binary.operator().equals("not in") || binary.operator().equals("!=");
            Map<String, Value> proven = negated ? whenFalse : whenTrue;
            switch (binary.operator()) {
                case "in", "not in" -> {
                    Value collection = analyzer.operand(binary.right(), proven, null);
                    if (collection.isConstant() || Containers.allConstant(collection)) vouch(binary.left(), proven, -1L);
                }
                case "==", "!=" -> {
                    Value other = analyzer.operand(binary.right(), proven, null);
                    if (other.isConstant() && binary.left() instanceof Operand.Local local) {
                        proven.put(local.name(), Value.constant(other.constant()));
                    }
                }
                default -> { }
            }
        } else if (condition instanceof Expr.Call call) {
            Value target = analyzer.operand(call.target(), whenTrue, null);
            String callee = call.method() == null ? target.name()
                    : CallSemantics.calleeName(target, null, call.method());
            if (callee == null) return;
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

    private void vouch(Operand operand, Map<String, Value> state, long kinds) {
        if (!(operand instanceof Operand.Local local)) return;
        Value value = state.get(local.name());
        if (value != null) state.put(local.name(), value.withTaint(value.taint().sanitize(kinds)));
    }
}
