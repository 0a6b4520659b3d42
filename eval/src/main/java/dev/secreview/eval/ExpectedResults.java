package dev.secreview.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the OWASP Benchmark {@code expectedresults-*.csv} format: a {@code #} comment header
 * ({@code # test name, category, real vulnerability, cwe, ...}), then one row per test case such as
 * {@code BenchmarkTest00001,pathtraver,true,22}. Columns after the fourth are ignored, as the OWASP
 * scorer does; blank lines are skipped.
 */
public final class ExpectedResults {

    private ExpectedResults() {
    }

    public static List<TestCase> read(Path csv) throws EvalInputException {
        return parse(InputFile.text(csv).lines().toList(), csv.toString());
    }

    /** {@code source} names the file in error messages. */
    public static List<TestCase> parse(List<String> lines, String source) throws EvalInputException {
        List<TestCase> cases = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String where = source + ":" + (i + 1) + ": ";
            TestCase row = row(line.split(",", -1), where);
            if (!names.add(row.name())) throw new EvalInputException(where + "test case " + row.name() + " is listed twice");
            cases.add(row);
        }
        if (cases.isEmpty()) throw new EvalInputException(source + ": no test cases");
        return cases;
    }

    private static TestCase row(String[] columns, String where) throws EvalInputException {
        if (columns.length < 4) {
            throw new EvalInputException(where + "expected 'test name, category, real vulnerability, cwe'");
        }
        String name = columns[0].strip();
        String category = columns[1].strip();
        if (name.isEmpty() || category.isEmpty()) throw new EvalInputException(where + "empty test name or category");
        String vulnerable = columns[2].strip().toLowerCase(Locale.ROOT);
        if (!vulnerable.equals("true") && !vulnerable.equals("false")) {
            throw new EvalInputException(where + "real vulnerability must be true or false, not '" + columns[2].strip() + "'");
        }
        try {
            return new TestCase(name, category, vulnerable.equals("true"), Integer.parseInt(columns[3].strip()));
        } catch (NumberFormatException e) {
            throw new EvalInputException(where + "cwe must be a number, not '" + columns[3].strip() + "'");
        }
    }
}
