package dev.secreview.dataflow.analysis;

import dev.secreview.dataflow.ir.Operator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Element-wise flow through sequences, mappings and strings: a constant index or key reads the very
 * element stored there, anything else reads the taint of the whole container.
 */
final class Containers {

    private Containers() {
    }

    static Value loadItem(Value container, Value key, LanguageSemantics semantics) {
        List<Value> items = items(container);
        if (key.isConstant()) {
            Object k = key.constant();
            if (items != null && k instanceof Long index) {
                int at = semantics.position(index, items.size());
                if (at >= 0) return items.get(at);
            }
            if (container.entries() != null && container.entries().containsKey(k)) return container.entries().get(k);
            if (container.isConstant()) {
                Object folded = semantics.index(container.constant(), k);
                if (folded != null) return Value.constant(folded);
            }
        }
        // A mapping of known values read with an unknown key yields one of those values.
        if (container.entries() != null && !container.entries().isEmpty()) return anyValue(container.entries());
        // Whatever the key, an element of a container nothing from outside is in is harmless too.
        if (container.harmless()) return Value.derived(container.taint(), true);
        return Value.named(container.name() == null ? null : container.name() + "[]", container.taint());
    }

    /** The elements of a sequence: those tracked, or those of a constant list or tuple. */
    private static List<Value> items(Value container) {
        if (container.items() != null) return container.items();
        if (!(container.constant() instanceof List<?> constants)) return null;
        List<Value> items = new ArrayList<>(constants.size());
        for (Object constant : constants) items.add(Value.ofConstant(constant));
        return items;
    }

    static Value slice(Value container, Value lower, Value upper, LanguageSemantics semantics) {
        Object from = lower == null ? null : lower.constant();
        Object to = upper == null ? null : upper.constant();
        boolean boundsKnown = (lower == null || lower.isConstant()) && (upper == null || upper.isConstant());
        if (boundsKnown && container.constant() instanceof String s) {
            int[] bounds = semantics.sliceBounds(s.length(), from, to);
            if (bounds != null) return Value.constant(s.substring(bounds[0], bounds[1]));
        }
        List<Value> items = items(container);
        if (boundsKnown && items != null) {
            int[] bounds = semantics.sliceBounds(items.size(), from, to);
            if (bounds != null) return Value.sequence(items.subList(bounds[0], bounds[1]));
        }
        boolean harmlessBounds = (lower == null || lower.harmless()) && (upper == null || upper.harmless());
        return Value.derived(container.taint(), container.harmless() && harmlessBounds);
    }

    /** An element of an iterable: any of its known elements (a mapping's keys), or its taint. */
    static Value element(Value iterable) {
        List<Value> items = items(iterable);
        if (items != null && !items.isEmpty()) {
            Value joined = items.get(0);
            for (Value item : items) joined = joined.join(item);
            return joined;
        }
        if (iterable.entries() != null && !iterable.entries().isEmpty()) {
            Value joined = null;
            for (Object key : iterable.entries().keySet()) {
                joined = joined == null ? Value.constant(key) : joined.join(Value.constant(key));
            }
            return joined;
        }
        return Value.derived(iterable.taint(), iterable.harmless());
    }

    static Value binary(Operator operator, Value left, Value right, LanguageSemantics semantics) {
        // a truth value carries no text from anywhere
        if (operator.yieldsTruthValue()) return Value.derived(Taint.NONE, true);
        if (operator == Operator.ADD && left.items() != null && right.items() != null) {
            List<Value> joined = new ArrayList<>(left.items());
            joined.addAll(right.items());
            return Value.sequence(joined);
        }
        if (operator == Operator.AND || operator == Operator.OR) return left.join(right).widened();
        // The language says the result is of the left operand's type: its methods are matched by that name.
        if (semantics.keepsLeftType(operator)) return Value.named(left.name(), left.taint().union(right.taint()));
        return Value.derived(left.taint().union(right.taint()), left.harmless() && right.harmless());
    }

    static Value storeItem(Value container, Value key, Value value, LanguageSemantics semantics) {
        if (key.isConstant()) {
            Object k = key.constant();
            if (container.items() != null && k instanceof Long index) {
                int at = semantics.position(index, container.items().size());
                if (at >= 0) {
                    List<Value> items = new ArrayList<>(container.items());
                    items.set(at, value);
                    return keepName(Value.sequence(items), container);
                }
            }
            if (container.entries() != null) {
                Map<Object, Value> entries = new HashMap<>(container.entries());
                entries.put(k, value);
                return keepName(Value.mapping(entries), container);
            }
        }
        return Value.named(container.name(), container.taint().union(value.taint()));
    }

    /** One of the values of a mapping, whichever the key picks. */
    static Value anyValue(Map<Object, Value> entries) {
        Value joined = null;
        for (Value value : entries.values()) joined = joined == null ? value : joined.join(value);
        return joined;
    }

    static Value keepName(Value built, Value original) {
        return built.withName(original.name());
    }

    /** Whether the value is a container all of whose elements are constants. */
    static boolean allConstant(Value value) {
        if (value.items() != null) return value.items().stream().allMatch(v -> v.isConstant() || allConstant(v));
        if (value.entries() != null) return value.entries().values().stream().allMatch(v -> v.isConstant() || allConstant(v));
        return false;
    }
}
