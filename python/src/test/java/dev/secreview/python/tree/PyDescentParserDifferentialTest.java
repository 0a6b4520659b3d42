package dev.secreview.python.tree;

import dev.secreview.core.model.SourceFile;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand-written parser builds, node for node, the tree tree-sitter builds. */
class PyDescentParserDifferentialTest {

    private static final PythonParser PARSER = new PythonParser();

    @Test
    void everyPythonFileOfTheRepositoryParsesToTheSameTreeBothWays() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<Path> files = ParserDifferential.pythonFiles(root).stream()
                .filter(f -> !f.toString().contains("/target/") && !f.toString().contains("/.git/"))
                .toList();
        assertTrue(files.size() > 150, "the fixtures, examples and test resources: " + files.size());
        List<String> differences = new ArrayList<>();
        int rejected = 0;
        for (Path file : files) {
            ParserDifferential.Outcome outcome = ParserDifferential.compare(file);
            if (outcome.kind() == ParserDifferential.Kind.DIFFERENT) differences.add(file + ": " + outcome.detail());
            if (outcome.kind() == ParserDifferential.Kind.REJECTED) rejected++;
        }
        assertEquals(List.of(), differences);
        assertTrue(rejected < files.size() / 20, "rejected " + rejected + " of " + files.size());
    }

    private static void assertSameTree(String code) {
        SourceFile source = new SourceFile(Path.of("m.py"), "m.py", code);
        PyTree expected = PARSER.parseWithTreeSitter(source);
        assertEquals(List.of(), expected.syntaxErrors(), "tree-sitter reads the sample without errors");
        PyTree actual = PyDescentParser.parse(source);
        assertNull(ParserDifferential.firstDifference(expected.root(), actual.root(), code));
    }

    @Test
    void commentsLandWhereTreeSitterPutsThem() {
        assertSameTree("# lead\n\nimport os\ndef f(a):\n    x = 1  # trailing\n    # inside\n    return x\n"
                + "  # lower\n# col0\n\nclass C:\n\n    @d\n    # between\n    def g(self): pass  # same line\n"
                + "if x:  # after colon\n    # before first\n    pass\nelse:\n    y = (1 +  # in brackets\n      2)\n"
                + "try:\n    x\n    # c1\n# c2\nexcept E:\n    pass\n");
    }

    @Test
    void lineEndsOfEveryKindAndNoFinalNewline() {
        assertSameTree("x = 1\r\ny = 2\r\n# c\r\nif x:\r\n    z = 3\r\n");
        assertSameTree("x = 1\n\f\ndef f():\n\tpass\ny = a.b \\\n  + c\nz = \"a\" \\\n  \"b\"");
        assertSameTree("name = 'é'\nπ = \"😀\" + name  # ünïcode\n");
        assertSameTree("\n\n  \n");
        assertSameTree("");
    }

    @Test
    void stringsAndFStrings() {
        assertSameTree("a = \"x\\ny\\\\z\\q\" b\"\\u12\\x41\" r\"\\d\" r'\\\\' rb'\\\\x' f\"{x=}{y:{z}.2f}{{}}\"\n"
                + "b = f'{a!r:>{w}}' \"\"\"t\n\"q\"\n\"\"\" u\"\\N{DASH}\\101\" f\"{x:#x} {y: >3} {d['k']}\"\n");
    }

    @Test
    void expressionsWithTheGrammarsPrecedences() {
        assertSameTree("-x ** 2\nnot a and b or c\na if b else c\nlambda x, y=1: x\na < b <= c not in d is not e\n"
                + "await x ** 2\na & b ^ c | d << 1\nx = (y := f(1))\nx = [a for a in b if a]\n"
                + "z = {k: v for k, v in d.items()}\nw = {**a, 'b': 1}\ns = {1, *t}\ng = (x for x in y)\n"
                + "f(x for x in y)\nf(*a, **k, c=1, *a.b)\na[1:2, ::3]\nx: int | None = None\n");
    }

    @Test
    void statementsTargetsAndTypes() {
        assertSameTree("a, b = c, d\na = b = c\n(a) = 1\n[a, *b] = c\nx += 1\ndel a, b\nprint(a)\n"
                + "print >>f, x\nfrom . import a\nfrom ...b import (c as d, e,)\nfrom __future__ import annotations\n"
                + "import a.b as c\nwith open(a) as f, b:\n    pass\nwith (a as b, c as d):\n    pass\n"
                + "with (a):\n    pass\nwith (f(x) as b):\n    pass\nwith (a.b() as c,):\n    pass\n"
                + "with (a, b):\n    pass\nwith (a) as b, c as d:\n    pass\nfor x, y in z:\n    pass\nelse:\n    pass\n"
                + "try:\n    pass\nexcept* E as e:\n    pass\nexcept (A, B):\n    pass\nfinally:\n    pass\n"
                + "def f(a, /, b: list[int], *args: int, c=1, **kw) -> Dict[str, int] | None: ...\n"
                + "def g[T, *Ts, **P](x: T) -> T: ...\nclass A[T: int](B, metaclass=M): pass\n"
                + "type X = list[int]\ntype(mock).y = z\n@dec\n@a.b(1)\nasync def h(): await x\n");
    }

    @Test
    void matchStatements() {
        assertSameTree("match p:\n    case [1, *rest] if rest:\n        pass\n    case {\"a\": 1, **kw}:\n        pass\n"
                + "    case Point(x=0, y=_) | None as q:\n        pass\n    case -1 | 1+2j | \"s\" | a.b:\n        pass\n"
                + "    case (a, b):\n        pass\n    case _:\n        pass\nmatch = 1\nmatch(x)\n");
    }

    @Test
    void whatTreeSitterReadsTwoWaysOrNotAtAllIsLeftToIt() {
        for (String code : List.of("class A[T = int]: pass\n", "x = [*a.b]\n", "print(g(), *a.b())\n",
                "x = (\n", "\uFEFFx = 1\n")) {
            SourceFile source = new SourceFile(Path.of("m.py"), "m.py", code);
            assertThrows(PyTokenizer.Reject.class, () -> PyDescentParser.parse(source), code);
            PyTree viaParser = PARSER.parse(source);
            assertNull(ParserDifferential.firstDifference(PARSER.parseWithTreeSitter(source).root(), viaParser.root(), code));
        }
        assertFalse(PARSER.parse(new SourceFile(Path.of("m.py"), "m.py", "x = (\n")).syntaxErrors().isEmpty(),
                "a syntax error is still reported, by tree-sitter");
    }
}
