package dev.secreview.python.lowering;

import dev.secreview.dataflow.ir.Constant;
import dev.secreview.python.semantic.Values;

import java.util.ArrayList;
import java.util.List;

/** Python literal values as the IR's constants. */
final class Literals {

    private Literals() {
    }

    /** The IR constant for a folded Python value: a scalar, or a list of scalars (a constant allow-list). */
    static Object toConstant(Object value) {
        if (value == Values.NONE) return Constant.NONE;
        if (value instanceof String || value instanceof Long || value instanceof Double || value instanceof Boolean) {
            return value;
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>(list.size());
            for (Object item : list) {
                Object constant = toConstant(item);
                if (constant == null || constant instanceof List) return null;
                items.add(constant);
            }
            return List.copyOf(items);
        }
        return null;
    }
}
