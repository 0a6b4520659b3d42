package dev.secreview.dataflow.analysis;

import dev.secreview.dataflow.ir.Constant;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the analysis knows of a value: its constant (null when not constant), whether it is
 * {@code fixed} (one of finitely many constants, e.g. after branches assigned different literals, or
 * a pure function of such values: nothing from outside the program can reach it), its taint, its symbolic
 * name (the qualified name of a global, an attribute path, or a call's result such as
 * {@code sqlite3.connect()}, which is how method calls on it are matched against models), and, for
 * containers and objects built locally, their elements and attributes. A container's taint always
 * includes its elements' taint, so nothing is lost when its shape is.
 */
public record Value(Object constant, boolean fixed, Taint taint, String name, List<Value> items,
                    Map<Object, Value> entries, Map<String, Value> attributes) {

    /**
     * The attributes that hold a property a call set on the object ({@code response.setContentType("text/plain")}):
     * hidden, and known after a join only when every path set it.
     */
    static final String PROPERTY = "#property:";

    /** Containers longer than this are not tracked element by element. */
    static final int MAX_ITEMS = 32;

    public static final Value UNKNOWN = new Value(null, false, Taint.NONE, null, null, null, null);

    public static Value constant(Object constant) {
        return new Value(constant, true, Taint.NONE, null, null, null, null);
    }

    public static Value named(String name, Taint taint) {
        return new Value(null, false, taint, name, null, null, null);
    }

    public static Value tainted(Taint taint) {
        return taint.isEmpty() ? UNKNOWN : new Value(null, false, taint, null, null, null, null);
    }

    /** A list, tuple or set of these items: fixed when they all are harmless, whatever is added to it later. */
    public static Value sequence(List<Value> items) {
        boolean fixed = allHarmless(items);
        if (items.size() > MAX_ITEMS) return derived(taintOf(items), fixed);
        return new Value(null, fixed, taintOf(items), null, List.copyOf(items), null, null);
    }

    /** A mapping from constant keys to these values: fixed when they all are harmless. */
    public static Value mapping(Map<Object, Value> entries) {
        boolean fixed = allHarmless(entries.values());
        if (entries.size() > MAX_ITEMS) return derived(taintOf(entries.values()), fixed);
        return new Value(null, fixed, taintOf(entries.values()), null, null, Map.copyOf(entries), null);
    }

    /**
     * The value of an IR constant: a constant lookup table becomes a mapping of its entries (so a key
     * reads its own value); scalars, lists and tuples stay constants ({@code x in ("a", "b")} folds).
     */
    public static Value ofConstant(Object constant) {
        if (constant instanceof Map<?, ?> table) {
            Map<Object, Value> entries = new HashMap<>();
            table.forEach((key, value) -> entries.put(key, ofConstant(value)));
            return mapping(entries);
        }
        return constant(constant);
    }

    private static boolean allHarmless(Iterable<Value> values) {
        for (Value v : values) if (!v.harmless()) return false;
        return true;
    }

    static Taint taintOf(Iterable<Value> values) {
        Taint taint = Taint.NONE;
        for (Value v : values) taint = taint.union(v.taint);
        return taint;
    }

    public boolean isConstant() {
        return constant != null;
    }

    public Value withTaint(Taint newTaint) {
        return newTaint == taint ? this : new Value(constant, fixed, newTaint, name, items, entries, attributes);
    }

    public Value withName(String newName) {
        return Objects.equals(newName, name) ? this : new Value(constant, fixed, taint, newName, items, entries, attributes);
    }

    public Value withAttribute(String attribute, Value value) {
        Map<String, Value> updated = attributes == null ? new HashMap<>() : new HashMap<>(attributes);
        updated.put(attribute, value);
        return new Value(constant, fixed, taint, name, items, entries, Map.copyOf(updated));
    }

    /** The least value both may be: what is known of either only if known of both. */
    public Value join(Value other) {
        if (other == this || other.equals(this)) return this;
        // `return None` on one path and a container on another: whoever reads an element got the container.
        if (constant == Constant.NONE && other.hasShape()) return other.withFixed(other.fixed && fixed);
        if (other.constant == Constant.NONE && hasShape()) return withFixed(fixed && other.fixed);
        Object c = Objects.equals(constant, other.constant) ? constant : null;
        String n = Objects.equals(name, other.name) ? name : null;
        List<Value> joinedItems = null;
        if (items != null && other.items != null && items.size() == other.items.size()) {
            joinedItems = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) joinedItems.add(items.get(i).join(other.items.get(i)));
            joinedItems = List.copyOf(joinedItems);
        }
        Map<Object, Value> joinedEntries = null;
        if (entries != null && other.entries != null && entries.keySet().equals(other.entries.keySet())) {
            Map<Object, Value> merged = new HashMap<>();
            entries.forEach((k, v) -> merged.put(k, v.join(other.entries.get(k))));
            joinedEntries = Map.copyOf(merged);
        }
        Map<String, Value> joinedAttributes = null;
        if (attributes != null || other.attributes != null) {
            Map<String, Value> merged = new HashMap<>();
            if (attributes != null) merged.putAll(attributes);
            if (other.attributes != null) other.attributes.forEach((k, v) -> merged.merge(k, v, Value::join));
            merged.keySet().removeIf(k -> k.startsWith(PROPERTY) && !(has(attributes, k) && has(other.attributes, k)));
            joinedAttributes = merged.isEmpty() ? null : Map.copyOf(merged);
        }
        return new Value(c, fixed && other.fixed, taint.union(other.taint), n, joinedItems, joinedEntries, joinedAttributes);
    }

    private static boolean has(Map<String, Value> attributes, String key) {
        return attributes != null && attributes.containsKey(key);
    }

    /** The property a call set on this object on every path, or null. */
    Value property(String property) {
        return attributes == null ? null : attributes.get(PROPERTY + property);
    }

    Value withProperty(String property, Value value) {
        return withAttribute(PROPERTY + property, value);
    }

    /** This value with the properties {@code from} has: what a method of an object gives out is set as the object is. */
    Value withPropertiesOf(Value from) {
        if (from.attributes == null) return this;
        Value result = this;
        for (Map.Entry<String, Value> e : from.attributes.entrySet()) {
            if (e.getKey().startsWith(PROPERTY)) result = result.withAttribute(e.getKey(), e.getValue());
        }
        return result;
    }

    private boolean hasShape() {
        return items != null || entries != null;
    }

    private Value withFixed(boolean isFixed) {
        return isFixed == fixed ? this : new Value(constant, isFixed, taint, name, items, entries, attributes);
    }

    /** Forgets constants and shapes, keeping taint and name: what a loop that keeps changing converges to. */
    public Value widened() {
        return new Value(null, fixed, taint, name, null, null, null);
    }

    /** A value computed only from {@code inputs}: fixed if they all are, carrying their taint. */
    public static Value derived(Taint taint, boolean fromFixedInputs) {
        return new Value(null, fromFixedInputs && taint.isEmpty(), taint, null, null, null, null);
    }

    /** Whether nothing from outside the program can be in this value. */
    public boolean harmless() {
        return fixed || isConstant() || Containers.allConstant(this);
    }
}
