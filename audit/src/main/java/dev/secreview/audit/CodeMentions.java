package dev.secreview.audit;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code a finding quotes, sorted into plain or dotted names ({@code orders_of}, {@code subprocess.run()})
 * and code fragments ({@code shell=True}, a code block). Backticked construct words such as
 * {@code try...except} are not quotes of code: they name a construct, which the auditor checks separately.
 */
final class CodeMentions {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)*");
    private static final Pattern CALLED_NAME = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)*)\\(\\)");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_]\\w*");
    /**
     * A file name, by extensions no Python attribute is likely to have: {@code request.json}, {@code self.db}
     * and {@code cfg.CONF} are names.
     */
    private static final Pattern FILE_NAME = Pattern.compile(".*\\.(?:py|pyi|md|txt|ya?ml|toml|ini|sh|html?)$");
    private static final Pattern LETTER = Pattern.compile("[A-Za-z]");
    private static final Pattern CWE = Pattern.compile("(?i)^CWE[-\\s]?\\d+$");

    private final Set<String> identifiers = new LinkedHashSet<>();
    private final Set<String> fragments = new LinkedHashSet<>();

    /**
     * A backticked span: a name, a fragment of code, or neither (a file name, a CWE id, a construct word,
     * a value without a single letter such as {@code ../}).
     */
    void addInline(String quoted) {
        String code = quoted.strip();
        boolean notCode = !LETTER.matcher(code).find() || CWE.matcher(code).matches() || FILE_NAME.matcher(code).matches()
                || namesConstruct(code);
        if (notCode) return;
        String name = code.endsWith("()") ? code.substring(0, code.length() - 2) : code;
        if (NAME.matcher(name).matches()) {
            identifiers.add(name);
        } else {
            fragments.add(code);
        }
    }

    void addBlock(String code) {
        if (!code.isBlank()) fragments.add(code.strip());
    }

    /** Names written as calls without backticks: "the sanitize_input() helper". */
    void addCalledNames(String prose) {
        Matcher m = CALLED_NAME.matcher(prose);
        while (m.find()) identifiers.add(m.group(1));
    }

    List<String> identifiers() {
        return List.copyOf(identifiers);
    }

    List<String> fragments() {
        return List.copyOf(fragments);
    }

    /** Whether every word is a Python keyword: `try...except`, `with`, `finally`. */
    private static boolean namesConstruct(String code) {
        Matcher m = WORD.matcher(code);
        boolean any = false;
        while (m.find()) {
            if (!PythonNames.isKeyword(m.group())) return false;
            any = true;
        }
        return any && !code.contains("=") && !code.contains("(") && !code.contains("'") && !code.contains("\"");
    }
}
