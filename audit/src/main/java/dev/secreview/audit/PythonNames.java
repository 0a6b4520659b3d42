package dev.secreview.audit;

import java.util.Set;

/** Names every Python file may mention without defining them. */
final class PythonNames {

    private static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async", "await",
            "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
            "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
            "with", "yield", "match", "case");

    /**
     * Builtin types, constants and exceptions. Builtin functions (eval, open, print, ...) are left out on
     * purpose: "the code calls `eval`" is a claim about the file, so the file must contain the call.
     */
    private static final Set<String> BUILTIN_TYPES = Set.of("bool", "int", "float", "complex", "str", "bytes",
            "bytearray", "list", "tuple", "dict", "set", "frozenset", "object", "type", "NotImplemented", "Ellipsis",
            "__name__", "__file__", "self", "cls", "BaseException", "Exception", "ValueError", "TypeError",
            "KeyError", "IndexError", "OSError", "IOError", "RuntimeError", "AttributeError", "ImportError",
            "PermissionError", "FileNotFoundError", "TimeoutError", "ConnectionError", "StopIteration",
            "NotImplementedError", "UnicodeDecodeError", "AssertionError");

    private PythonNames() {
    }

    static boolean isKeyword(String word) {
        return KEYWORDS.contains(word);
    }

    static boolean isBuiltinType(String name) {
        return BUILTIN_TYPES.contains(name);
    }
}
