package dev.secreview.dataflow.analysis;

import dev.secreview.dataflow.ir.Constant;
import dev.secreview.dataflow.model.Operation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The container methods whose effect is known: what the call returns and, for those that change the
 * container in place, the container after it ({@code receiver} null when unchanged).
 */
record Mutation(Value result, Value receiver) {
    private static final Value NONE = Value.constant(Constant.NONE);

    /** What a container {@link Operation} does; null for an operation on anything else, or arguments that do not fit. */
    static Mutation of(Operation operation, Value container, List<Value> args, LanguageSemantics semantics) {
        List<Value> items = container.items();
        Map<Object, Value> entries = container.entries();
        Taint argumentTaint = Value.taintOf(args);
        boolean harmless = container.harmless() && args.stream().allMatch(Value::harmless);
        switch (operation) {
            case APPEND, PREPEND:
                if (args.size() != 1) return null;
                if (items != null && operation == Operation.APPEND) return new Mutation(NONE, Value.sequence(plus(items, args.get(0))));
                return new Mutation(NONE, grown(container, argumentTaint, harmless));
            case EXTEND:
                if (args.size() != 1) return null;
                if (items != null && args.get(0).items() != null) {
                    List<Value> all = new ArrayList<>(items);
                    all.addAll(args.get(0).items());
                    return new Mutation(NONE, Value.sequence(all));
                }
                return new Mutation(NONE, grown(container, argumentTaint, harmless));
            case INSERT:
                if (args.size() != 2) return null;
                if (items != null && args.get(0).constant() instanceof Long at && at >= 0) {
                    List<Value> all = new ArrayList<>(items);
                    all.add((int) Math.min(at, all.size()), args.get(1));
                    return new Mutation(NONE, Value.sequence(all));
                }
                return new Mutation(NONE, grown(container, argumentTaint, harmless));
            case POP:
                return pop(container, args, semantics);
            case GET:
                if (entries != null && !entries.isEmpty() && !args.isEmpty() && !args.get(0).isConstant()) {
                    // Any key picks one of the known values (or the default): the key's data is not in it.
                    Value any = Containers.anyValue(entries);
                    return new Mutation(args.size() > 1 ? any.join(args.get(1)) : any.join(NONE), null);
                }
                if (entries == null || args.isEmpty() || !args.get(0).isConstant()) {
                    Value fallback = args.size() > 1 ? args.get(1) : NONE;
                    return new Mutation(Value.derived(container.taint().union(fallback.taint()),
                            container.harmless() && fallback.harmless()), null);
                }
                Value found = entries.get(args.get(0).constant());
                return new Mutation(found != null ? found : args.size() > 1 ? args.get(1) : NONE, null);
            case UPDATE:
                if (args.size() != 1) return null;
                if (entries != null && args.get(0).entries() != null) {
                    Map<Object, Value> all = new HashMap<>(entries);
                    all.putAll(args.get(0).entries());
                    return new Mutation(NONE, Value.mapping(all));
                }
                return new Mutation(NONE, grown(container, argumentTaint, harmless));
            case VALUES:
                if (entries != null) return new Mutation(Value.sequence(List.copyOf(entries.values())), null);
                return new Mutation(Value.derived(container.taint(), container.harmless()), null);
            case KEYS:
                if (entries != null) return new Mutation(Value.sequence(entries.keySet().stream().map(Value::constant).toList()), null);
                return new Mutation(Value.derived(container.taint(), container.harmless()), null);
            case ITEMS:
                if (entries != null) {
                    List<Value> pairs = new ArrayList<>();
                    entries.forEach((key, value) -> pairs.add(Value.sequence(List.of(Value.constant(key), value))));
                    return new Mutation(Value.sequence(pairs), null);
                }
                return new Mutation(Value.derived(container.taint(), container.harmless()), null);
            case COPY:
                return new Mutation(container.withName(null), null);
            default:
                return null;
        }
    }

    private static Mutation pop(Value container, List<Value> args, LanguageSemantics semantics) {
        List<Value> items = container.items();
        if (items != null && !items.isEmpty()) {
            int at = args.isEmpty() ? items.size() - 1
                    : args.get(0).constant() instanceof Long l ? semantics.position(l, items.size()) : -1;
            if (at >= 0) {
                List<Value> rest = new ArrayList<>(items);
                Value removed = rest.remove(at);
                return new Mutation(removed, Value.sequence(rest));
            }
        }
        if (container.entries() != null && !args.isEmpty() && args.get(0).isConstant()) {
            Map<Object, Value> rest = new HashMap<>(container.entries());
            Value removed = rest.remove(args.get(0).constant());
            if (removed == null) removed = args.size() > 1 ? args.get(1) : Value.UNKNOWN;
            return new Mutation(removed, Value.mapping(rest));
        }
        return new Mutation(Value.tainted(container.taint()), Value.tainted(container.taint()));
    }

    private static List<Value> plus(List<Value> items, Value item) {
        List<Value> all = new ArrayList<>(items);
        all.add(item);
        return all;
    }

    /** The container with new elements in unknown places: its shape is lost, its taint grows. */
    private static Value grown(Value container, Taint added, boolean harmless) {
        return Value.derived(container.taint().union(added), harmless);
    }
}
