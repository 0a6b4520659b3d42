package dev.secreview.dataflow.analysis;

import dev.secreview.dataflow.ir.Argument;
import dev.secreview.dataflow.ir.Block;
import dev.secreview.dataflow.ir.Expr;
import dev.secreview.dataflow.ir.Function;
import dev.secreview.dataflow.ir.Instruction;
import dev.secreview.dataflow.ir.Operand;
import dev.secreview.dataflow.ir.Terminator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The temporaries of the lowering ({@code $3}) that one block defines and only that block reads: they are dead
 * when the block ends, so the analysis leaves them out of the state that flows on. Without that, a chain of
 * branches ({@code elif} after {@code elif}, each testing a temporary) carries every earlier test into every
 * later block, and copying those states grows with the square of the chain's length (a function of 3,000 such
 * branches took 2 s and 620 MB, 0.6 s and 127 MB without them).
 */
final class BlockTemporaries {

    private BlockTemporaries() {
    }

    /** By block id, the temporaries that are dead at the block's end (an empty set for most blocks). */
    static List<Set<String>> of(Function function) {
        Map<String, Integer> home = new HashMap<>();   // a temporary's block, or -1 once seen in two
        Set<String> readFirst = new HashSet<>();       // read before their block defines them (live across a loop)
        for (Block block : function.blocks()) {
            Set<String> defined = new HashSet<>();
            Consumer<Operand> read = operand -> {
                if (operand instanceof Operand.Local local && local.name().startsWith("$")) {
                    see(home, local.name(), block.id());
                    if (!defined.contains(local.name())) readFirst.add(local.name());
                }
            };
            for (Instruction instruction : block.instructions()) {
                operands(instruction, read);
                if (!(instruction instanceof Instruction.Assign assign)) continue;
                if (assign.target().startsWith("$")) {
                    see(home, assign.target(), block.id());
                    defined.add(assign.target());
                } else if (assign.value() instanceof Expr.Call call && call.target() instanceof Operand.Local callee
                        && callee.name().startsWith("$")) {
                    // A refinement later reads what a variable was made by, callee included (`Refinement`): the
                    // callee stays (`parts = $0.urlparse(url)` ... `if parts.scheme == "file"` reads `$0`).
                    home.put(callee.name(), -1);
                }
            }
            Terminator end = block.terminator();
            if (end instanceof Terminator.Branch branch) read.accept(branch.condition());
            else if (end instanceof Terminator.Return ret) read.accept(ret.value());
        }
        List<Set<String>> dead = new ArrayList<>(function.blocks().size());
        for (int i = 0; i < function.blocks().size(); i++) dead.add(new HashSet<>());
        home.forEach((name, block) -> {
            if (block >= 0 && !readFirst.contains(name)) dead.get(block).add(name);
        });
        return dead;
    }

    private static void see(Map<String, Integer> home, String name, int block) {
        home.merge(name, block, (was, now) -> was.equals(now) ? was : -1);
    }

    private static void operands(Instruction instruction, Consumer<Operand> read) {
        if (instruction instanceof Instruction.Assign assign) {
            operands(assign.value(), read);
        } else if (instruction instanceof Instruction.StoreAttribute store) {
            read.accept(store.object());
            read.accept(store.value());
        } else if (instruction instanceof Instruction.StoreItem store) {
            read.accept(store.object());
            read.accept(store.key());
            read.accept(store.value());
        }
    }

    private static void operands(Expr expr, Consumer<Operand> read) {
        if (expr instanceof Expr.Use use) {
            read.accept(use.value());
        } else if (expr instanceof Expr.Call call) {
            read.accept(call.target());
            for (Argument argument : call.arguments()) read.accept(argument.value());
        } else if (expr instanceof Expr.LoadAttribute load) {
            read.accept(load.object());
        } else if (expr instanceof Expr.LoadItem load) {
            read.accept(load.object());
            read.accept(load.key());
        } else if (expr instanceof Expr.Slice slice) {
            read.accept(slice.object());
            read.accept(slice.lower());
            read.accept(slice.upper());
        } else if (expr instanceof Expr.Binary binary) {
            read.accept(binary.left());
            read.accept(binary.right());
        } else if (expr instanceof Expr.Unary unary) {
            read.accept(unary.operand());
        } else if (expr instanceof Expr.Concat concat) {
            concat.parts().forEach(read);
        } else if (expr instanceof Expr.Sequence sequence) {
            sequence.items().forEach(read);
        } else if (expr instanceof Expr.Mapping mapping) {
            mapping.keys().forEach(read);
            mapping.values().forEach(read);
        } else if (expr instanceof Expr.Element element) {
            read.accept(element.iterable());
        } else if (expr instanceof Expr.Typed typed) {
            read.accept(typed.value());
        } else if (expr instanceof Expr.Opaque opaque) {
            opaque.inputs().forEach(read);
        }
    }
}
