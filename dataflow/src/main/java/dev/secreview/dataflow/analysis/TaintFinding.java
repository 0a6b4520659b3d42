package dev.secreview.dataflow.analysis;

import dev.secreview.dataflow.model.TaintKind;

import java.util.List;

/**
 * Attacker-controlled data reaching a sink: the kind of harm, the source's category, and the path
 * from source to sink (its last step is the sink).
 */
public record TaintFinding(TaintKind kind, String sourceCategory, String sourceLabel, List<Step> path) implements java.io.Serializable {

    public Step sink() {
        return path.get(path.size() - 1);
    }
}
