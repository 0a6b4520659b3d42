package dev.secreview.python.semantic;

import dev.secreview.core.model.SourceFile;
import dev.secreview.python.semantic.Values.Origin;
import dev.secreview.python.tree.PyNode;
import dev.secreview.python.tree.PythonParser;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        assertTrue(expr("{x: 1}").constant().isEmpty());
        assertEquals(Origin.CONSTANT, expr("['ls', '-l']").origin());
    }

    @Test
    void setsAndCollectionBuiltinsFoldToTheirElementsInWrittenOrder() {
        assertEquals(List.of("b", "a"), constant("{'b', 'a'}"));
        assertEquals(List.of("name", "email"), constant("frozenset({'name', 'email'})"));
        assertEquals(List.of("x"), constant("tuple(['x'])"));
        assertEquals(List.of(), constant("frozenset()"));
        assertTrue(expr("frozenset({'a', x})").constant().isEmpty());
        assertTrue(expr("frozenset('a', 'b')").constant().isEmpty(), "not a call frozenset takes");
        assertTrue(at("def frozenset(x):\n    return x\nsink(frozenset(['a']))\n").constant().isEmpty(),
                "a function of the module's own named frozenset is not the builtin");
    }

    @Test
    void percentAndFormatOfConstantsFold() {
        assertEquals("^(a|aa)+$", constant("'^%s$' % '(a|aa)+'"));
        assertEquals("id 7 of x, 100%", constant("'id %d of %s, 100%%' % (7, 'x')"));
        assertEquals("[1] and 2", constant("'{} and {}'.format('[1]', 2)"));
        assertEquals("b-a {x}", constant("'{1}-{0} {{x}}'.format('a', 'b')"));
        assertEquals("^w$", constant("'^{part}$'.format(part='w')"));
        assertTrue(expr("'%s' % ['a']").constant().isEmpty(), "a list is one value, formatted as a list");
        assertTrue(expr("'%s %s' % ('a',)").constant().isEmpty(), "too few values fail at run time");
        assertTrue(expr("'%5s' % 'a'").constant().isEmpty(), "widths are not folded");
        assertTrue(expr("'{:>5}'.format('a')").constant().isEmpty(), "format specs are not folded");
        assertTrue(expr("'{}'.format(x)").constant().isEmpty());
    }

    @Test
    void joiningConstantStringsFolds() {
        assertEquals("(x+)+y", constant("''.join(['(x+', ')+y'])"));
        Case c = at("PARTS = ('a', 'b')\nsink(', '.join(PARTS))\n");
        assertEquals("a, b", c.constant().orElseThrow());
        assertTrue(expr("''.join(['a', x])").constant().isEmpty());
        assertTrue(expr("''.join(['a', 1])").constant().isEmpty(), "join of a number fails at run time");
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
        assertNull(c.values().singleAssignedValue(c.expr()));
        // Not one constant, but one of two: nothing from outside the program is in it.
        assertTrue(c.values().isConstant(c.expr()));
        assertEquals(Origin.CONSTANT, c.origin());
        assertEquals(List.of(), c.inputs());
    }

    @Test
    void nameAssignedAConstantAndAnUnknownValueIsUnknown() {
        Case c = at("""
                cmd = "ls"
                if debug:
                    cmd = user_input()
                sink(cmd)
                """);
        assertFalse(c.values().isConstant(c.expr()));
        assertEquals(Origin.UNKNOWN, c.origin());
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
    void fStringWithConstantFieldIsFixedButNotFolded() {
        Case c = at("N = 3\nsink(f'{N}')\n");
        assertTrue(c.constant().isEmpty());
        assertTrue(c.values().isConstant(c.expr()));
        assertEquals(Origin.CONSTANT, c.origin());
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
        assertEquals(Origin.UNKNOWN, at("def f(x):\n    sink(x.upper())\n").origin());
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

    // ---- constant tables, loops, class attributes ------------------------------------------------

    private static boolean fixed(String code) {
        Case c = at(code);
        return c.values().isConstant(c.expr());
    }

    @Test
    void dictDisplaysFoldToLookupTables() {
        Object table = constant("{'nodes': ('id', 'name'), 'ports': ('id',)}");
        assertEquals(Map.of("nodes", List.of("id", "name"), "ports", List.of("id")), table);
        assertEquals(List.of("id", "name"), at("T = {'nodes': ('id', 'name')}\nsink(T['nodes'])\n").constant().orElseThrow());
        assertEquals("b", constant("('a', 'b')[-1]"));
        assertTrue(at("T = {'a': 1}\ndef f(k):\n    sink(T[k])\n").constant().isEmpty());
    }

    @Test
    void aDisplayChangedInPlaceIsNotConstant() {
        assertTrue(at("COLS = []\nCOLS.append(user)\nsink(COLS)\n").constant().isEmpty());
        assertFalse(fixed("def f(user):\n    cols = ['id']\n    cols.append(user)\n    sink(cols)\n"));
        assertFalse(fixed("def f(k, v):\n    t = {}\n    t[k] = v\n    sink(t)\n"));
        // Changed only by taking elements away or adding fixed ones: no longer one constant, still fixed.
        Case trimmed = at("def f(old):\n    cols = ['id', 'count']\n    if old:\n        cols.remove('count')\n"
                + "    cols.append('name')\n    sink(', '.join(cols))\n");
        assertTrue(trimmed.constant().isEmpty());
        assertTrue(trimmed.values().isConstant(trimmed.expr()));
        assertTrue(fixed("def f():\n    t = {}\n    t['k'] = 'x'\n    sink(t)\n"));
        assertFalse(fixed("def f(k):\n    t = {}\n    t[k] = 'x'\n    sink(t)\n"));
    }

    @Test
    void elementsOfAListBuiltInPlace() {
        Case c = at("def f(name):\n    parts = ['a']\n    parts.append(name)\n    parts.extend(['b', 'c'])\n"
                + "    parts.remove('a')\n    sink(parts)\n");
        assertEquals(List.of("'a'", "name", "'b'", "'c'"), c.values().elements(c.expr()).stream().map(PyNode::text).toList());
        Case looped = at("def f(rows):\n    parts = []\n    for parts[0] in rows:\n        pass\n    sink(parts)\n");
        assertNull(looped.values().elements(looped.expr()));
        Case parameter = at("def f(parts):\n    sink(parts)\n");
        assertNull(parameter.values().elements(parameter.expr()));
    }

    @Test
    void lookupsInAConstantTableWithAnyKeyAreFixed() {
        assertTrue(fixed("T = {'a': 'x', 'b': 'y'}\ndef f(k):\n    sink(T[k])\n"));
        assertTrue(fixed("T = {'a': 'x', 'b': 'y'}\ndef f(k):\n    sink(T.get(k, 'z'))\n"));
        assertFalse(fixed("T = {'a': 'x'}\ndef f(k, d):\n    sink(T.get(k, d))\n"));
        assertFalse(fixed("def f(t, k):\n    sink(t[k])\n"));
        // A count is a number, whatever was counted.
        assertTrue(fixed("def f(ids):\n    sink('id in (%s)' % ','.join('?' * len(ids)))\n"));
    }

    @Test
    void loopsOverConstantsBindFixedNames() {
        assertTrue(fixed("TABLES = ('a', 'b')\nfor table in TABLES:\n    sink(table)\n"));
        assertTrue(fixed("""
                COLUMNS = {'nodes': [('extra', True)], 'ports': [('info', False)]}
                for table, columns in COLUMNS.items():
                    for column, nullable in columns:
                        sink(f"ALTER TABLE {table} MODIFY {column} " + ("NULL" if nullable else "NOT NULL"))
                """));
        assertFalse(fixed("def f(tables):\n    for table in tables:\n        sink(table)\n"));
        assertTrue(fixed("def f():\n    cols = ('a',)\n    cols += ('b',)\n    sink(', '.join(cols))\n"));
        assertFalse(fixed("def f(x):\n    cols = ('a',)\n    cols += (x,)\n    sink(', '.join(cols))\n"));
    }

    @Test
    void classAttributesAssignedOnlyLiteralsFold() {
        String broker = """
                class Broker(object):
                    db_type = 'account'

                    def stat(self):
                        sink(self.db_type)
                """;
        assertEquals("account", at(broker).constant().orElseThrow());
        assertEquals("account", at(broker.replace("sink(self.db_type)", "sink(Broker.db_type)")).constant().orElseThrow());
        // A subclass of the file binds another literal: one of the two.
        Case both = at(broker + "\n\nclass Container(Broker):\n    db_type = 'container'\n");
        assertTrue(both.constant().isEmpty());
        assertTrue(both.values().isConstant(both.expr()));
        // Assigned once in __init__ from a literal.
        assertEquals("x", at("""
                class A:
                    def __init__(self):
                        self.kind = 'x'

                    def run(self):
                        sink(self.kind)
                """).constant().orElseThrow());
    }

    @Test
    void callsOfFunctionsThatReturnOnlyFixedValuesAreFixed() {
        String broker = """
                class Broker:
                    def _deleted_key(self, conn):
                        if conn.version() < 1:
                            return '+deleted'
                        return 'deleted'

                    def count(self, conn):
                        sink(self._deleted_key(conn))
                """;
        assertTrue(fixed(broker));
        assertFalse(fixed(broker.replace("return 'deleted'", "return conn.name")));
        // A subclass of the file overrides it with a method returning anything.
        assertFalse(fixed(broker + "\n\nclass Other(Broker):\n    def _deleted_key(self, conn):\n        return conn.key\n"));
        assertTrue(fixed("def kind():\n    return 'a'\n\ndef f():\n    sink(kind())\n"));
        assertFalse(fixed("def kind(x):\n    return x\n\ndef f(y):\n    sink(kind(y))\n"));
        assertFalse(fixed("def kinds():\n    yield 'a'\n\ndef f():\n    sink(kinds())\n"));
        assertTrue(fixed("""
                class Broker:
                    @property
                    def table(self):
                        return 'nodes'

                    def count(self):
                        sink(self.table)
                """));
    }

    @Test
    void classAttributesWithAnyOtherBindingDoNotFold() {
        String base = """
                class Broker:
                    db_type = 'account'

                    def stat(self):
                        sink(self.db_type)
                """;
        assertFalse(fixed(base + "\n    def set(self, t):\n        self.db_type = t\n"));
        assertFalse(fixed(base + "\ndef f(b, t):\n    b.db_type = t\n"));
        assertFalse(fixed(base + "\ndef f(b, t):\n    setattr(b, 'db_type', t)\n"));
        assertFalse(fixed(base + "\n    def load(self, row):\n        for k, v in row.items():\n            setattr(self, k, v)\n"));
        assertFalse(fixed(base.replace("db_type = 'account'", "db_type = compute()")));
        // The name comes from a base class of another file, which may bind it to anything.
        assertFalse(fixed("""
                from lib import Base

                class Broker(Base):
                    def stat(self):
                        sink(self.db_type)
                """));
        // A method of another object, not self.
        assertFalse(fixed("""
                class Broker:
                    db_type = 'account'

                    def stat(self, other):
                        sink(other.db_type)
                """));
    }

    @Test
    void operatorHelper() {
        Case c = expr("a + b");
        assertEquals("+", Values.operator(c.expr()));
        assertNull(Values.operator(expr("x").expr()));
        assertNotEquals(Origin.CONSTANT, c.origin());
    }
}
