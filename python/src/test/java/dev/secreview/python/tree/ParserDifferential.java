package dev.secreview.python.tree;

import dev.secreview.core.model.SourceFile;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Compares the hand-written parser's tree with tree-sitter's, node by node. {@code CorpusDifferentialTest}
 * (or {@link #main}) runs it on demand over whole directories (the CPython standard library, a real project)
 * and prints the counts; {@code PyDescentParserDifferentialTest} runs it over the repository's own files.
 */
public final class ParserDifferential {
    private static final PythonParser TREE_SITTER = new PythonParser();

    /** The outcome for one file. */
    record Outcome(Path file, Kind kind, String detail) {
    }

    enum Kind { EQUAL, DIFFERENT, REJECTED, UNREADABLE }

    static Outcome compare(Path file) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException notUtf8) {
            return new Outcome(file, Kind.UNREADABLE, "not UTF-8");
        } catch (IOException e) {
            return new Outcome(file, Kind.UNREADABLE, e.getMessage());
        }
        SourceFile source = new SourceFile(file, file.toString(), text);
        PyTree expected = TREE_SITTER.parseWithTreeSitter(source);
        PyTree actual;
        try {
            actual = PyDescentParser.parse(source);
        } catch (PyTokenizer.Reject rejected) {
            return new Outcome(file, Kind.REJECTED, rejected.getMessage());
        } catch (RuntimeException crash) {
            return new Outcome(file, Kind.DIFFERENT, "crash: " + crash);
        }
        String difference = firstDifference(expected.root(), actual.root(), text);
        if (difference != null && !expected.syntaxErrors().isEmpty()) {
            difference = "tree-sitter found syntax errors " + expected.syntaxErrors() + "; " + difference;
        }
        return difference == null ? new Outcome(file, Kind.EQUAL, null) : new Outcome(file, Kind.DIFFERENT, difference);
    }

    /** The first node, in pre-order, where the two trees differ, described; null when they are identical. */
    static String firstDifference(PyNode expected, PyNode actual, String text) {
        List<PyNode[]> stack = new ArrayList<>();
        stack.add(new PyNode[] {expected, actual});
        while (!stack.isEmpty()) {
            PyNode[] pair = stack.remove(stack.size() - 1);
            PyNode e = pair[0];
            PyNode a = pair[1];
            if (!e.type().equals(a.type()) || !same(e.field(), a.field()) || e.isNamed() != a.isNamed()
                    || e.startOffset() != a.startOffset() || e.endOffset() != a.endOffset()
                    || e.startLine() != a.startLine() || e.childCount() != a.childCount()) {
                return "expected " + describe(e) + " got " + describe(a) + " under " + describe(e.parent())
                        + " children " + types(e) + " vs " + types(a);
            }
            for (int i = e.childCount() - 1; i >= 0; i--) stack.add(new PyNode[] {e.child(i), a.child(i)});
        }
        return null;
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    private static String describe(PyNode node) {
        if (node == null) return "(root)";
        String text = node.text();
        if (text.length() > 40) text = text.substring(0, 40) + "…";
        return (node.field() == null ? "" : node.field() + ": ") + node.type() + (node.isNamed() ? "" : "(anon)")
                + " [" + node.startOffset() + "," + node.endOffset() + ") L" + node.startLine() + " "
                + text.replace("\n", "\\n");
    }

    private static String types(PyNode node) {
        List<String> types = new ArrayList<>();
        for (PyNode child : node.children()) types.add(child.type());
        return types.toString();
    }

    static List<Path> pythonFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".py") && Files.isRegularFile(f)).sorted().toList();
        }
    }

    /** Whether CPython's own parser accepts each file, asked of python3 once for all of them. */
    static List<Boolean> cpythonAccepts(List<Path> files) throws IOException, InterruptedException {
        List<Boolean> accepted = new ArrayList<>();
        if (files.isEmpty()) return accepted;
        Process python = new ProcessBuilder("python3", "-c",
                "import ast, sys\n"
                        + "for line in sys.stdin:\n"
                        + "    path = line.rstrip('\\n')\n"
                        + "    try:\n"
                        + "        ast.parse(open(path, 'rb').read(), path)\n"
                        + "        print('ok', flush=True)\n"
                        + "    except Exception:\n"
                        + "        print('error', flush=True)\n")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (var in = python.outputWriter(); var out = python.inputReader()) {
            for (Path file : files) {
                in.write(file.toString());
                in.newLine();
                in.flush();
                accepted.add("ok".equals(out.readLine()));
            }
        }
        python.waitFor();
        return accepted;
    }

    /** The counts for one tree. */
    record Summary(int files, int equal, int different, int rejected, int rejectedValid, int unreadable) {
    }

    /** Compares every .py file under {@code root}; prints each difference and rejection, then the counts. */
    static Summary run(Path root, PrintStream out) throws IOException, InterruptedException {
        List<Path> files = pythonFiles(root);
        List<Outcome> outcomes = new ArrayList<>();
        for (Path file : files) outcomes.add(compare(file));
        List<Outcome> rejected = outcomes.stream().filter(o -> o.kind() == Kind.REJECTED).toList();
        List<Boolean> cpython = cpythonAccepts(rejected.stream().map(Outcome::file).toList());
        int equal = 0;
        int different = 0;
        int unreadable = 0;
        for (Outcome outcome : outcomes) {
            switch (outcome.kind()) {
                case EQUAL -> equal++;
                case DIFFERENT -> {
                    different++;
                    out.println("DIFFERENT " + outcome.file() + ": " + outcome.detail());
                }
                case UNREADABLE -> unreadable++;
                default -> { }
            }
        }
        int rejectedValid = 0;
        for (int i = 0; i < rejected.size(); i++) {
            if (cpython.get(i)) rejectedValid++;
            out.println("REJECTED " + rejected.get(i).file() + " (CPython " + (cpython.get(i) ? "accepts" : "rejects")
                    + "): " + rejected.get(i).detail());
        }
        Summary summary = new Summary(files.size(), equal, different, rejected.size(), rejectedValid, unreadable);
        out.printf("%s: %d files, %d equal, %d different, %d rejected (%d of them valid for CPython, %d invalid),"
                        + " %d not UTF-8%n", root, summary.files(), equal, different, rejected.size(), rejectedValid,
                rejected.size() - rejectedValid, unreadable);
        return summary;
    }

    /** Arguments: directories or files. */
    public static void main(String[] args) throws Exception {
        for (String arg : args) run(Path.of(arg), System.out);
    }
}
