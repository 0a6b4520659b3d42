package dev.secreview.audit;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The APIs a claim's fix tells the reader to use, as dotted names to look up: backticked names
 * ({@code `werkzeug.utils.secure_filename()`}), names imported in the fix's code ({@code from hmac import
 * compare_digest}), and dotted calls in it whose first part is imported (by the file or by the fix) or is
 * a class by its spelling. A dotted call on a variable ({@code cursor.execute(...)}) says nothing about any library.
 */
final class FixApis {

    private static final Pattern BACKTICKED = Pattern.compile("`+([^`\\n]+?)`+");
    private static final Pattern CALLED = Pattern.compile("^([A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)+)\\s*(?:\\(.*\\))?$");
    private static final Pattern DOTTED_CALL = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)+)\\s*\\(");
    private static final Pattern FROM_IMPORT = Pattern.compile("\\bfrom\\s+([A-Za-z_][\\w.]*)\\s+import\\s+([A-Za-z_]\\w*)"
            + "(?:\\s+as\\s+([A-Za-z_]\\w*))?");
    private static final Pattern IMPORT = Pattern.compile("(?<![\\w.])import\\s+([A-Za-z_][\\w.]*)(?:\\s+as\\s+([A-Za-z_]\\w*))?");

    private FixApis() {
    }

    static List<String> of(Claim claim, PythonCode code) {
        String fix = claim.fix();
        if (fix == null || fix.isBlank()) return List.of();
        Set<String> names = new LinkedHashSet<>();
        Map<String, String> importedByFix = new HashMap<>();
        Matcher from = FROM_IMPORT.matcher(fix);
        while (from.find()) {
            names.add(from.group(1) + "." + from.group(2));
            importedByFix.put(from.group(3) != null ? from.group(3) : from.group(2), from.group(1) + "." + from.group(2));
        }
        Matcher imported = IMPORT.matcher(fix);
        while (imported.find()) {
            if (fix.substring(0, imported.start()).matches("(?s).*\\bfrom\\s+[\\w.]+\\s+$")) continue;
            names.add(imported.group(1));
            String head = imported.group(1).split("\\.")[0];
            importedByFix.put(imported.group(2) != null ? imported.group(2) : head,
                    imported.group(2) != null ? imported.group(1) : head);
        }
        Matcher backticked = BACKTICKED.matcher(fix);
        while (backticked.find()) {
            Matcher called = CALLED.matcher(backticked.group(1).strip());
            if (called.matches() && !isVariable(called.group(1), code, importedByFix.keySet())) {
                names.add(unaliased(called.group(1), importedByFix));
            }
        }
        Matcher call = DOTTED_CALL.matcher(fix);
        while (call.find()) {
            String head = call.group(1).split("\\.")[0];
            boolean library = importedByFix.containsKey(head) || code.bindsImport(head) || Character.isUpperCase(head.charAt(0));
            if (library && !isVariable(call.group(1), code, importedByFix.keySet())) names.add(unaliased(call.group(1), importedByFix));
        }
        names.removeIf(name -> !code.linesOfName(name).isEmpty());
        return List.copyOf(names);
    }

    /** {@code h.compare_digest} after the fix's {@code import hmac as h} is {@code hmac.compare_digest}. */
    private static String unaliased(String dotted, Map<String, String> importedByFix) {
        int dot = dotted.indexOf('.');
        String module = importedByFix.get(dotted.substring(0, dot));
        return module == null ? dotted : module + dotted.substring(dot);
    }

    /** Whether the first part is a variable or a parameter of the file (in any scope), not an import or a class. */
    private static boolean isVariable(String dotted, PythonCode code, Set<String> importedByFix) {
        String head = dotted.split("\\.")[0];
        if (importedByFix.contains(head) || code.bindsImport(head) || code.definesClass(head)) return false;
        return head.equals("self") || head.equals("cls") || code.bindsAnywhere(head);
    }
}
