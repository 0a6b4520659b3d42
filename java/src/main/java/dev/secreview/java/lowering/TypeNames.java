package dev.secreview.java.lowering;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The qualified names of one file's simple names, resolved from its own declarations, its imports and its package,
 * without a symbol solver: a type declared in the file (nested ones too), a single-type import, {@code java.lang},
 * a type of a package imported on demand that the table of well-known types places there, else the file's own
 * package. Static imports give the qualified names of imported members.
 */
public final class TypeNames {
    /** {@code java.lang} types code names without importing them. */
    private static final Set<String> JAVA_LANG = Set.of("String", "Object", "Math", "StrictMath", "Runtime", "System",
            "Integer", "Long", "Short", "Byte", "Double", "Float", "Boolean", "Character", "Number", "StringBuilder",
            "StringBuffer", "Thread", "Class", "ClassLoader", "Process", "ProcessBuilder", "Exception", "RuntimeException",
            "Throwable", "Error", "SecurityException", "IllegalArgumentException", "IllegalStateException", "Iterable",
            "Runnable", "Enum", "Record", "Void", "CharSequence", "Comparable", "AutoCloseable", "Cloneable",
            "NullPointerException", "InterruptedException", "ThreadLocal", "Override", "Deprecated", "SuppressWarnings",
            "FunctionalInterface", "SafeVarargs");

    /** Where the types code most often imports with a wildcard live, for {@code import java.util.*;}. */
    private static final Map<String, String> WELL_KNOWN = wellKnown();

    private final String packageName;
    private final Map<String, String> declared = new HashMap<>();
    private final Map<String, String> imported = new HashMap<>();
    private final Map<String, String> staticMembers = new HashMap<>();
    private final List<String> wildcardPackages = new ArrayList<>();

    public TypeNames(CompilationUnit unit) {
        this.packageName = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        for (ImportDeclaration imp : unit.getImports()) {
            String name = imp.getNameAsString();
            if (imp.isStatic()) {
                if (!imp.isAsterisk()) staticMembers.put(simple(name), name);
            } else if (imp.isAsterisk()) {
                wildcardPackages.add(name);
            } else {
                imported.put(simple(name), name);
            }
        }
        for (TypeDeclaration<?> type : unit.getTypes()) declare(type, qualify(packageName, type.getNameAsString()));
    }

    private void declare(TypeDeclaration<?> type, String qualified) {
        declared.putIfAbsent(type.getNameAsString(), qualified);
        type.findAll(TypeDeclaration.class).forEach(nested -> {
            if (nested == type) return;
            nested.getParentNode().filter(p -> p instanceof TypeDeclaration<?>).ifPresent(parent -> {
                String outer = declared.getOrDefault(((TypeDeclaration<?>) parent).getNameAsString(), qualified);
                declared.putIfAbsent(nested.getNameAsString(), outer + "." + nested.getNameAsString());
            });
        });
    }

    public String packageName() {
        return packageName;
    }

    /** The qualified name of a type declared in the file, of the simple name. */
    public String declared(String simpleName) {
        return declared.get(simpleName);
    }

    /** The qualified name of the type {@code name} (simple or already qualified) names here. */
    public String type(String name) {
        int dot = name.indexOf('.');
        if (dot > 0) {
            // Outer.Inner: resolve the first part; a lower-case first part is a package.
            String first = name.substring(0, dot);
            if (Character.isLowerCase(first.charAt(0))) return name;
            return type(first) + name.substring(dot);
        }
        String found = declared.get(name);
        if (found != null) return found;
        found = imported.get(name);
        if (found != null) return found;
        if (JAVA_LANG.contains(name)) return "java.lang." + name;
        String known = WELL_KNOWN.get(name);
        if (known != null && (wildcardPackages.contains(known) || known.equals(packageName))) return known + "." + name;
        if (wildcardPackages.size() == 1 && !Character.isLowerCase(name.charAt(0)) && known == null
                && !wildcardPackages.get(0).startsWith("java")) {
            return wildcardPackages.get(0) + "." + name;
        }
        return qualify(packageName, name);
    }

    /** The qualified name of a statically imported member, or null. */
    public String staticMember(String name) {
        return staticMembers.get(name);
    }

    /** The qualified name of a declared type, its type arguments and array brackets dropped. */
    public String type(Type type) {
        if (type instanceof ClassOrInterfaceType c) return type(c.getNameWithScope());
        return type.asString();
    }

    static String simple(String qualified) {
        return qualified.substring(qualified.lastIndexOf('.') + 1);
    }

    private static String qualify(String pkg, String name) {
        return pkg.isEmpty() ? name : pkg + "." + name;
    }

    private static Map<String, String> wellKnown() {
        Map<String, String> known = new HashMap<>();
        for (String n : List.of("List", "ArrayList", "LinkedList", "Map", "HashMap", "LinkedHashMap", "TreeMap",
                "Hashtable", "Set", "HashSet", "LinkedHashSet", "TreeSet", "Collection", "Collections", "Arrays",
                "Iterator", "Enumeration", "Properties", "Random", "Scanner", "Vector", "Stack", "Deque", "ArrayDeque",
                "Queue", "Optional", "Objects", "UUID", "Base64", "Locale", "Date", "Calendar", "StringTokenizer")) {
            known.put(n, "java.util");
        }
        for (String n : List.of("File", "FileInputStream", "FileOutputStream", "FileReader", "FileWriter",
                "InputStream", "OutputStream", "Reader", "Writer", "PrintWriter", "BufferedReader", "BufferedWriter",
                "InputStreamReader", "OutputStreamWriter", "IOException", "RandomAccessFile", "ObjectInputStream",
                "ObjectOutputStream", "ByteArrayInputStream", "ByteArrayOutputStream", "PrintStream", "Serializable")) {
            known.put(n, "java.io");
        }
        for (String n : List.of("Connection", "Statement", "PreparedStatement", "CallableStatement", "ResultSet",
                "DriverManager", "SQLException")) {
            known.put(n, "java.sql");
        }
        for (String n : List.of("HttpServletRequest", "HttpServletResponse", "HttpServlet", "HttpSession", "Cookie")) {
            known.put(n, "javax.servlet.http");
        }
        for (String n : List.of("Path", "Paths", "Files")) known.put(n, "java.nio.file");
        for (String n : List.of("MessageDigest", "SecureRandom", "KeyPairGenerator")) known.put(n, "java.security");
        for (String n : List.of("Cipher", "KeyGenerator", "SecretKey", "Mac")) known.put(n, "javax.crypto");
        for (String n : List.of("DirContext", "InitialDirContext", "SearchControls")) known.put(n, "javax.naming.directory");
        for (String n : List.of("XPath", "XPathFactory", "XPathExpression")) known.put(n, "javax.xml.xpath");
        return Map.copyOf(known);
    }
}
