package dev.secreview.dataflow.ir;

import java.util.List;

/** A basic block: straight-line instructions, then one terminator. */
public record Block(int id, List<Instruction> instructions, Terminator terminator) implements java.io.Serializable {

    public Block {
        instructions = List.copyOf(instructions);
    }
}
