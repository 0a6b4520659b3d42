package dev.secreview.python.rules.reliability;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small analyzer of Python regular expressions ({@code re} / {@code regex} syntax) that finds the two
 * shapes that make a backtracking matcher take exponential time, and only when it is sure of them:
 * <ul>
 *   <li>a repeated group whose body holds an unbounded repeat that can hand characters over to the next
 *   iteration ({@code (a+)+}, {@code (\w*)*}, {@code (.*a){2,}}): a run of those characters splits between
 *   the iterations in exponentially many ways;</li>
 *   <li>a repeated alternation whose branches match the same text ({@code (a|a)*}, {@code (.|a)+},
 *   {@code (a|aa)+}), after the rewrites CPython's parser does itself (a shared prefix is pulled out, an
 *   alternation of single characters becomes one character class, so {@code (\d|\w)+} is harmless).</li>
 * </ul>
 * Either shape only costs time when something after it can fail, so a repeat at the very end of a
 * pattern is not reported unless the whole string must match. Possessive repeats and atomic groups do not
 * backtrack. Whatever the parser does not understand (backreferences, conditionals, unknown escapes) makes
 * the pattern unanalysed: no finding.
 */
final class RegexBacktracking {
    static final int INF = Integer.MAX_VALUE;
    private static final Pattern GLOBAL_FLAGS = Pattern.compile("\\(\\?([aiLmsux]+)\\)");

    private RegexBacktracking() {
    }

    enum Kind { NESTED_QUANTIFIER, OVERLAPPING_ALTERNATION }

    /** A shape found: which kind, and the repeated part of the pattern as written. */
    record Finding(Kind kind, String fragment) {
    }

    /** The first exponential shape in {@code pattern}, or null when there is none or the pattern is not understood. */
    static Finding analyze(String pattern, boolean ignoreCase, boolean dotAll, boolean verbose, boolean wholeString) {
        Matcher m = GLOBAL_FLAGS.matcher(pattern);
        while (m.find()) {
            ignoreCase |= m.group(1).contains("i");
            dotAll |= m.group(1).contains("s");
            verbose |= m.group(1).contains("x");
        }
        Node root;
        try {
            Parser parser = new Parser(pattern, ignoreCase, dotAll, verbose);
            root = parser.parseAlternation();
            if (parser.pos != pattern.length()) return null;
        } catch (Unsupported | RuntimeException e) {
            return null;
        }
        List<Finding> found = new ArrayList<>();
        search(root, wholeString, false, found);
        Finding best = null;
        for (Finding f : found) {
            if (best == null || (f.kind() == Kind.NESTED_QUANTIFIER && best.kind() != Kind.NESTED_QUANTIFIER)) best = f;
        }
        return best;
    }

    // ---- the parsed pattern ----

    sealed interface Node permits Chars, Seq, Alt, Group, Repeat, Assertion {
        /** The node as written in the pattern. */
        String text();
    }

    /** One character out of a set: {@code must} holds characters surely in it, {@code may} those possibly in it. */
    record Chars(CharSet must, CharSet may, boolean mergeable, String text) implements Node {
    }

    record Seq(List<Node> items, String text) implements Node {
    }

    record Alt(List<Node> branches, String text) implements Node {
    }

    record Group(Node body, boolean atomic, String text) implements Node {
    }

    record Repeat(Node body, int min, int max, boolean possessive, String text) implements Node {
    }

    /** A zero-width test: anchors, word boundaries, lookarounds. */
    record Assertion(String text) implements Node {
    }

    /** A set of characters: Latin-1 exactly, everything above as one bucket. */
    static final class CharSet {
        final BitSet low = new BitSet(256);
        boolean high;

        static CharSet of(int... chars) {
            CharSet s = new CharSet();
            for (int c : chars) s.add(c);
            return s;
        }

        void add(int c) {
            if (c < 256) low.set(c); else high = true;
        }

        void addRange(int from, int to) {
            if (from < 256) low.set(from, Math.min(to, 255) + 1);
            if (to >= 256) high = true;
        }

        /** For a sure set: only Latin-1 characters are told apart, so a range above adds nothing sure. */
        void addRangeMust(int from, int to) {
            if (from < 256) low.set(from, Math.min(to, 255) + 1);
        }

        void addAll(CharSet other) {
            low.or(other.low);
            high |= other.high;
        }

        CharSet complement() {
            CharSet s = new CharSet();
            s.low.set(0, 256);
            s.low.andNot(low);
            s.high = !high;
            return s;
        }

        CharSet intersect(CharSet other) {
            CharSet s = new CharSet();
            s.low.or(low);
            s.low.and(other.low);
            s.high = high && other.high;
            return s;
        }

        boolean isEmpty() {
            return low.isEmpty() && !high;
        }
    }

    static final class Unsupported extends Exception {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    // ---- the search ----

    /**
     * Looks for exponential shapes under {@code node}. {@code failAfter}: whether what follows the node
     * can fail (only then is backtracking into it explored); {@code atomic}: inside an atomic group.
     */
    private static void search(Node node, boolean failAfter, boolean atomic, List<Finding> found) {
        if (node instanceof Seq seq) {
                List<Node> items = seq.items();
                for (int i = 0; i < items.size(); i++) {
                    boolean fails = failAfter;
                    for (int j = i + 1; j < items.size() && !fails; j++) fails = canFail(items.get(j));
                    search(items.get(i), fails, atomic, found);
                }
        } else if (node instanceof Alt alt) {
            alt.branches().forEach(b -> search(b, failAfter, atomic, found));
        } else if (node instanceof Group group) {
            search(group.body(), failAfter, atomic || group.atomic(), found);
        } else if (node instanceof Repeat repeat) {
                if (repeat.max() == INF && !repeat.possessive() && !atomic && failAfter) {
                    Node body = unwrap(repeat.body());
                    if (body != null) {
                        if (nestedQuantifier(body)) {
                            found.add(new Finding(Kind.NESTED_QUANTIFIER, repeat.text()));
                        } else if (body instanceof Alt alt && overlapping(alt)) {
                            found.add(new Finding(Kind.OVERLAPPING_ALTERNATION, repeat.text()));
                        }
                    }
                }
                search(repeat.body(), failAfter, atomic || repeat.possessive(), found);
        }
        // characters and assertions hold nothing repeated (lookaround bodies are not searched)
    }

    /** Whether the body of an unbounded repeat can match a text both as one iteration and as two. */
    private static boolean nestedQuantifier(Node body) {
        List<Node> branches = body instanceof Alt alt ? alt.branches() : List.of(body);
        for (Node branch : branches) {
            List<Node> items = flatten(branch);
            for (int i = 0; i < items.size(); i++) {
                if (!(unwrap(items.get(i)) instanceof Repeat inner) || inner.max() != INF || inner.possessive()) continue;
                Node innerBody = unwrap(inner.body());
                if (innerBody == null || nullable(innerBody) || !witness(innerBody, null)) continue;
                boolean othersEmpty = true;
                for (int j = 0; j < items.size() && othersEmpty; j++) othersEmpty = j == i || nullable(items.get(j));
                if (othersEmpty) return true;
                // The mandatory text around the inner repeat must be text the inner repeat can swallow itself:
                // for (.*a)+ the text "aa" is one iteration (.* takes the first a) or two.
                if (!(innerBody instanceof Chars chars)) continue;
                boolean absorbed = true;
                for (int j = 0; j < items.size() && absorbed; j++) {
                    absorbed = j == i || nullable(items.get(j)) || witness(items.get(j), chars.must());
                }
                if (absorbed) return true;
            }
        }
        return false;
    }

    /** Whether two branches of a repeated alternation surely match a common text (or one a run of the other). */
    private static boolean overlapping(Alt alt) {
        List<List<Node>> branches = new ArrayList<>();
        for (Node b : alt.branches()) branches.add(new ArrayList<>(flatten(b)));
        if (mergedByCPython(branches)) return false;
        List<List<Chars>> fixed = new ArrayList<>();
        for (Node b : alt.branches()) fixed.add(charsOnly(flatten(b)));
        for (int i = 0; i < fixed.size(); i++) {
            List<Chars> a = fixed.get(i);
            if (a == null || a.isEmpty()) continue;
            for (int j = 0; j < fixed.size(); j++) {
                List<Chars> b = fixed.get(j);
                if (i == j || b == null || b.isEmpty()) continue;
                if (a.size() == 1) {
                    // (a|aa)+, (.|a)+: a run of one shared character matches either branch, or repeats of one
                    CharSet common = a.get(0).must();
                    for (Chars c : b) common = common.intersect(c.must());
                    if (!common.isEmpty()) return true;
                } else if (a.size() == b.size() && i < j) {
                    boolean same = true;
                    for (int k = 0; k < a.size() && same; k++) same = !a.get(k).must().intersect(b.get(k).must()).isEmpty();
                    if (same) return true;
                }
            }
        }
        return false;
    }

    /**
     * CPython's parser pulls a prefix shared by all branches out of an alternation, and turns an alternation of
     * single literal characters or (non-negated) classes into one class: (\d|\w) is [\d\w], with one way to match.
     */
    private static boolean mergedByCPython(List<List<Node>> branches) {
        while (true) {
            String first = null;
            boolean shared = true;
            for (List<Node> b : branches) {
                if (b.isEmpty()) { shared = false; break; }
                String text = text(b.get(0));
                if (first == null) first = text; else if (!first.equals(text)) { shared = false; break; }
            }
            if (!shared) break;
            for (List<Node> b : branches) b.remove(0);
        }
        for (List<Node> b : branches) {
            if (b.size() != 1 || !(b.get(0) instanceof Chars c) || !c.mergeable()) return false;
        }
        return true;
    }

    private static List<Chars> charsOnly(List<Node> items) {
        List<Chars> out = new ArrayList<>();
        for (Node n : items) {
            if (!(unwrap(n) instanceof Chars c)) return null;
            out.add(c);
        }
        return out;
    }

    /** A sequence with plain (non-atomic) groups around sequences inlined: concatenation is associative. */
    private static List<Node> flatten(Node node) {
        List<Node> out = new ArrayList<>();
        if (node instanceof Seq seq) {
            for (Node item : seq.items()) out.addAll(flatten(item));
        } else if (node instanceof Group g && !g.atomic() && !(g.body() instanceof Alt)) {
            out.addAll(flatten(g.body()));
        } else {
            out.add(node);
        }
        return out;
    }

    /** The node inside plain groups and one-item sequences; null for an atomic group. */
    private static Node unwrap(Node node) {
        while (true) {
            if (node instanceof Group g) {
                if (g.atomic()) return null;
                node = g.body();
            } else if (node instanceof Seq s && s.items().size() == 1) {
                node = s.items().get(0);
            } else {
                return node;
            }
        }
    }

    /** Whether a node can match the empty text without any test (assertions count as not nullable). */
    private static boolean nullable(Node node) {
        if (node instanceof Seq s) return s.items().stream().allMatch(RegexBacktracking::nullable);
        if (node instanceof Alt a) return a.branches().stream().anyMatch(RegexBacktracking::nullable);
        if (node instanceof Group g) return nullable(g.body());
        if (node instanceof Repeat r) return r.min() == 0 || nullable(r.body());
        return false;  // characters; assertions count as not nullable
    }

    /** Whether a node can fail where it stands (so that backtracking into what precedes it happens). */
    private static boolean canFail(Node node) {
        if (node instanceof Seq s) return s.items().stream().anyMatch(RegexBacktracking::canFail);
        if (node instanceof Alt a) return a.branches().stream().allMatch(RegexBacktracking::canFail);
        if (node instanceof Group g) return canFail(g.body());
        if (node instanceof Repeat r) return r.min() > 0 && canFail(r.body());
        return true;  // characters and assertions
    }

    /**
     * Whether a node surely matches some text made only of characters in {@code allowed} (any characters when
     * null); assertions and empty sets do not count.
     */
    private static boolean witness(Node node, CharSet allowed) {
        if (node instanceof Chars c) return !(allowed == null ? c.must() : c.must().intersect(allowed)).isEmpty();
        if (node instanceof Seq s) return s.items().stream().allMatch(n -> witness(n, allowed));
        if (node instanceof Alt a) return a.branches().stream().anyMatch(n -> witness(n, allowed));
        if (node instanceof Group g) return !g.atomic() && witness(g.body(), allowed);
        if (node instanceof Repeat r) return r.min() == 0 || witness(r.body(), allowed);
        return false;  // assertions
    }

    private static String text(Node node) {
        return node.text();
    }

    // ---- the parser ----

    private static final class Parser {
        private static final CharSet DIGIT = new CharSet();
        private static final CharSet WORD = new CharSet();
        private static final Pattern BRACES = Pattern.compile("\\{(\\d*)(,(\\d*))?}");
        private static final Pattern FLAGS = Pattern.compile("([aiLmsux]*)(-[imsx]+)?([:)])");
        private static final CharSet SPACE = CharSet.of(' ', '\t', '\n', '\r', '\f', 0x0B);

        static {
            DIGIT.addRange('0', '9');
            WORD.addRange('a', 'z');
            WORD.addRange('A', 'Z');
            WORD.addRange('0', '9');
            WORD.add('_');
        }

        private final String p;
        private final boolean ignoreCase;
        private final boolean dotAll;
        private final boolean verbose;
        int pos;

        Parser(String pattern, boolean ignoreCase, boolean dotAll, boolean verbose) {
            this.p = pattern;
            this.ignoreCase = ignoreCase;
            this.dotAll = dotAll;
            this.verbose = verbose;
        }

        Node parseAlternation() throws Unsupported {
            int start = pos;
            List<Node> branches = new ArrayList<>();
            branches.add(parseSequence());
            while (pos < p.length() && p.charAt(pos) == '|') {
                pos++;
                branches.add(parseSequence());
            }
            return branches.size() == 1 ? branches.get(0) : new Alt(branches, p.substring(start, pos));
        }

        private Node parseSequence() throws Unsupported {
            int start = pos;
            List<Node> items = new ArrayList<>();
            while (true) {
                skipVerbose();
                if (pos >= p.length() || p.charAt(pos) == '|' || p.charAt(pos) == ')') break;
                int atomStart = pos;
                Node atom = parseAtom();
                if (atom == null) continue;  // a comment or a flag group
                items.add(parseQuantifiers(atom, atomStart));
            }
            return new Seq(items, p.substring(start, pos));
        }

        private Node parseQuantifiers(Node atom, int atomStart) throws Unsupported {
            {
                skipVerbose();
                if (pos >= p.length()) return atom;
                char c = p.charAt(pos);
                int min;
                int max;
                if (c == '*') { min = 0; max = INF; pos++; }
                else if (c == '+') { min = 1; max = INF; pos++; }
                else if (c == '?') { min = 0; max = 1; pos++; }
                else if (c == '{') {
                    Matcher m = BRACES.matcher(p).region(pos, p.length());
                    if (!m.lookingAt() || (m.group(1).isEmpty() && m.group(2) == null)) return atom;  // a literal {
                    min = m.group(1).isEmpty() ? 0 : Integer.parseInt(m.group(1));
                    max = m.group(2) == null ? min : m.group(3).isEmpty() ? INF : Integer.parseInt(m.group(3));
                    pos = m.end();
                } else {
                    return atom;
                }
                if (atom instanceof Assertion) throw new Unsupported();
                boolean possessive = false;
                if (pos < p.length() && p.charAt(pos) == '?') pos++;
                else if (pos < p.length() && p.charAt(pos) == '+') { pos++; possessive = true; }
                skipVerbose();
                if (pos < p.length() && "*+?".indexOf(p.charAt(pos)) >= 0) throw new Unsupported();  // multiple repeat
                return new Repeat(atom, min, max, possessive, p.substring(atomStart, pos));
            }
        }

        private void skipVerbose() {
            if (!verbose) return;
            while (pos < p.length()) {
                char c = p.charAt(pos);
                if (Character.isWhitespace(c)) {
                    pos++;
                } else if (c == '#') {
                    while (pos < p.length() && p.charAt(pos) != '\n') pos++;
                } else {
                    return;
                }
            }
        }

        private Node parseAtom() throws Unsupported {
            int start = pos;
            char c = p.charAt(pos++);
            switch (c) {
                case '(':
                    return parseGroup(start);
                case '[':
                    return parseClass(start);
                case '.': {
                    CharSet any = dotAll ? new CharSet().complement() : CharSet.of('\n').complement();
                    return new Chars(any, any, false, ".");
                }
                case '^':
                case '$':
                    return new Assertion(String.valueOf(c));
                case '\\':
                    return parseEscape(start);
                case '*':
                case '+':
                case '?':
                    throw new Unsupported();  // nothing to repeat
                default:
                    return literal(c, start);
            }
        }

        private Node literal(int c, int start) {
            CharSet s = new CharSet();
            s.addRangeMust(c, c);
            fold(s);
            CharSet may = maybe(s);
            if (c >= 256) may.high = true;
            return new Chars(s, may, true, p.substring(start, pos));
        }

        /** The characters possibly matched by a set that surely matches {@code must}: case folding reaches beyond ASCII. */
        private CharSet maybe(CharSet must) {
            CharSet may = new CharSet();
            may.addAll(must);
            if (ignoreCase && (must.low.get('k') || must.low.get('s') || must.low.get(0xB5) || must.low.get(0xE5)
                    || must.low.get(0xFF))) {
                may.high = true;
            }
            return may;
        }

        private void fold(CharSet s) {
            if (!ignoreCase) return;
            for (int c = 'a'; c <= 'z'; c++) {
                if (s.low.get(c) || s.low.get(c - 32)) {
                    s.low.set(c);
                    s.low.set(c - 32);
                }
            }
        }

        private Node parseGroup(int start) throws Unsupported {
            boolean atomic = false;
            boolean lookaround = false;
            if (p.startsWith("?", pos)) {
                pos++;
                if (p.startsWith(":", pos)) {
                    pos++;
                } else if (p.startsWith(">", pos)) {
                    pos++;
                    atomic = true;
                } else if (p.startsWith("P<", pos) || p.startsWith("<", pos) && !p.startsWith("<=", pos)
                        && !p.startsWith("<!", pos)) {
                    int close = p.indexOf('>', pos);
                    if (close < 0) throw new Unsupported();
                    pos = close + 1;
                } else if (p.startsWith("=", pos) || p.startsWith("!", pos)) {
                    pos++;
                    lookaround = true;
                } else if (p.startsWith("<=", pos) || p.startsWith("<!", pos)) {
                    pos += 2;
                    lookaround = true;
                } else if (p.startsWith("#", pos)) {
                    int close = p.indexOf(')', pos);
                    if (close < 0) throw new Unsupported();
                    pos = close + 1;
                    return null;
                } else {
                    // (?aiLmsux) global flags (read beforehand) or (?flags-flags:...) scoped flags
                    Matcher m = FLAGS.matcher(p).region(pos, p.length());
                    if (!m.lookingAt()) throw new Unsupported();  // backreference (?P=..), conditional (?(..)
                    pos = m.end();
                    if (m.group(3).equals(")")) return null;
                    String removed = m.group(2) == null ? "" : m.group(2);
                    if (!m.group(1).isEmpty() || !removed.isEmpty()) {
                        // a scoped flag change: parse the body with the changed flags
                        boolean i = (ignoreCase || m.group(1).contains("i")) && !removed.contains("i");
                        boolean s = (dotAll || m.group(1).contains("s")) && !removed.contains("s");
                        boolean x = (verbose || m.group(1).contains("x")) && !removed.contains("x");
                        Parser inner = new Parser(p, i, s, x);
                        inner.pos = pos;
                        Node body = inner.parseAlternation();
                        pos = inner.pos;
                        expect(')');
                        return new Group(body, false, p.substring(start, pos));
                    }
                }
            }
            Node body = parseAlternation();
            expect(')');
            return lookaround ? new Assertion(p.substring(start, pos)) : new Group(body, atomic, p.substring(start, pos));
        }

        private void expect(char c) throws Unsupported {
            if (pos >= p.length() || p.charAt(pos) != c) throw new Unsupported();
            pos++;
        }

        private Node parseEscape(int start) throws Unsupported {
            if (pos >= p.length()) throw new Unsupported();
            char c = p.charAt(pos++);
            switch (c) {
                case 'b', 'B', 'A', 'Z' -> {
                    return new Assertion("\\" + c);
                }
                case 'd', 'D', 'w', 'W', 's', 'S' -> {
                    CharSet must = classMust(c);
                    CharSet may = classMay(c);
                    return new Chars(must, may, true, p.substring(start, pos));
                }
                default -> {
                    if (c >= '1' && c <= '9') throw new Unsupported();  // backreference
                    return literal(escapedChar(c), start);
                }
            }
        }

        /** Surely in \d \w \s (ASCII); their negations surely hold what the positive class cannot hold. */
        private static CharSet classMust(char c) {
            return switch (c) {
                case 'd' -> DIGIT;
                case 'w' -> WORD;
                case 's' -> SPACE;
                default -> classMay(Character.toLowerCase(c)).complement();
            };
        }

        /** Possibly in \d \w \s: anything above ASCII can be a Unicode digit, letter or space. */
        private static CharSet classMay(char c) {
            CharSet s = new CharSet();
            switch (c) {
                case 'd', 'w', 's' -> {
                    s.addAll(classMust(c));
                    s.addRange(0x80, 0x10FFFF);
                    if (c == 's') s.addRange(0x1C, 0x1F);
                }
                default -> s = classMust(Character.toLowerCase(c)).complement();
            }
            return s;
        }

        /** The character an escape outside the class shorthands stands for. */
        private int escapedChar(char c) throws Unsupported {
            switch (c) {
                case 'n': return '\n';
                case 't': return '\t';
                case 'r': return '\r';
                case 'f': return '\f';
                case 'v': return 0x0B;
                case 'a': return 7;
                case '0': {
                    int value = 0;
                    for (int k = 0; k < 2 && pos < p.length() && p.charAt(pos) >= '0' && p.charAt(pos) <= '7'; k++) {
                        value = value * 8 + (p.charAt(pos++) - '0');
                    }
                    return value;
                }
                case 'x': return hex(2);
                case 'u': return hex(4);
                case 'U': return hex(8);
                case 'N': {
                    int close = p.indexOf('}', pos);
                    if (!p.startsWith("{", pos) || close < 0) throw new Unsupported();
                    pos = close + 1;
                    return 0x10000;  // some character above Latin-1
                }
                default:
                    if (Character.isLetterOrDigit(c)) throw new Unsupported();  // an error in Python
                    return c;
            }
        }

        private int hex(int digits) throws Unsupported {
            if (pos + digits > p.length()) throw new Unsupported();
            try {
                int value = Integer.parseInt(p.substring(pos, pos + digits), 16);
                pos += digits;
                return value;
            } catch (NumberFormatException e) {
                throw new Unsupported();
            }
        }

        private Node parseClass(int start) throws Unsupported {
            boolean negated = false;
            if (pos < p.length() && p.charAt(pos) == '^') {
                negated = true;
                pos++;
            }
            CharSet must = new CharSet();
            CharSet may = new CharSet();
            boolean first = true;
            while (true) {
                if (pos >= p.length()) throw new Unsupported();
                char c = p.charAt(pos);
                if (c == ']' && !first) {
                    pos++;
                    break;
                }
                first = false;
                int lo;
                if (c == '\\') {
                    pos++;
                    if (pos >= p.length()) throw new Unsupported();
                    char e = p.charAt(pos++);
                    if ("dDwWsS".indexOf(e) >= 0) {
                        must.addAll(classMust(e));
                        may.addAll(classMay(e));
                        continue;
                    }
                    if (e == 'b') lo = '\b';
                    else if (e >= '1' && e <= '7') { pos--; lo = escapedChar('0'); }
                    else lo = escapedChar(e);
                } else {
                    pos++;
                    lo = c;
                }
                int hi = lo;
                if (pos + 1 < p.length() && p.charAt(pos) == '-' && p.charAt(pos + 1) != ']') {
                    pos++;
                    char d = p.charAt(pos++);
                    if (d == '\\') {
                        if (pos >= p.length()) throw new Unsupported();
                        char e = p.charAt(pos++);
                        if ("dDwWsS".indexOf(e) >= 0) throw new Unsupported();
                        hi = escapedChar(e);
                    } else {
                        hi = d;
                    }
                    if (hi < lo) throw new Unsupported();
                }
                must.addRangeMust(lo, hi);
                may.addRange(lo, hi);
            }
            fold(must);
            fold(may);
            may.addAll(maybe(may));
            String text = p.substring(start, pos);
            return negated ? new Chars(may.complement(), must.complement(), false, text)
                    : new Chars(must, may, true, text);
        }
    }
}
