package dev.secreview.java.lowering;

import dev.secreview.core.model.TextRange;
import dev.secreview.dataflow.ir.Block;
import dev.secreview.dataflow.ir.Constant;
import dev.secreview.dataflow.ir.Operand;
import dev.secreview.dataflow.ir.Instruction;
import dev.secreview.dataflow.ir.Terminator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Accumulates one function's basic blocks while its statements are lowered. */
final class FunctionBuilder {
    private final List<List<Instruction>> instructions = new ArrayList<>();
    private final List<Terminator> terminators = new ArrayList<>();
    private final Deque<int[]> loops = new ArrayDeque<>();
    private int current;
    private int temporaries;

    FunctionBuilder() {
        current = newBlock();
    }

    int newBlock() {
        instructions.add(new ArrayList<>());
        terminators.add(null);
        return instructions.size() - 1;
    }

    String temporary() {
        return "$" + temporaries++;
    }

    void emit(Instruction instruction) {
        instructions.get(current).add(instruction);
    }

    /** Ends the current block; what follows goes to a fresh block nothing jumps to (dead code). */
    void terminate(Terminator terminator) {
        terminators.set(current, terminator);
        current = newBlock();
    }

    /** Ends the current block with a jump to {@code target} and continues in {@code target}. */
    void continueIn(int target) {
        terminators.set(current, new Terminator.Jump(target));
        current = target;
    }

    /** Continues in {@code block}, whose predecessors jump to it explicitly. */
    void switchTo(int block) {
        current = block;
    }

    void enterLoop(int continueTarget, int breakTarget) {
        loops.push(new int[]{continueTarget, breakTarget});
    }

    void exitLoop() {
        loops.pop();
    }

    /** The innermost loop's {continue, break} targets, or null outside loops. */
    int[] loop() {
        return loops.peek();
    }

    /** The blocks; one left open falls off the end of the function, an implicit {@code return} at {@code end}. */
    List<Block> build(TextRange end) {
        List<Block> blocks = new ArrayList<>(instructions.size());
        for (int i = 0; i < instructions.size(); i++) {
            Terminator terminator = terminators.get(i);
            if (terminator == null) terminator = new Terminator.Return(new Operand.Const(Constant.NONE), end);
            blocks.add(new Block(i, instructions.get(i), terminator));
        }
        return blocks;
    }
}
