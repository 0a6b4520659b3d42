import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Turns MITRE's CWE XML archive (schema cwe-7) into the compact, sorted TSV
 * catalog embedded in secreview-core.
 *
 * <pre>
 *   java tools/cwe-catalog/CweCatalogGenerator.java cwe-archive.xml cwe-catalog.tsv
 * </pre>
 *
 * JDK only (StAX), single file, no dependencies. The output is deterministic:
 * it depends only on the input XML (no timestamps, no host data), entries are
 * sorted by numeric id.
 *
 * Output columns (tab separated):
 * id, kind (weakness|category|view), abstraction (or "-"), status, name,
 * parents (comma-separated ChildOf ids in view 1000, the Primary one first,
 * or "-").
 */
public final class CweCatalogGenerator {

    private static final String RESEARCH_VIEW = "1000";

    /** One catalog row, filled while streaming. */
    private static final class Row {
        final int id;
        final String kind;
        final String abstraction;
        final String status;
        final String name;
        final Set<Integer> primaryParents = new LinkedHashSet<>();
        final Set<Integer> otherParents = new LinkedHashSet<>();

        Row(int id, String kind, String abstraction, String status, String name) {
            this.id = id;
            this.kind = kind;
            this.abstraction = abstraction;
            this.status = status;
            this.name = name;
        }

        String parents() {
            Set<Integer> all = new LinkedHashSet<>(primaryParents);
            all.addAll(otherParents);
            if (all.isEmpty()) {
                return "-";
            }
            StringBuilder sb = new StringBuilder();
            for (Integer p : all) {
                if (sb.length() > 0) {
                    sb.append(',');
                }
                sb.append(p);
            }
            return sb.toString();
        }
    }

    private CweCatalogGenerator() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java CweCatalogGenerator.java <cwe-archive.xml> <out.tsv>");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);

        Map<String, String> catalog = new TreeMap<>();
        Map<Integer, Row> rows = new TreeMap<>();
        try (InputStream is = Files.newInputStream(in)) {
            parse(is, catalog, rows);
        }
        validate(rows);
        write(out, catalog, rows);

        int weaknesses = 0;
        int categories = 0;
        int views = 0;
        for (Row r : rows.values()) {
            switch (r.kind) {
                case "weakness" -> weaknesses++;
                case "category" -> categories++;
                default -> views++;
            }
        }
        System.err.printf("CWE %s (%s): %d entries = %d weaknesses + %d categories + %d views -> %s%n",
                catalog.get("Version"), catalog.get("Date"), rows.size(), weaknesses, categories, views, out);
    }

    private static void parse(InputStream is, Map<String, String> catalog, Map<Integer, Row> rows)
            throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // The archive needs no DTDs or external entities; refuse them outright.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_COALESCING, Boolean.TRUE);
        XMLStreamReader xr = factory.createXMLStreamReader(is, "UTF-8");

        // Element-name stack; depth 1 = Weakness_Catalog, 2 = Weaknesses/Categories/Views, 3 = entries.
        List<String> stack = new ArrayList<>();
        Row current = null;
        try {
            while (xr.hasNext()) {
                int ev = xr.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String local = xr.getLocalName();
                    stack.add(local);
                    int depth = stack.size();
                    if (depth == 1) {
                        if (!"Weakness_Catalog".equals(local)) {
                            throw new IllegalStateException("not a CWE archive: root element is " + local);
                        }
                        for (int i = 0; i < xr.getAttributeCount(); i++) {
                            if (xr.getAttributePrefix(i) == null || xr.getAttributePrefix(i).isEmpty()) {
                                catalog.put(xr.getAttributeLocalName(i), xr.getAttributeValue(i));
                            }
                        }
                    } else if (depth == 3) {
                        String kind = kindOf(stack.get(1), local);
                        if (kind != null) {
                            current = newRow(xr, kind);
                            if (rows.putIfAbsent(current.id, current) != null) {
                                throw new IllegalStateException("duplicate CWE id " + current.id);
                            }
                        }
                    } else if (current != null && "Related_Weakness".equals(local)) {
                        String nature = xr.getAttributeValue(null, "Nature");
                        String view = xr.getAttributeValue(null, "View_ID");
                        if ("ChildOf".equals(nature) && RESEARCH_VIEW.equals(view)) {
                            int parent = parseId(xr.getAttributeValue(null, "CWE_ID"), "CWE_ID of " + current.id);
                            if ("Primary".equals(xr.getAttributeValue(null, "Ordinal"))) {
                                current.primaryParents.add(parent);
                            } else {
                                current.otherParents.add(parent);
                            }
                        }
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    if (stack.size() == 3) {
                        current = null;
                    }
                    stack.remove(stack.size() - 1);
                }
            }
        } finally {
            xr.close();
        }
        if (catalog.get("Version") == null) {
            throw new IllegalStateException("Weakness_Catalog has no Version attribute");
        }
    }

    private static String kindOf(String container, String element) {
        if ("Weaknesses".equals(container) && "Weakness".equals(element)) {
            return "weakness";
        }
        if ("Categories".equals(container) && "Category".equals(element)) {
            return "category";
        }
        if ("Views".equals(container) && "View".equals(element)) {
            return "view";
        }
        return null;
    }

    private static Row newRow(XMLStreamReader xr, String kind) {
        int id = parseId(xr.getAttributeValue(null, "ID"), kind + " ID");
        String name = cell(xr.getAttributeValue(null, "Name"), kind + " " + id + " Name");
        String status = cell(xr.getAttributeValue(null, "Status"), kind + " " + id + " Status");
        String abstraction = "-";
        if ("weakness".equals(kind)) {
            abstraction = cell(xr.getAttributeValue(null, "Abstraction"), "weakness " + id + " Abstraction");
        }
        return new Row(id, kind, abstraction, status, name);
    }

    private static int parseId(String raw, String what) {
        if (raw == null || !raw.matches("[0-9]{1,9}")) {
            throw new IllegalStateException("bad or missing " + what + ": " + raw);
        }
        return Integer.parseInt(raw);
    }

    /**
     * A value that must survive a tab-separated line: no control characters (tab, newline, ...).
     * Leading/trailing blanks are stripped: a few official names carry a stray trailing space
     * (in 4.15: CWE-280, CWE-600, CWE-1172, CWE-1290), which is not part of the name as shown
     * on cwe.mitre.org and would only get in the way of comparisons.
     */
    private static String cell(String raw, String what) {
        if (raw == null) {
            throw new IllegalStateException("missing " + what);
        }
        for (int i = 0; i < raw.length(); i++) {
            if (Character.isISOControl(raw.charAt(i))) {
                throw new IllegalStateException(what + " contains a control character: " + raw);
            }
        }
        String value = raw.strip();
        if (!value.equals(raw)) {
            System.err.println("note: stripped leading/trailing whitespace from " + what + ": '" + raw + "'");
        }
        if (value.isEmpty()) {
            throw new IllegalStateException("empty " + what);
        }
        if ("-".equals(value)) {
            throw new IllegalStateException(what + " is '-', which the TSV reserves for 'none'");
        }
        return value;
    }

    /** Every research parent must itself be a catalog weakness. */
    private static void validate(Map<Integer, Row> rows) {
        for (Row r : rows.values()) {
            for (Set<Integer> set : List.of(r.primaryParents, r.otherParents)) {
                for (Integer p : set) {
                    Row parent = rows.get(p);
                    if (parent == null || !"weakness".equals(parent.kind)) {
                        throw new IllegalStateException("CWE-" + r.id + " is ChildOf unknown/non-weakness CWE-" + p);
                    }
                }
            }
            if (r.primaryParents.size() > 1) {
                System.err.println("note: CWE-" + r.id + " has several Primary ChildOf parents in view 1000: "
                        + r.primaryParents);
            }
        }
    }

    private static void write(Path out, Map<String, String> catalog, Map<Integer, Row> rows) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            line(w, "# MITRE CWE catalog (id index) for secreview - GENERATED by tools/cwe-catalog, do not edit.");
            line(w, "# name: " + catalog.getOrDefault("Name", "CWE"));
            line(w, "# version: " + catalog.get("Version"));
            line(w, "# date: " + catalog.getOrDefault("Date", "-"));
            line(w, "# CWE(TM) content copyright The MITRE Corporation; used under the CWE Terms of Use,");
            line(w, "# https://cwe.mitre.org/about/termsofuse.html (see NOTICE-CWE.txt next to this file).");
            line(w, "# columns: id, kind, abstraction, status, name, parents (ChildOf in view 1000, Primary first)");
            StringBuilder sb = new StringBuilder();
            for (Row r : rows.values()) {
                sb.setLength(0);
                sb.append(r.id).append('\t')
                        .append(r.kind).append('\t')
                        .append(r.abstraction).append('\t')
                        .append(r.status).append('\t')
                        .append(r.name).append('\t')
                        .append(r.parents());
                line(w, sb.toString());
            }
        }
    }

    private static void line(Writer w, String s) throws IOException {
        w.write(s);
        w.write('\n');
    }
}
