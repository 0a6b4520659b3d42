package dev.secreview.dataflow.analysis;

import dev.secreview.dataflow.ir.Block;
import dev.secreview.dataflow.ir.Function;
import dev.secreview.dataflow.ir.Instruction;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a function does with its inputs, as its callers need it: the value it returns (whose facts
 * may have parameter origins, to be replaced by the caller's arguments), the sinks its parameters
 * reach and the methods it calls on parameters of polymorphic types, for the caller to judge; and, for the loads of attributes elsewhere, the values it stores under each attribute name
 * whatever the object ({@code x.table = "nodes"}), and which attributes it stores on objects of a known
 * type ({@code self.table} in a method), {@link Instruction.StoreAttribute#ANY} for those chosen at run time.
 */
public record Summary(Value returned, List<SinkHit> parameterSinks, List<ReceiverCall> receiverCalls,
                      Map<String, Value> attributeStores, Set<TypedStore> typedStores) {

    /** A store of {@code attribute} on an object of class {@code type}. */
    public record TypedStore(String type, String attribute) {
    }

    public Summary {
        parameterSinks = List.copyOf(parameterSinks);
        receiverCalls = List.copyOf(receiverCalls);
        attributeStores = Map.copyOf(attributeStores);
        typedStores = Set.copyOf(typedStores);
    }

    /** What is known of a function the analysis could not finish: nothing, not even what it stores. */
    static Summary failed(Function function) {
        Map<String, Value> stores = new HashMap<>();
        for (Block block : function.blocks()) {
            for (Instruction instruction : block.instructions()) {
                if (instruction instanceof Instruction.StoreAttribute store) stores.put(store.name(), Value.UNKNOWN);
            }
        }
        return new Summary(Value.UNKNOWN, List.of(), List.of(), stores, Set.of());
    }
}
