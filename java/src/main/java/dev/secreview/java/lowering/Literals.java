package dev.secreview.java.lowering;

import com.github.javaparser.ast.expr.LiteralStringValueExpr;

/** Java's integer literals as the IR's {@link Long}s: decimal, hexadecimal, octal and binary, with underscores. */
final class Literals {
    private Literals() {
    }

    static Long integer(LiteralStringValueExpr literal) {
        String text = literal.getValue().replace("_", "");
        if (text.endsWith("L") || text.endsWith("l")) text = text.substring(0, text.length() - 1);
        try {
            if (text.startsWith("0x") || text.startsWith("0X")) return Long.parseUnsignedLong(text.substring(2), 16);
            if (text.startsWith("0b") || text.startsWith("0B")) return Long.parseUnsignedLong(text.substring(2), 2);
            if (text.length() > 1 && text.startsWith("0")) return Long.parseUnsignedLong(text.substring(1), 8);
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
