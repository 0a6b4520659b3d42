package dev.secreview.java.lowering;

import java.util.Set;

/** What the lowering needs to know of a declared type from its qualified name alone. */
final class JavaTypes {
    private static final Set<String> PRIMITIVES = Set.of("int", "long", "short", "byte", "char", "boolean", "double",
            "float", "void", "var");
    private static final Set<String> VALUES = Set.of("java.lang.String", "java.lang.Object", "java.lang.Integer",
            "java.lang.Long", "java.lang.Short", "java.lang.Byte", "java.lang.Character", "java.lang.Boolean",
            "java.lang.Double", "java.lang.Float", "java.lang.Number", "java.lang.CharSequence");
    private static final Set<String> LISTS = Set.of("List", "ArrayList", "LinkedList", "Collection", "Set", "HashSet",
            "LinkedHashSet", "TreeSet", "Vector", "Stack", "Deque", "ArrayDeque", "Queue", "CopyOnWriteArrayList",
            "SortedSet", "NavigableSet", "Iterable");
    private static final Set<String> MAPS = Set.of("Map", "HashMap", "LinkedHashMap", "TreeMap", "Hashtable",
            "ConcurrentHashMap", "SortedMap", "NavigableMap", "ConcurrentMap");
    private static final Set<String> BUILDERS = Set.of("java.lang.StringBuilder", "java.lang.StringBuffer");

    private JavaTypes() {
    }

    /**
     * Whether values of the type are objects whose methods the models name by the type ({@code java.sql.Statement}):
     * not primitives, strings, boxed numbers, arrays, the collections and text builders the lowering follows itself.
     */
    static boolean isObjectType(String qualified) {
        if (qualified == null || qualified.isEmpty() || qualified.endsWith("]") || PRIMITIVES.contains(qualified)) return false;
        if (VALUES.contains(qualified) || BUILDERS.contains(qualified)) return false;
        if (!qualified.contains(".")) return !Character.isLowerCase(qualified.charAt(0)) && qualified.length() > 1;
        return !isList(qualified) && !isMap(qualified);
    }

    static boolean isList(String qualified) {
        return qualified != null && (qualified.startsWith("java.util.") || !qualified.contains("."))
                && LISTS.contains(TypeNames.simple(qualified));
    }

    static boolean isMap(String qualified) {
        return qualified != null && (qualified.startsWith("java.util.") || !qualified.contains("."))
                && MAPS.contains(TypeNames.simple(qualified));
    }

    static boolean isBuilder(String qualified) {
        return BUILDERS.contains(qualified);
    }

    static boolean isString(String qualified) {
        return "java.lang.String".equals(qualified);
    }
}
