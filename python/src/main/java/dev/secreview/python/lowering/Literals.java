package dev.secreview.python.lowering;

import dev.secreview.dataflow.ir.Constant;
import dev.secreview.python.semantic.Values;

/** Python literal values as the IR's constants. */
final class Literals {

    private Literals() {
    }

    /** The IR constant for a folded Python value; null for what the IR has no constant for (lists). */
    static Object toConstant(Object value) {
        if (value == Values.NONE) return Constant.NONE;
        if (value instanceof String || value instanceof Long || value instanceof Double || value instanceof Boolean) {
            return value;
        }
        return null;
    }
}
