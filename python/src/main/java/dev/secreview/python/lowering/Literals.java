package dev.secreview.python.lowering;

import dev.secreview.dataflow.ir.Constant;
import dev.secreview.python.semantic.Values;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Python literal values as the IR's constants. */
final class Literals {

    private Literals() {
    }

    /**
     * The IR constant for a folded Python value: a scalar, a list of constants (a constant tuple such as an
     * allow-list) or a map from scalars to constants (a lookup table).
     */
    static Object toConstant(Object value) {
        if (value == Values.NONE) return Constant.NONE;
        if (value instanceof String || value instanceof Long || value instanceof Double || value instanceof Boolean) {
            return value;
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>(list.size());
            for (Object item : list) {
                Object constant = toConstant(item);
                if (constant == null) return null;
                items.add(constant);
            }
            return List.copyOf(items);
        }
        if (value instanceof Map<?, ?> table) {
            Map<Object, Object> entries = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : table.entrySet()) {
                Object key = toConstant(entry.getKey());
                Object constant = toConstant(entry.getValue());
                if (key == null || constant == null) return null;
                entries.put(key, constant);
            }
            return Collections.unmodifiableMap(entries);
        }
        return null;
    }
}
