package dev.secreview.dataflow.ir;

import java.util.List;

/** A basic block: straight-line instructions, then one terminator. */
public record Block(int id, List<Instruction> instructions, Terminator terminator) {

    public Block {
        instructions = List.copyOf(instructions);
    }

    public List<Integer> successors() {
        if (terminator instanceof Terminator.Jump jump) return List.of(jump.target());
        if (terminator instanceof Terminator.Branch branch) {
            return branch.ifTrue() == branch.ifFalse()
                    ? List.of(branch.ifTrue()) : List.of(branch.ifTrue(), branch.ifFalse());
        }
        return List.of();
    }
}
