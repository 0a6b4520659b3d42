package dev.secreview.dataflow.ir;

import dev.secreview.core.model.TextRange;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Accumulates one function's basic blocks while a front end lowers its statements. */
public final class FunctionBuilder {
    private final List<List<Instruction>> instructions = new ArrayList<>();
    private final List<Terminator> terminators = new ArrayList<>();
    private final Deque<int[]> loops = new ArrayDeque<>();
    private int current;
    private int temporaries;

    public FunctionBuilder() {
        current = newBlock();
    }

    public int newBlock() {
        instructions.add(new ArrayList<>());
        terminators.add(null);
        return instructions.size() - 1;
    }

    public String temporary() {
        return "$" + temporaries++;
    }

    public void emit(Instruction instruction) {
        instructions.get(current).add(instruction);
    }

    /** Ends the current block; what follows goes to a fresh block nothing jumps to (dead code). */
    public void terminate(Terminator terminator) {
        terminators.set(current, terminator);
        current = newBlock();
    }

    /** Ends the current block with a jump to {@code target} and continues in {@code target}. */
    public void continueIn(int target) {
        terminators.set(current, new Terminator.Jump(target));
        current = target;
    }

    /** Continues in {@code block}, whose predecessors jump to it explicitly. */
    public void switchTo(int block) {
        current = block;
    }

    public void enterLoop(int continueTarget, int breakTarget) {
        loops.push(new int[]{continueTarget, breakTarget});
    }

    public void exitLoop() {
        loops.pop();
    }

    /** The innermost loop's {continue, break} targets, or null outside loops. */
    public int[] loop() {
        return loops.peek();
    }

    /** The blocks; one left open falls off the end of the function, an implicit return of nothing ({@code None}, a void method's end) at {@code end}. */
    public List<Block> build(TextRange end) {
        List<Block> blocks = new ArrayList<>(instructions.size());
        for (int i = 0; i < instructions.size(); i++) {
            Terminator terminator = terminators.get(i);
            if (terminator == null) terminator = new Terminator.Return(new Operand.Const(Constant.NONE), end);
            blocks.add(new Block(i, instructions.get(i), terminator));
        }
        return blocks;
    }
}
