package dev.secreview.dataflow.analysis;

import dev.secreview.core.model.TextRange;

import java.util.List;

/**
 * A method called on a parameter of a {@code polymorphic} type ({@code writer.println(name)} in a helper handed a
 * {@code PrintWriter}): whether it is a sink is the caller's to say, from the object it passes (a response's writer
 * or a file's). {@code arguments}: each positional argument's taint; {@code path} and {@code range}: the call.
 */
public record ReceiverCall(int receiver, String method, List<Taint> arguments, String path, TextRange range) {
    public ReceiverCall {
        arguments = List.copyOf(arguments);
    }
}
