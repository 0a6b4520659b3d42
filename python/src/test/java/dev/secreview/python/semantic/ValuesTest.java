package dev.secreview.python.semantic;

import dev.secreview.core.model.SourceFile;
import dev.secreview.python.semantic.Values.Origin;
import dev.secreview.python.tree.PyNode;
import dev.secreview.python.tree.PythonParser;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each case writes the expression under test as the first argument of a call to {@code sink};
 * the code before it sets the scene.
 */
class ValuesTest {

    private record Case(Values values, PyNode expr) {
        Optional<Object> constant() {
            return values.constant(expr);
        }

        Origin origin() {
            return values.origin(expr);
        }

        List<String> inputs() {
            return values.inputs(expr);
        }
    }

    private static Case at(String code) {
        PythonFile file = new PythonFile(new PythonParser().parse(new SourceFile(Path.of("m.py"), "m.py", code)));
        List<PyNode> sinks = new ArrayList<>();
        file.root().forEachDescendant(n -> {
            if (n.is("call") && n.field("function").text().equals("sink")) sinks.add(n);
        });
        assertEquals(1, sinks.size(), "one sink(...) call in: " + code);
        PyNode expr = sinks.get(0).field("arguments").namedChildren().get(0);
        return new Case(new Values(file), expr);
    }

    /** The expression {@code expr} at module level. */
    private static Case expr(String expr) {
        return at("sink(" + expr + ")\n");
    }

    private static Object constant(String expr) {
        return expr(expr).constant().orElse(null);
    }

    // ---- strings -------------------------------------------------------------------------------

    @Test
    void plainStrings() {
        assertEquals("abc", constant("'abc'"));
        assertEquals("abc", constant("\"abc\""));
        assertEquals("", constant("''"));
        assertEquals("it's", constant("\"it's\""));
        assertEquals(Optional.of("abc"), expr("'abc'").values().string(expr("'abc'").expr()));
    }

    @Test
    void escapesAreDecoded() {
        // Each string ends with an escape: see textAfterTheLastEscapeIsKept for the other case.
        assertEquals("\t\n\\\"'", constant("\"\\t\\n\\\\\\\"\\'\""));
        assertEquals("AJ", constant("'\\x41\\x4a'"));
        assertEquals("a\u0000", constant("'a\\0'"));
    }

    @Test
    void textAfterTheLastEscapeIsKept() {
        assertEquals("a\tb\nc\\d\"e'f", constant("\"a\\tb\\nc\\\\d\\\"e\\'f\""));
        assertEquals("a\u0000b", constant("'a\\0b'"));
        assertEquals("ab", constant("'a\\\nb'"), "a backslash-newline inside a string is a line continuation");
        assertEquals("line1\nline2", constant("'line1\\nline2'"));
        assertEquals("\\q", constant("'\\q'"), "an unknown escape keeps its backslash");
    }

    @Test
    void rawStringsKeepBackslashes() {
        assertEquals("a\\nb", constant("r'a\\nb'"));
        assertEquals("C:\\temp\\x", constant("R\"C:\\temp\\x\""));
        assertEquals("\\d+", constant("rb'\\d+'"));
    }

    @Test
    void bytesLiteralsFoldToTheirText() {
        assertEquals("abA", constant("b'ab\\x41'"));
        assertEquals("secret", constant("B\"secret\""));
    }

    @Test
    void tripleQuotedStrings() {
        assertEquals("line1\nline2", constant("\"\"\"line1\nline2\"\"\""));
        assertEquals("x 'y' \"z\"", constant("'''x 'y' \"z\"'''"));
        assertEquals("\n  indented\n", constant("'''\n  indented\n'''"));
    }

    @Test
    void implicitConcatenation() {
        assertEquals("abc", constant("'a' \"b\" 'c'"));
        assertEquals("SELECT * FROM t WHERE id = 1",
                constant("(\"SELECT * \"\n    \"FROM t \"\n    'WHERE id = 1')"));
        assertEquals("ab", constant("r'a' f'b'"));
    }

    @Test
    void stringConcatenationWithPlus() {
        assertEquals("ls -l", constant("'ls' + ' ' + '-l'"));
        assertEquals("ab", constant("('a') + ('b')"));
        assertTrue(expr("'a' * 3").constant().isEmpty(), "only + folds for strings");
    }

    @Test
    void unicodeOctalAndControlEscapes() {
        assertEquals("é", constant("'\\u00e9'"));
        assertEquals("😀", constant("'\\U0001F600'"));
        assertEquals("A", constant("'\\101'"));
        assertEquals("\n", constant("'\\012'"));
        assertEquals("\u0007\b\f\u000b", constant("'\\a\\b\\f\\v'"));
        assertEquals("\u2022", constant("'\\N{BULLET}'"));
        // ...while in bytes, \\u is not an escape.
        assertEquals("\\u00e9", constant("b'\\u00e9'"));
    }

    @Test
    void fStringDoubledBraces() {
        assertEquals("{x}", constant("f'{{x}}'"));
    }

    @Test
    void lineContinuationInStringWithCrlf() {
        assertEquals("ab", at("sink('a\\\r\nb')\r\n").constant().orElse(null));
    }

    // ---- numbers, booleans, None, collections -------------------------------------------------

    @Test
    void integers() {
        assertEquals(42L, constant("42"));
        assertEquals(0L, constant("0"));
        assertEquals(255L, constant("0xFF"));
        assertEquals(255L, constant("0Xff"));
        assertEquals(511L, constant("0o777"));
        assertEquals(5L, constant("0b101"));
        assertEquals(1_000_000L, constant("1_000_000"));
        assertEquals(-5L, constant("-5"));
        assertEquals(5L, constant("+5"));
        assertEquals(-255L, constant("-0xff"));
        assertEquals(2048L, constant("1024 * 2"));
        assertEquals(2048L, constant("1024*(1+1)"));
        assertEquals(7L, constant("10 - 3"));
        assertEquals(1024L, constant("2 ** 10"));
        assertEquals(511L, constant("0o755 | 0o022"));
        assertEquals(448L, constant("0o777 & 0o700"));
        assertEquals(65537L, constant("2**16 + 1"));
    }

    @Test
    void integerOverflowDoesNotFold() {
        assertTrue(expr("9223372036854775807 + 1").constant().isEmpty());
        assertTrue(expr("99999999999999999999").constant().isEmpty());
        assertTrue(expr("1 // 2").constant().isEmpty(), "operators that do not fold");
    }

    @Test
    void powerFoldsExactlyOrNotAtAll() {
        assertEquals(4052555153018976267L, constant("3 ** 39"));
        assertTrue(expr("3 ** 40").constant().isEmpty());
    }

    @Test
    void floats() {
        assertEquals(1.5, constant("1.5"));
        assertEquals(1000.0, constant("1e3"));
        assertEquals(1000.5, constant("1_000.5"));
    }

    @Test
    void booleansAndNone() {
        Case t = expr("True");
        assertEquals(Boolean.TRUE, t.constant().orElseThrow());
        assertTrue(t.values().isTrue(t.expr()));
        assertFalse(t.values().isFalse(t.expr()));
        Case f = expr("False");
        assertTrue(f.values().isFalse(f.expr()));
        assertFalse(f.values().isTrue(f.expr()));
        Case none = expr("None");
        assertSame(Values.NONE, none.constant().orElseThrow());
        assertEquals("None", none.constant().orElseThrow().toString());
        assertFalse(none.values().isTrue(none.expr()));
        assertFalse(none.values().isFalse(none.expr()));
        assertEquals(Boolean.TRUE, constant("(True)"));
        Case x = at("def f(x):\n    sink(x)\n");
        assertFalse(x.values().isTrue(x.expr()));
        assertFalse(x.values().isFalse(x.expr()));
    }

    @Test
    void tuplesAndLists() {
        assertEquals(List.of("ls", "-l"), constant("['ls', '-l']"));
        assertEquals(List.of("a", 1L, Boolean.TRUE), constant("('a', 1, True)"));
        assertEquals(List.of(1L), constant("(1,)"));
        assertEquals(List.of(), constant("[]"));
        assertEquals(List.of(List.of(1L, 2L), "x"), constant("[(1, 2), 'x']"));
        assertTrue(expr("['ls', x]").constant().isEmpty());
        assertTrue(expr("{'a': 1}").constant().isEmpty());
        assertEquals(Origin.CONSTANT, expr("['ls', '-l']").origin());
    }

    // ---- names ---------------------------------------------------------------------------------

    @Test
    void moduleConstantUsedInAFunction() {
        Case c = at("""
                CMD = "ls -l"
                def f():
                    sink(CMD)
                """);
        assertEquals("ls -l", c.constant().orElseThrow());
        assertEquals(Origin.CONSTANT, c.origin());
        assertTrue(c.inputs().isEmpty());
        assertEquals("\"ls -l\"", c.values().singleAssignedValue(c.expr()).text());
    }

    @Test
    void constantsBuiltFromConstants() {
        Case c = at("""
                BASE = "ls"
                FLAGS: str = " -l"
                ALIAS = BASE
                CMD = "" + ALIAS + FLAGS
                sink(CMD)
                """);
        assertEquals("ls -l", c.constant().orElseThrow());
        assertEquals(Origin.CONSTANT, c.origin());
        Case shell = at("SHELL = True\nsink(SHELL)\n");
        assertTrue(shell.values().isTrue(shell.expr()));
        assertEquals(8L, at("N = 4\nM = 2 * N\nsink(M)\n").constant().orElseThrow());
    }

    @Test
    void nameOnTheLeftOfAnOperatorInAnAssignmentStaysConstant() {
        assertEquals("ls -l", at("BASE = 'ls'\nFLAGS = ' -l'\nCMD = BASE + FLAGS\nsink(CMD)\n").constant().orElse(null));
        assertEquals(8L, at("N = 4\nM = N * 2\nsink(M)\n").constant().orElse(null));
        Case prefix = at("""
                PREFIX = "ls "
                def f(user):
                    cmd = PREFIX + user
                    sink(PREFIX)
                """);
        assertEquals("ls ", prefix.constant().orElse(null));
        assertEquals(Origin.CONSTANT, prefix.origin());
    }

    @Test
    void chainedAssignmentIsAConstant() {
        assertEquals("x", at("a = b = 'x'\nsink(b)\n").constant().orElse(null));
    }

    @Test
    void nameAssignedTwiceIsNotConstant() {
        Case c = at("""
                cmd = "ls"
                if debug:
                    cmd = "rm -rf /"
                sink(cmd)
                """);
        assertTrue(c.constant().isEmpty());
        assertEquals(Origin.UNKNOWN, c.origin());
        assertNull(c.values().singleAssignedValue(c.expr()));
        assertEquals(List.of("cmd"), c.inputs());
    }

    @Test
    void augmentedAssignmentMakesANameNotConstant() {
        assertTrue(at("cmd = 'ls'\ncmd += user\nsink(cmd)\n").constant().isEmpty());
    }

    @Test
    void loopVariableIsNotConstant() {
        assertTrue(at("cmd = 'ls'\nfor cmd in cmds:\n    pass\nsink(cmd)\n").constant().isEmpty());
    }

    @Test
    void localAssignmentShadowsModuleConstant() {
        Case c = at("""
                CMD = "ls"
                def f(user):
                    CMD = "ls " + user
                    sink(CMD)
                """);
        assertTrue(c.constant().isEmpty());
        assertEquals(Origin.BUILT, c.origin());
        assertEquals(List.of("user"), c.inputs());
    }

    @Test
    void parameterShadowsModuleConstant() {
        Case c = at("""
                CMD = "ls"
                def f(CMD="ls"):
                    sink(CMD)
                """);
        assertTrue(c.constant().isEmpty(), "a parameter's default is not its value");
        assertEquals(Origin.UNKNOWN, c.origin());
    }

    @Test
    void selfReferenceDoesNotFold() {
        Case c = at("x = x + 'a'\nsink(x)\n");
        assertTrue(c.constant().isEmpty());
        Case cycle = at("a = b\nb = a\nsink(a)\n");
        assertTrue(cycle.constant().isEmpty());
        assertEquals(Origin.UNKNOWN, cycle.origin());
    }

    @Test
    void globalDeclarationMakesModuleNameNotConstant() {
        Case c = at("""
                CMD = "ls"
                def configure(user):
                    global CMD
                    CMD = "ls " + user
                def run():
                    sink(CMD)
                """);
        assertTrue(c.constant().isEmpty());
        assertEquals(Origin.UNKNOWN, c.origin());
    }

    @Test
    void comprehensionVariableDoesNotLeak() {
        Case c = at("""
                cmd = "ls"
                names = [cmd for cmd in commands]
                sink(cmd)
                """);
        assertEquals("ls", c.constant().orElse(null));
    }

    // ---- f-strings -----------------------------------------------------------------------------

    @Test
    void fStringWithoutReplacementFieldsIsConstant() {
        Case c = expr("f'plain text'");
        assertEquals("plain text", c.constant().orElseThrow());
        assertEquals(Origin.CONSTANT, c.origin());
    }

    @Test
    void fStringWithReplacementFieldsIsBuilt() {
        Case c = expr("f'ping {host} -c {count!r:>3}'");
        assertTrue(c.constant().isEmpty());
        assertEquals(Origin.BUILT, c.origin());
        assertEquals(List.of("host", "count"), c.inputs());
    }

    @Test
    void fStringWithConstantFieldIsStillBuilt() {
        assertEquals(Origin.BUILT, at("N = 3\nsink(f'{N}')\n").origin());
    }

    // ---- origin --------------------------------------------------------------------------------

    @Test
    void builtStrings() {
        assertEquals(Origin.BUILT, at("def f(x):\n    sink('ls ' + x)\n").origin());
        assertEquals(Origin.BUILT, at("def f(x):\n    sink(x + ' -l')\n").origin());
        assertEquals(Origin.BUILT, at("def f(x, y):\n    sink(x + y + '!')\n").origin());
        assertEquals(Origin.BUILT, at("def f(x):\n    sink('a' + x + 'b')\n").origin());
        assertEquals(Origin.BUILT, at("def f(x):\n    sink('%s' % x)\n").origin());
        assertEquals(Origin.BUILT, at("def f(x):\n    sink('%s %s' % (x, 1))\n").origin());
        assertEquals(Origin.BUILT, at("def f(x):\n    sink('{}'.format(x))\n").origin());
        assertEquals(Origin.BUILT, at("def f(x):\n    sink(f'{x}')\n").origin());
        assertEquals(Origin.BUILT, at("def f(xs):\n    sink(','.join(xs))\n").origin());
        assertEquals(Origin.BUILT, at("def f(x):\n    sink(('ls ' + x))\n").origin());
        assertEquals(Origin.BUILT, at("def f(x):\n    sink('a' 'b' f'{x}')\n").origin());
        assertEquals(Origin.BUILT, at("SEP = ','\ndef f(xs):\n    sink(SEP.join(xs))\n").origin());
        assertEquals(Origin.BUILT, at("T = 'ls {}'\ndef f(x):\n    sink(T.format(x))\n").origin());
    }

    @Test
    void nameAssignedOnceToABuiltString() {
        Case c = at("""
                def f(host):
                    cmd = "ping -c 1 " + host
                    sink(cmd)
                """);
        assertEquals(Origin.BUILT, c.origin());
        assertEquals(List.of("host"), c.inputs());
    }

    @Test
    void unknownValues() {
        assertEquals(Origin.UNKNOWN, at("def f(x):\n    sink(x)\n").origin());
        assertEquals(Origin.UNKNOWN, at("sink(get())\n").origin());
        assertEquals(Origin.UNKNOWN, at("def f(x, y):\n    sink(x + y)\n").origin());
        assertEquals(Origin.UNKNOWN, at("def f(x):\n    sink(x.attr)\n").origin());
        assertEquals(Origin.UNKNOWN, at("def f(x, y):\n    sink(x % y)\n").origin());
        assertEquals(Origin.UNKNOWN, at("def f(x):\n    sink(x % 'a')\n").origin());
        assertEquals(Origin.UNKNOWN, at("def f(x):\n    sink(1 + x)\n").origin());
        assertEquals(Origin.UNKNOWN, at("def f(x, y):\n    sink(x.format(y))\n").origin());
        assertEquals(Origin.UNKNOWN, at("def f(x):\n    sink(x.join(['a']))\n").origin());
        assertEquals(Origin.UNKNOWN, at("sink(undefined_name)\n").origin());
        assertEquals(Origin.UNKNOWN, at("def f(x):\n    sink(x[0])\n").origin());
        assertEquals(Origin.UNKNOWN, at("def f(x):\n    sink('a'.upper())\n").origin());
    }

    @Test
    void constantOrigin() {
        assertEquals(Origin.CONSTANT, expr("'ls'").origin());
        assertEquals(Origin.CONSTANT, expr("'a' + 'b'").origin());
        assertEquals(Origin.CONSTANT, expr("1024 * 2").origin());
        assertEquals(Origin.CONSTANT, at("C = 'a'\nsink(C)\n").origin());
    }

    // ---- inputs --------------------------------------------------------------------------------

    @Test
    void inputsNameTheNonConstantParts() {
        assertEquals(List.of("host"), at("def f(host):\n    sink('ping ' + host)\n").inputs());
        assertEquals(List.of("a", "b.c", "d[0]", "e()"),
                at("def f(a, b, d):\n    sink(f'{a} {b.c} {d[0]} {e()}')\n").inputs());
        assertEquals(List.of("x", "y"), at("def f(x, y):\n    sink('{} {}'.format(x, y))\n").inputs());
        assertEquals(List.of("u", "v"), at("def f(u, v):\n    sink('%s %s' % (u, v))\n").inputs());
        assertEquals(List.of("items"), at("def f(items):\n    sink(','.join(items))\n").inputs());
        assertEquals(List.of("request.args"), at("sink('ls ' + request.args)\n").inputs());
        assertEquals(List.of("p"), at("def f(p):\n    sink(p)\n").inputs());
        assertEquals(List.of("x"), at("def f(x):\n    sink(x + x)\n").inputs(), "no duplicates");
        assertEquals(List.of(), expr("'constant'").inputs());
        assertEquals(List.of("user"), at("PREFIX = 'ls '\ndef f(user):\n    sink(PREFIX + user)\n").inputs());
    }

    @Test
    void inputsLookThroughANameAssignedToABuiltString() {
        Case c = at("""
                def f(host, count):
                    opts = "-c %s" % count
                    cmd = "ping " + opts + " " + host
                    sink(cmd)
                """);
        assertEquals(List.of("count", "host"), c.inputs());
    }

    @Test
    void inputsAreCappedAndSkipLongExpressions() {
        List<String> many = at("def f(a, b, c, d, e, g, h):\n    sink(f'{a}{b}{c}{d}{e}{g}{h}')\n").inputs();
        assertEquals(List.of("a", "b", "c", "d", "e"), many);
        String longAttribute = "self." + "x".repeat(70);
        assertEquals(List.of(), at("def f(self):\n    sink('a' + " + longAttribute + ")\n").inputs());
    }

    @Test
    void operatorHelper() {
        Case c = expr("a + b");
        assertEquals("+", Values.operator(c.expr()));
        assertNull(Values.operator(expr("x").expr()));
        assertNotEquals(Origin.CONSTANT, c.origin());
    }
}
