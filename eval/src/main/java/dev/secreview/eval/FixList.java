package dev.secreview.eval;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.secreview.core.cwe.CweCatalog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a fixes list: a CSV with the header
 * {@code id,repository,advisory,cwe,fix_commit,parent_commit,file,vulnerable_lines,class,summary};
 * {@code cwe} is {@code CWE-n} (a weakness of the catalog), {@code vulnerable_lines} is {@code 12;30-32}.
 */
public final class FixList {

    static final List<String> COLUMNS = List.of("id", "repository", "advisory", "cwe", "fix_commit",
            "parent_commit", "file", "vulnerable_lines", "class", "summary");
    private static final Pattern CWE = Pattern.compile("CWE-(\\d+)");
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern RANGE = Pattern.compile("(\\d+)(?:-(\\d+))?");

    private FixList() {
    }

    public static List<FixCase> read(Path csv) throws EvalInputException {
        return parse(InputFile.text(csv), csv.toString());
    }

    /** {@code source} names the list in error messages. */
    public static List<FixCase> parse(String text, String source) throws EvalInputException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader().withStrictHeaders(false)).readValues(text)) {
            while (it.hasNext()) rows.add(it.next());
        } catch (IOException | RuntimeJsonMappingException e) {
            throw new EvalInputException(source + ": not a CSV file (" + firstLine(e.getMessage()) + ")");
        }
        if (rows.isEmpty()) throw new EvalInputException(source + ": no fixes");
        List<String> missing = COLUMNS.stream().filter(c -> !rows.get(0).containsKey(c)).toList();
        if (!missing.isEmpty()) throw new EvalInputException(source + ": missing columns " + String.join(", ", missing));
        List<FixCase> cases = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            String where = source + ":" + (i + 2) + ": ";
            FixCase c = row(rows.get(i), where);
            if (!ids.add(c.id())) throw new EvalInputException(where + "id " + c.id() + " is listed twice");
            cases.add(c);
        }
        return cases;
    }

    private static FixCase row(Map<String, String> row, String where) throws EvalInputException {
        for (String column : COLUMNS) {
            if (row.getOrDefault(column, "").isBlank()) throw new EvalInputException(where + "empty " + column);
        }
        Matcher cwe = CWE.matcher(row.get("cwe").strip());
        if (!cwe.matches()) throw new EvalInputException(where + "cwe must look like CWE-22, not '" + row.get("cwe") + "'");
        int cweId = Integer.parseInt(cwe.group(1));
        if (CweCatalog.embedded().find(cweId).isEmpty()) throw new EvalInputException(where + "CWE-" + cweId + " is not in the CWE catalog");
        for (String column : List.of("fix_commit", "parent_commit")) {
            if (!SHA.matcher(row.get(column).strip()).matches()) {
                throw new EvalInputException(where + column + " must be a full 40-digit commit id");
            }
        }
        return new FixCase(row.get("id").strip(), row.get("repository").strip(), row.get("advisory").strip(), cweId,
                row.get("fix_commit").strip(), row.get("parent_commit").strip(), row.get("file").strip(),
                lines(row.get("vulnerable_lines"), where), row.get("class").strip(), row.get("summary").strip());
    }

    private static List<FixCase.LineRange> lines(String text, String where) throws EvalInputException {
        List<FixCase.LineRange> ranges = new ArrayList<>();
        for (String part : text.split(";")) {
            Matcher m = RANGE.matcher(part.strip());
            int first = m.matches() ? Integer.parseInt(m.group(1)) : 0;
            int last = m.matches() && m.group(2) != null ? Integer.parseInt(m.group(2)) : first;
            if (first < 1 || last < first) {
                throw new EvalInputException(where + "vulnerable_lines must look like 12;30-32, not '" + text.strip() + "'");
            }
            ranges.add(new FixCase.LineRange(first, last));
        }
        return ranges;
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
    }
}
