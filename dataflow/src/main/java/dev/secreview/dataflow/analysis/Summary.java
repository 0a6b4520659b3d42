package dev.secreview.dataflow.analysis;

import java.util.List;

/**
 * What a function does with its inputs, as its callers need it: the value it returns (whose facts
 * may have parameter origins, to be replaced by the caller's arguments) and the sinks its parameters
 * reach.
 */
public record Summary(Value returned, List<SinkHit> parameterSinks) {

    public Summary {
        parameterSinks = List.copyOf(parameterSinks);
    }
}
