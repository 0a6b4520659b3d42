package dev.secreview.dataflow.analysis;

import dev.secreview.dataflow.model.TaintKind;

/** Tainted data arriving at a sink: the kind of harm and the fact, whose trace ends at the sink. */
public record SinkHit(TaintKind kind, Fact fact) {
}
