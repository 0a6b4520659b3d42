package dev.secreview.python.tree;

import dev.secreview.core.engine.FileDeadline;
import dev.secreview.core.model.SourceFile;

import java.util.Arrays;

import static dev.secreview.python.tree.PyTokenizer.BACKSLASH;
import static dev.secreview.python.tree.PyTokenizer.DEDENT;
import static dev.secreview.python.tree.PyTokenizer.EOF;
import static dev.secreview.python.tree.PyTokenizer.ESCAPE_INTERPOLATION;
import static dev.secreview.python.tree.PyTokenizer.ESCAPE_SEQUENCE;
import static dev.secreview.python.tree.PyTokenizer.FORMAT_TEXT;
import static dev.secreview.python.tree.PyTokenizer.INDENT;
import static dev.secreview.python.tree.PyTokenizer.INTERPOLATION_END;
import static dev.secreview.python.tree.PyTokenizer.INTERPOLATION_START;
import static dev.secreview.python.tree.PyTokenizer.KEYWORD;
import static dev.secreview.python.tree.PyTokenizer.NAME;
import static dev.secreview.python.tree.PyTokenizer.NEWLINE;
import static dev.secreview.python.tree.PyTokenizer.NUMBER;
import static dev.secreview.python.tree.PyTokenizer.OP;
import static dev.secreview.python.tree.PyTokenizer.STRING_CONTENT;
import static dev.secreview.python.tree.PyTokenizer.STRING_END;
import static dev.secreview.python.tree.PyTokenizer.STRING_START;
import static dev.secreview.python.tree.PyTokenizer.TYPE_CONVERSION;

/**
 * A recursive-descent parser for Python 3 that builds the tree tree-sitter-python 0.25 builds for the same
 * file: the same node types, fields, anonymous tokens and comments, at the same char offsets and lines. It
 * follows the grammar's shapes where they differ from CPython's (operator precedences, `type` wrappers,
 * patterns on the left of `=`, where a comment lands). A file it cannot reproduce tree-sitter's tree for with
 * certainty, a syntax error among them, is rejected with {@link PyTokenizer.Reject} and goes to tree-sitter.
 */
final class PyDescentParser {
    /** A node under construction; {@code firstToken}..{@code lastToken} includes the invisible tokens it owns. */
    static final class Node {
        String type;
        String field;
        final boolean named;
        int start;
        int end;
        int line;
        int firstToken = -1;
        int lastToken = -1;
        Node[] children;
        int childCount;

        Node(String type, boolean named) {
            this.type = type;
            this.named = named;
        }

        void add(Node child) {
            if (children == null) children = new Node[4];
            else if (childCount == children.length) children = Arrays.copyOf(children, childCount * 2);
            children[childCount++] = child;
            cover(child.firstToken, child.lastToken, child.start, child.end, child.line);
        }

        void add(String fieldName, Node child) {
            child.field = fieldName;
            add(child);
        }

        void cover(int first, int last, int from, int to, int fromLine) {
            if (firstToken < 0) {
                firstToken = first;
                start = from;
                line = fromLine;
            }
            lastToken = last;
            end = to;
        }
    }

    private final String text;
    private final PyTokenizer tokens;
    private final int[] kinds;
    private final int[] starts;
    private final int[] ends;
    private final String[] values;
    private final int[] lines;
    private int p;
    /**
     * Whether the current simple statement starts with a name the grammar also reads as a statement keyword
     * (print, exec, type, match): tree-sitter then keeps two parses open while it reads it.
     */
    private boolean ambiguousStatement;
    /** The '(' of a with statement's single parenthesized item, inside which `x as y` is an as_pattern. */
    private int asInParenthesesAt = -1;

    private PyDescentParser(String text, PyTokenizer tokens) {
        this.text = text;
        this.tokens = tokens;
        this.kinds = tokens.kinds;
        this.starts = tokens.starts;
        this.ends = tokens.ends;
        this.values = tokens.values;
        this.lines = tokens.lines;
    }

    /** The tree of {@code source}, or a {@link PyTokenizer.Reject} where tree-sitter should parse it. */
    static PyTree parse(SourceFile source) {
        String text = source.text();
        PyTokenizer tokenizer = new PyTokenizer(text);
        tokenizer.tokenize();
        PyDescentParser parser = new PyDescentParser(text, tokenizer);
        PyTree tree = new PyTree(source);
        try {
            tree.root = toPyNode(tree, parser.module(), null);
        } catch (StackOverflowError tooDeep) {
            throw new PyTokenizer.Reject("nested too deeply");
        }
        return tree;
    }

    private static PyNode toPyNode(PyTree tree, Node node, PyNode parent) {
        PyNode result = new PyNode(tree, node.type, node.field, node.named, node.start, node.end, node.line + 1);
        result.parent = parent;
        if (node.childCount > 0) {
            PyNode[] children = new PyNode[node.childCount];
            for (int i = 0; i < children.length; i++) children[i] = toPyNode(tree, node.children[i], result);
            result.children = children;
        }
        return result;
    }

    // ---- tokens

    private int kind() {
        return kinds[p];
    }

    private boolean isOp(String op) {
        return kinds[p] == OP && values[p] == op;
    }

    private boolean isOpAt(int at, String op) {
        return kinds[at] == OP && values[at] == op;
    }

    private boolean isKeyword(String keyword) {
        return kinds[p] == KEYWORD && values[p] == keyword;
    }

    private boolean isName(int at, String name) {
        return kinds[at] == NAME && ends[at] - starts[at] == name.length()
                && text.regionMatches(starts[at], name, 0, name.length());
    }

    private Node leaf(String type, boolean named) {
        if ((p & 0xFFF) == 0) FileDeadline.check();
        Node node = new Node(type, named);
        node.cover(p, p, starts[p], ends[p], lines[p]);
        p++;
        return node;
    }

    /** The current OP or KEYWORD token as an anonymous node. */
    private Node token() {
        if (kinds[p] != OP && kinds[p] != KEYWORD) throw reject("expected an operator or keyword");
        return leaf(values[p], false);
    }

    private Node expect(String op) {
        if (values[p] != op || kinds[p] != OP && kinds[p] != KEYWORD) throw reject("expected " + op);
        return leaf(op, false);
    }

    private Node identifier() {
        if (kinds[p] != NAME) throw reject("expected a name");
        return leaf("identifier", true);
    }

    /** An invisible token (NEWLINE, INDENT, DEDENT) that belongs to {@code owner}. */
    private void absorb(Node owner, int kind) {
        if (kinds[p] != kind) throw reject("expected an invisible token " + kind);
        owner.cover(p, p, starts[p], ends[p], lines[p]);
        p++;
    }

    private static PyTokenizer.Reject reject(String why) {
        return new PyTokenizer.Reject(why);
    }

    private static Node node(String type, Node first) {
        Node node = new Node(type, true);
        node.add(first);
        return node;
    }

    // ---- statements

    private Node module() {
        Node module = new Node("module", true);
        while (kind() != EOF) statement(module);
        module.firstToken = 0;
        module.lastToken = p;
        placeExtras(module);
        int first = tokens.count > 1 ? starts[0] : text.length();
        int firstLine = tokens.count > 1 ? lines[0] : -1;
        if (tokens.extraCount > 0 && tokens.extraStarts[0] < first) {
            first = tokens.extraStarts[0];
            firstLine = tokens.extraLines[0];
        }
        module.start = first;
        module.line = firstLine >= 0 ? firstLine : tokens.rowAtEnd();
        module.end = text.length();
        return module;
    }

    private void statement(Node container) {
        if (kind() == KEYWORD) {
            switch (values[p]) {
                case "if" -> container.add(ifStatement());
                case "while" -> container.add(whileStatement());
                case "for" -> container.add(forStatement(null));
                case "try" -> container.add(tryStatement());
                case "with" -> container.add(withStatement(null));
                case "def" -> container.add(functionDefinition(null));
                case "class" -> container.add(classDefinition());
                case "async" -> container.add(asyncStatement());
                default -> simpleStatements(container);
            }
            return;
        }
        if (isOp("@")) {
            container.add(decoratedDefinition());
            return;
        }
        if (isName(p, "match") && tryMatchStatement(container)) return;
        simpleStatements(container);
    }

    private Node asyncStatement() {
        Node async = token();
        if (isKeyword("for")) return forStatement(async);
        if (isKeyword("with")) return withStatement(async);
        if (isKeyword("def")) return functionDefinition(async);
        throw reject("async before " + values[p]);
    }

    private void simpleStatements(Node container) {
        while (true) {
            container.add(simpleStatement());
            if (isOp(";")) {
                container.add(token());
                if (kind() == NEWLINE) break;
            } else {
                break;
            }
        }
        absorb(container, NEWLINE);
    }

    private Node simpleStatement() {
        ambiguousStatement = isName(p, "print") || isName(p, "exec") || isName(p, "type") || isName(p, "match");
        if (kind() == KEYWORD) {
            switch (values[p]) {
                case "import": return importStatement();
                case "from": return fromImport();
                case "assert": return keywordThenExpressions("assert_statement");
                case "return": return returnStatement();
                case "del": {
                    Node del = new Node("delete_statement", true);
                    del.add(token());
                    del.add(expressions());
                    return del;
                }
                case "raise": return raiseStatement();
                case "pass": return node("pass_statement", token());
                case "break": return node("break_statement", token());
                case "continue": return node("continue_statement", token());
                case "global": return namesStatement("global_statement");
                case "nonlocal": return namesStatement("nonlocal_statement");
                default: break;
            }
        } else if (kind() == NAME) {
            if (isName(p, "print") && isOpAt(p + 1, ">>")) return printStatement();
            if (isName(p, "type") && !isOpAt(p + 1, "=")) {
                Node alias = tryTypeAliasStatement();
                if (alias != null) return alias;
            }
        }
        return expressionStatement();
    }

    private Node importStatement() {
        Node statement = new Node("import_statement", true);
        statement.add(token());
        importList(statement);
        return statement;
    }

    private void importList(Node statement) {
        while (true) {
            Node name = dottedName();
            if (isKeyword("as")) {
                Node aliased = new Node("aliased_import", true);
                aliased.add("name", name);
                aliased.add(token());
                aliased.add("alias", identifier());
                name = aliased;
            }
            statement.add("name", name);
            if (!isOp(",")) return;
            statement.add(token());
            if (kind() == NEWLINE || isOp(")")) return;
        }
    }

    private Node dottedName() {
        Node dotted = node("dotted_name", identifier());
        while (isOp(".") && kinds[p + 1] == NAME) {
            dotted.add(token());
            dotted.add(identifier());
        }
        return dotted;
    }

    private Node fromImport() {
        Node from = token();
        if (isName(p, "__future__")) {
            Node statement = new Node("future_import_statement", true);
            statement.add(from);
            statement.add(leaf("__future__", false));
            statement.add(expect("import"));
            parenthesizedImportList(statement);
            return statement;
        }
        Node statement = new Node("import_from_statement", true);
        statement.add(from);
        if (isOp(".") || isOp("...")) {
            Node relative = new Node("relative_import", true);
            Node prefix = new Node("import_prefix", true);
            while (isOp(".") || isOp("...")) {
                if (values[p] == "...") {
                    for (int i = 0; i < 3; i++) {
                        Node dot = new Node(".", false);
                        dot.cover(p, p, starts[p] + i, starts[p] + i + 1, lines[p]);
                        prefix.add(dot);
                    }
                    p++;
                } else {
                    prefix.add(token());
                }
            }
            relative.add(prefix);
            if (kind() == NAME) relative.add(dottedName());
            statement.add("module_name", relative);
        } else {
            statement.add("module_name", dottedName());
        }
        statement.add(expect("import"));
        if (isOp("*")) {
            statement.add(node("wildcard_import", token()));
        } else {
            parenthesizedImportList(statement);
        }
        return statement;
    }

    private void parenthesizedImportList(Node statement) {
        if (isOp("(")) {
            statement.add(token());
            importList(statement);
            statement.add(expect(")"));
        } else {
            importList(statement);
        }
    }

    private Node keywordThenExpressions(String type) {
        return keywordThenList(type, this::expression);
    }

    /** A keyword, then one or more items separated by commas ({@code global a, b}; {@code assert ok, "why"}). */
    private Node keywordThenList(String type, java.util.function.Supplier<Node> item) {
        Node statement = new Node(type, true);
        statement.add(token());
        statement.add(item.get());
        while (isOp(",")) {
            statement.add(token());
            statement.add(item.get());
        }
        return statement;
    }

    private Node returnStatement() {
        Node statement = new Node("return_statement", true);
        statement.add(token());
        if (!endsSimpleStatement()) statement.add(expressions());
        return statement;
    }

    private boolean endsSimpleStatement() {
        return kind() == NEWLINE || isOp(";");
    }

    private Node raiseStatement() {
        Node statement = new Node("raise_statement", true);
        statement.add(token());
        if (!endsSimpleStatement() && !isKeyword("from")) statement.add(expressions());
        if (isKeyword("from")) {
            statement.add(token());
            statement.add("cause", expression());
        }
        return statement;
    }

    private Node namesStatement(String type) {
        return keywordThenList(type, this::identifier);
    }

    private Node printStatement() {
        Node statement = new Node("print_statement", true);
        statement.add(leaf("print", false));
        Node chevron = new Node("chevron", true);
        chevron.add(token());
        chevron.add(expression());
        statement.add(chevron);
        while (isOp(",")) {
            statement.add(token());
            if (endsSimpleStatement()) break;
            statement.add("argument", expression());
        }
        return statement;
    }

    /**
     * `type LEFT = RIGHT` where it parses so; tree-sitter prefers that reading to an assignment (it has a
     * higher dynamic precedence), so `type(x).y = z` is a type alias statement too. Null, nothing consumed,
     * where it does not parse so.
     */
    private Node tryTypeAliasStatement() {
        int at = p;
        try {
            Node statement = new Node("type_alias_statement", true);
            statement.add(leaf("type", false));
            Node left;
            if (kind() == NAME && isOpAt(p + 1, "[") && isTypeParameterList(p + 1)) {
                Node generic = node("generic_type", identifier());
                generic.add(typeParameters());
                left = node("type", generic);
            } else {
                left = type();
            }
            statement.add("left", left);
            statement.add(expect("="));
            statement.add("right", type());
            if (!endsSimpleStatement()) throw reject("not a type alias");
            return statement;
        } catch (PyTokenizer.Reject notTypeAlias) {
            p = at;
            return null;
        }
    }

    /** Whether the brackets at {@code at} hold only names, as PEP 695 type parameters do. */
    private boolean isTypeParameterList(int at) {
        return kinds[at + 1] == NAME && (isOpAt(at + 2, "]") || isOpAt(at + 2, ",") || isOpAt(at + 2, ":"));
    }

    private Node expressionStatement() {
        Node statement = new Node("expression_statement", true);
        if (isKeyword("yield")) {
            statement.add(yieldExpression());
            return statement;
        }
        Node first = starExpression();
        if (isOp(",")) {
            Node list = new Node("expression_list", true);
            list.add(first);
            commaContinuation(list);
            if (isOp("=")) {
                statement.add(assignment(toPatternList(list)));
                return statement;
            }
            for (int i = 0; i < list.childCount; i++) statement.add(list.children[i]);
            return statement;
        }
        if (isOp("=")) {
            statement.add(assignment(toPattern(first)));
        } else if (isOp(":")) {
            Node assignment = new Node("assignment", true);
            assignment.add("left", toPattern(first));
            assignment.add(token());
            assignment.add("type", type());
            if (isOp("=")) {
                assignment.add(token());
                assignment.add("right", rightHandSide());
            }
            statement.add(assignment);
        } else if (kind() == OP && isAugmentedOperator(values[p])) {
            Node augmented = new Node("augmented_assignment", true);
            augmented.add("left", toPattern(first));
            augmented.add("operator", token());
            augmented.add("right", rightHandSide());
            statement.add(augmented);
        } else {
            statement.add(first);
        }
        return statement;
    }

    private static boolean isAugmentedOperator(String op) {
        return op.length() >= 2 && op.charAt(op.length() - 1) == '=' && op != "==" && op != "<=" && op != ">="
                && op != "!=";
    }

    /** `left = right`, where the right may itself be an assignment. */
    private Node assignment(Node left) {
        Node assignment = new Node("assignment", true);
        assignment.add("left", left);
        assignment.add(expect("="));
        assignment.add("right", rightHandSide());
        return assignment;
    }

    private Node rightHandSide() {
        if (isKeyword("yield")) return yieldExpression();
        Node first = starExpression();
        Node value = first;
        if (isOp(",")) {
            Node list = new Node("expression_list", true);
            list.add(first);
            commaContinuation(list);
            value = list;
        }
        if (isOp("=")) return assignment(value == first ? toPattern(first) : toPatternList(value));
        if (kind() == OP && isAugmentedOperator(values[p])) throw reject("augmented assignment in a chain");
        return value;
    }

    /** After a first element: `, e`* with an optional trailing comma, appended to {@code list}. */
    private void commaContinuation(Node list) {
        while (isOp(",")) {
            list.add(token());
            if (!startsExpression()) return;
            list.add(starExpression());
        }
    }

    private boolean startsExpression() {
        switch (kind()) {
            case NAME, NUMBER, STRING_START:
                return true;
            case KEYWORD:
                return switch (values[p]) {
                    case "None", "True", "False", "not", "lambda", "await", "yield" -> true;
                    default -> false;
                };
            case OP:
                return switch (values[p]) {
                    case "(", "[", "{", "-", "+", "~", "*", "...", "**" -> true;
                    default -> false;
                };
            default:
                return false;
        }
    }

    /** An expression, or `*expression` (a list_splat). */
    private Node starExpression() {
        if (isOp("*")) {
            if (startsNameWithSuffix(p + 1)) throw reject("starred name with a suffix outside an argument list");
            return listSplat();
        }
        return expression();
    }

    private Node listSplat() {
        Node splat = new Node("list_splat", true);
        splat.add(token());
        splat.add(bitwiseOr());
        return splat;
    }

    /**
     * Whether a name followed by '.', '[' or '(' starts at {@code at}. After '*' the grammar reads such a name
     * as a pattern or as an expression at once, and which tree tree-sitter keeps then depends on what else is
     * open (`[*a.b]` gives an attribute of `*a`, `print(x(), *a.b())` a call of `*a.b`): left to tree-sitter.
     */
    private boolean startsNameWithSuffix(int at) {
        return kinds[at] == NAME && (isOpAt(at + 1, ".") || isOpAt(at + 1, "[") || isOpAt(at + 1, "("));
    }

    /** _expressions: one expression, or an expression_list when commas follow. */
    private Node expressions() {
        Node first = starExpression();
        if (!isOp(",")) return first;
        Node list = new Node("expression_list", true);
        list.add(first);
        commaContinuation(list);
        return list;
    }

    private Node yieldExpression() {
        Node yield = new Node("yield", true);
        yield.add(token());
        if (isKeyword("from")) {
            yield.add(token());
            yield.add(expression());
        } else if (startsExpression()) {
            yield.add(expressions());
        }
        return yield;
    }

    // ---- patterns (targets of assignments and for loops)

    private Node toPatternList(Node list) {
        list.type = "pattern_list";
        for (int i = 0; i < list.childCount; i++) {
            Node child = list.children[i];
            if (child.named) list.children[i] = toPattern(child);
        }
        return list;
    }

    private Node toPattern(Node expression) {
        switch (expression.type) {
            case "identifier", "attribute", "subscript":
                return expression;
            case "list_splat": {
                Node target = expression.children[1];
                if (!target.type.equals("identifier") && !target.type.equals("attribute")
                        && !target.type.equals("subscript")) {
                    throw reject("starred target");
                }
                expression.type = "list_splat_pattern";
                return expression;
            }
            case "tuple", "list":
                expression.type = expression.type.equals("tuple") ? "tuple_pattern" : "list_pattern";
                for (int i = 0; i < expression.childCount; i++) {
                    Node child = expression.children[i];
                    if (child.named) expression.children[i] = toPattern(child);
                }
                return expression;
            case "parenthesized_expression":
                expression.type = "tuple_pattern";
                expression.children[1] = toPattern(expression.children[1]);
                return expression;
            default:
                throw reject("not an assignment target: " + expression.type);
        }
    }

    /** The target of a for loop or comprehension: patterns separated by commas, up to `in`. */
    private Node forTarget() {
        Node first = targetElement();
        if (!isOp(",")) return toPattern(first);
        Node list = new Node("pattern_list", true);
        list.add(first);
        while (isOp(",")) {
            list.add(token());
            if (isKeyword("in")) break;
            list.add(targetElement());
        }
        return toPatternList(list);
    }

    private Node targetElement() {
        return isOp("*") ? listSplat() : bitwiseOr();
    }

    // ---- compound statements

    private Node ifStatement() {
        Node statement = new Node("if_statement", true);
        statement.add(token());
        statement.add("condition", expression());
        statement.add(expect(":"));
        suite(statement, "consequence");
        while (isKeyword("elif")) {
            Node elif = new Node("elif_clause", true);
            elif.add(token());
            elif.add("condition", expression());
            elif.add(expect(":"));
            suite(elif, "consequence");
            statement.add("alternative", elif);
        }
        if (isKeyword("else")) statement.add("alternative", elseClause());
        return statement;
    }

    private Node elseClause() {
        Node clause = new Node("else_clause", true);
        clause.add(token());
        clause.add(expect(":"));
        suite(clause, "body");
        return clause;
    }

    private Node whileStatement() {
        Node statement = new Node("while_statement", true);
        statement.add(token());
        statement.add("condition", expression());
        statement.add(expect(":"));
        suite(statement, "body");
        if (isKeyword("else")) statement.add("alternative", elseClause());
        return statement;
    }

    private Node forStatement(Node async) {
        Node statement = new Node("for_statement", true);
        if (async != null) statement.add(async);
        statement.add(expect("for"));
        statement.add("left", forTarget());
        statement.add(expect("in"));
        statement.add("right", expressions());
        statement.add(expect(":"));
        suite(statement, "body");
        if (isKeyword("else")) statement.add("alternative", elseClause());
        return statement;
    }

    private Node tryStatement() {
        Node statement = new Node("try_statement", true);
        statement.add(token());
        statement.add(expect(":"));
        suite(statement, "body");
        while (isKeyword("except")) {
            Node clause = new Node("except_clause", true);
            clause.add(token());
            if (isOp("*")) clause.add(token());
            if (!isOp(":")) {
                Node value = expression();
                if (isKeyword("as")) value = asPattern(value);
                clause.add("value", value);
                if (isOp(",")) throw reject("except with a comma");
            }
            clause.add(expect(":"));
            suite(clause, null);
            statement.add(clause);
        }
        if (isKeyword("else")) statement.add(elseClause());
        if (isKeyword("finally")) {
            Node clause = new Node("finally_clause", true);
            clause.add(token());
            clause.add(expect(":"));
            suite(clause, null);
            statement.add(clause);
        }
        return statement;
    }

    private Node asPattern(Node value) {
        Node pattern = node("as_pattern", value);
        pattern.add(token());
        pattern.add("alias", node("as_pattern_target", expression()));
        return pattern;
    }

    private Node withStatement(Node async) {
        Node statement = new Node("with_statement", true);
        if (async != null) statement.add(async);
        statement.add(expect("with"));
        Node clause = new Node("with_clause", true);
        if (isOp("(") && parenthesizedWithItems()) {
            clause.add(token());
            withItems(clause);
            clause.add(expect(")"));
        } else {
            withItems(clause);
        }
        statement.add(clause);
        statement.add(expect(":"));
        suite(statement, "body");
        return statement;
    }

    /**
     * Whether `with (` opens a parenthesized list of items rather than an expression: the ')' that closes it is
     * followed by ':' and holds at least two items. tree-sitter reads one item in parentheses, `as` and all,
     * as a parenthesized expression (a tuple with a trailing comma), so {@link #asInParenthesesAt} marks it.
     */
    private boolean parenthesizedWithItems() {
        int depth = 0;
        boolean secondItem = false;
        for (int i = p; kinds[i] != EOF && kinds[i] != NEWLINE; i++) {
            if (kinds[i] != OP) continue;
            switch (values[i]) {
                case "(", "[", "{" -> depth++;
                case ")", "]", "}" -> {
                    depth--;
                    if (depth == 0) {
                        if (!isOpAt(i + 1, ":")) return false;
                        if (!secondItem) asInParenthesesAt = p;
                        return secondItem;
                    }
                }
                case "," -> secondItem |= depth == 1 && !isOpAt(i + 1, ")");
                default -> { }
            }
        }
        return false;
    }

    private void withItems(Node clause) {
        while (true) {
            Node item = new Node("with_item", true);
            Node value = expression();
            if (isKeyword("as")) value = asPattern(value);
            item.add("value", value);
            clause.add(item);
            if (!isOp(",")) return;
            clause.add(token());
            if (isOp(")") || isOp(":")) return;
        }
    }

    private Node functionDefinition(Node async) {
        Node definition = new Node("function_definition", true);
        if (async != null) definition.add(async);
        definition.add(expect("def"));
        definition.add("name", identifier());
        if (isOp("[")) definition.add("type_parameters", typeParameters());
        Node parameters = new Node("parameters", true);
        parameters.add(expect("("));
        parameterList(parameters, false);
        parameters.add(expect(")"));
        definition.add("parameters", parameters);
        if (isOp("->")) {
            definition.add(token());
            definition.add("return_type", type());
        }
        definition.add(expect(":"));
        suite(definition, "body");
        return definition;
    }

    /** Parameters up to ')' (a def) or ':' (a lambda), added to {@code owner}. */
    private void parameterList(Node owner, boolean lambda) {
        while (!isOp(")") && !isOp(":")) {
            owner.add(parameter(lambda));
            if (!isOp(",")) return;
            owner.add(token());
        }
    }

    private Node parameter(boolean lambda) {
        if (isOp("/")) return node("positional_separator", token());
        if (isOp("*") && (isOpAt(p + 1, ",") || isOpAt(p + 1, ")") || isOpAt(p + 1, ":"))) {
            return node("keyword_separator", token());
        }
        if (isOp("*") || isOp("**")) {
            Node splat = new Node(isOp("*") ? "list_splat_pattern" : "dictionary_splat_pattern", true);
            splat.add(token());
            splat.add(identifier());
            if (!lambda && isOp(":")) {
                Node typed = node("typed_parameter", splat);
                typed.add(token());
                typed.add("type", type());
                return typed;
            }
            return splat;
        }
        Node name = identifier();
        if (!lambda && isOp(":")) {
            Node colon = token();
            Node type = type();
            if (isOp("=")) {
                Node typed = new Node("typed_default_parameter", true);
                typed.add("name", name);
                typed.add(colon);
                typed.add("type", type);
                typed.add(token());
                typed.add("value", expression());
                return typed;
            }
            Node typed = node("typed_parameter", name);
            typed.add(colon);
            typed.add("type", type);
            return typed;
        }
        if (isOp("=")) {
            Node parameter = new Node("default_parameter", true);
            parameter.add("name", name);
            parameter.add(token());
            parameter.add("value", expression());
            return parameter;
        }
        return name;
    }

    private Node classDefinition() {
        Node definition = new Node("class_definition", true);
        definition.add(token());
        definition.add("name", identifier());
        if (isOp("[")) definition.add("type_parameters", typeParameters());
        if (isOp("(")) definition.add("superclasses", arguments());
        definition.add(expect(":"));
        suite(definition, "body");
        return definition;
    }

    private Node decoratedDefinition() {
        Node decorated = new Node("decorated_definition", true);
        while (isOp("@")) {
            Node decorator = new Node("decorator", true);
            decorator.add(token());
            decorator.add(expression());
            absorb(decorator, NEWLINE);
            decorated.add(decorator);
        }
        if (isKeyword("def")) {
            decorated.add("definition", functionDefinition(null));
        } else if (isKeyword("class")) {
            decorated.add("definition", classDefinition());
        } else if (isKeyword("async") && values[p + 1] == "def") {
            Node async = token();
            decorated.add("definition", functionDefinition(async));
        } else {
            throw reject("decorator without a definition");
        }
        return decorated;
    }

    /** The body after ':': an indented block, or simple statements on the same line. */
    private void suite(Node owner, String field) {
        Node block = new Node("block", true);
        if (kind() == INDENT) {
            absorb(owner, INDENT);
            while (kind() != DEDENT) statement(block);
            absorb(block, DEDENT);
        } else {
            simpleStatements(block);
        }
        if (field == null) owner.add(block);
        else owner.add(field, block);
    }

    // ---- match

    /** A match statement where one starts here; false (nothing consumed) where `match` is a name. */
    private boolean tryMatchStatement(Node container) {
        int at = p;
        Node statement = new Node("match_statement", true);
        try {
            statement.add(leaf("match", false));
            while (true) {
                statement.add("subject", starExpression());
                if (!isOp(",")) break;
                statement.add(token());
                if (isOp(":")) break;
            }
            statement.add(expect(":"));
            if (kind() != INDENT || !isName(p + 1, "case")) throw reject("not a match statement");
        } catch (PyTokenizer.Reject notMatch) {
            p = at;
            return false;
        }
        Node block = new Node("block", true);
        absorb(block, INDENT);
        while (isName(p, "case")) block.add("alternative", caseClause());
        absorb(block, DEDENT);
        statement.add("body", block);
        container.add(statement);
        return true;
    }

    private Node caseClause() {
        Node clause = new Node("case_clause", true);
        clause.add(leaf("case", false));
        while (true) {
            clause.add(casePattern());
            if (!isOp(",")) break;
            clause.add(token());
            if (isOp(":") || isKeyword("if")) break;
        }
        if (isKeyword("if")) {
            Node guard = new Node("if_clause", true);
            guard.add(token());
            guard.add(expression());
            clause.add("guard", guard);
        }
        clause.add(expect(":"));
        suite(clause, "consequence");
        return clause;
    }

    private Node casePattern() {
        Node pattern = new Node("case_pattern", true);
        if (kind() == NAME && isOpAt(p + 1, "=")) {
            Node keyword = node("keyword_pattern", identifier());
            keyword.add(token());
            simplePattern(keyword);
            pattern.add(keyword);
            return pattern;
        }
        Node first = new Node("union_pattern", true);
        simplePattern(first);
        if (isOp("|")) {
            while (isOp("|")) {
                first.add(token());
                simplePattern(first);
            }
            pattern.add(first);
        } else {
            for (int i = 0; i < first.childCount; i++) pattern.add(first.children[i]);
        }
        while (isKeyword("as")) {
            Node as = node("as_pattern", pattern);
            as.add(token());
            as.add(identifier());
            pattern = node("case_pattern", as);
        }
        return pattern;
    }

    /** One _simple_pattern; the grammar inlines it, so its nodes (one, or '-' and a number) go into {@code owner}. */
    private void simplePattern(Node owner) {
        if (kind() == STRING_START) {
            owner.add(strings());
            return;
        }
        if (kind() == KEYWORD) {
            switch (values[p]) {
                case "None" -> owner.add(leaf("none", true));
                case "True" -> owner.add(leaf("true", true));
                case "False" -> owner.add(leaf("false", true));
                default -> throw reject("keyword in a pattern");
            }
            return;
        }
        if (isOp("-") || kind() == NUMBER) {
            Node minus = isOp("-") ? token() : null;
            Node number = number();
            if (isOp("+") || isOp("-")) {
                Node complex = new Node("complex_pattern", true);
                if (minus != null) complex.add(minus);
                complex.add(number);
                complex.add(token());
                complex.add(number());
                owner.add(complex);
            } else {
                if (minus != null) owner.add(minus);
                owner.add(number);
            }
            return;
        }
        if (isOp("*") || isOp("**")) {
            Node splat = new Node("splat_pattern", true);
            splat.add(token());
            splat.add(isName(p, "_") ? leaf("_", false) : identifier());
            owner.add(splat);
            return;
        }
        if (isOp("[") || isOp("(")) {
            boolean list = isOp("[");
            Node sequence = new Node(list ? "list_pattern" : "tuple_pattern", true);
            sequence.add(token());
            String close = list ? "]" : ")";
            while (!isOp(close)) {
                sequence.add(casePattern());
                if (!isOp(",")) break;
                sequence.add(token());
            }
            sequence.add(expect(close));
            owner.add(sequence);
            return;
        }
        if (isOp("{")) {
            owner.add(dictPattern());
            return;
        }
        if (kind() == NAME) {
            if (isName(p, "_") && !isOpAt(p + 1, ".") && !isOpAt(p + 1, "(")) {
                owner.add(leaf("_", false));
                return;
            }
            Node name = dottedName();
            if (!isOp("(")) {
                owner.add(name);
                return;
            }
            Node classPattern = node("class_pattern", name);
            classPattern.add(token());
            while (!isOp(")")) {
                classPattern.add(casePattern());
                if (!isOp(",")) break;
                classPattern.add(token());
            }
            classPattern.add(expect(")"));
            owner.add(classPattern);
            return;
        }
        throw reject("unexpected token in a pattern");
    }

    private Node dictPattern() {
        Node pattern = new Node("dict_pattern", true);
        pattern.add(token());
        while (!isOp("}")) {
            if (isOp("**")) {
                Node splat = new Node("splat_pattern", true);
                splat.add(token());
                splat.add(identifier());
                pattern.add(splat);
            } else {
                int keyStart = pattern.childCount;
                simplePattern(pattern);
                for (int i = keyStart; i < pattern.childCount; i++) pattern.children[i].field = "key";
                pattern.add(expect(":"));
                pattern.add("value", casePattern());
            }
            if (!isOp(",")) break;
            pattern.add(token());
        }
        pattern.add(expect("}"));
        return pattern;
    }

    // ---- types

    /** A `type`: a generic (`list[int]`, and unions of them), `*Ts`, or any expression. */
    private Node type() {
        if ((isOp("*") || isOp("**")) && kinds[p + 1] == NAME) {
            Node splat = new Node("splat_type", true);
            splat.add(token());
            splat.add(identifier());
            return node("type", splat);
        }
        if (kind() == NAME && isOpAt(p + 1, "[")) {
            Node type = node("type", genericType());
            while (isOp("|")) {
                Node union = node("union_type", type);
                union.add(token());
                union.add(kind() == NAME && isOpAt(p + 1, "[") ? node("type", genericType()) : node("type", expression()));
                type = node("type", union);
            }
            if (isOp(".") || isOp("[") || isOp("(")) throw reject("generic type followed by " + values[p]);
            return type;
        }
        return node("type", expression());
    }

    private Node genericType() {
        Node generic = node("generic_type", identifier());
        Node parameters = new Node("type_parameter", true);
        parameters.add(token());
        while (!isOp("]")) {
            parameters.add(type());
            if (!isOp(",")) break;
            parameters.add(token());
        }
        parameters.add(expect("]"));
        generic.add(parameters);
        return generic;
    }

    /** PEP 695 type parameters of a def, class or type alias: `[T, T: bound, *Ts, **P]`. */
    private Node typeParameters() {
        Node parameters = new Node("type_parameter", true);
        parameters.add(token());
        while (!isOp("]")) {
            if (isOp("*") || isOp("**")) {
                parameters.add(type());
            } else {
                Node name = node("type", identifier());
                if (isOp(":")) {
                    Node constrained = node("constrained_type", name);
                    constrained.add(token());
                    constrained.add(type());
                    name = node("type", constrained);
                }
                parameters.add(name);
            }
            if (isOp("=")) throw reject("type parameter default");
            if (!isOp(",")) break;
            parameters.add(token());
        }
        parameters.add(expect("]"));
        return parameters;
    }

    // ---- expressions, with tree-sitter-python's precedences

    private Node expression() {
        if (isKeyword("lambda")) return lambda();
        if (kind() == NAME && isOpAt(p + 1, ":=")) {
            Node named = new Node("named_expression", true);
            named.add("name", identifier());
            named.add(token());
            named.add("value", expression());
            return named;
        }
        Node test = disjunction();
        if (!isKeyword("if")) return test;
        Node conditional = node("conditional_expression", test);
        conditional.add(token());
        conditional.add(disjunction());
        conditional.add(expect("else"));
        conditional.add(expression());
        return conditional;
    }

    private Node lambda() {
        Node lambda = new Node("lambda", true);
        lambda.add(token());
        if (!isOp(":")) {
            Node parameters = new Node("lambda_parameters", true);
            parameterList(parameters, true);
            lambda.add("parameters", parameters);
        }
        lambda.add(expect(":"));
        lambda.add("body", expression());
        return lambda;
    }

    private Node disjunction() {
        return booleanChain("or", this::conjunction);
    }

    private Node conjunction() {
        return booleanChain("and", this::inversion);
    }

    /** {@code a or b or c} (left-associative), each operand parsed by {@code operand}. */
    private Node booleanChain(String keyword, java.util.function.Supplier<Node> operand) {
        Node left = operand.get();
        while (isKeyword(keyword)) {
            Node operator = node("boolean_operator", left);
            left.field = "left";
            operator.add("operator", token());
            operator.add("right", operand.get());
            left = operator;
        }
        return left;
    }

    private Node inversion() {
        if (!isKeyword("not")) return comparison();
        Node not = new Node("not_operator", true);
        not.add(token());
        not.add("argument", inversion());
        return not;
    }

    private Node comparison() {
        Node first = bitwiseOr();
        if (!isComparisonOperator()) return first;
        Node comparison = node("comparison_operator", first);
        while (isComparisonOperator()) {
            Node operator;
            if (isKeyword("not")) {
                operator = new Node("not in", false);
                operator.add(token());
                operator.add(expect("in"));
            } else if (isKeyword("is") && values[p + 1] == "not" && kinds[p + 1] == KEYWORD) {
                operator = new Node("is not", false);
                operator.add(token());
                operator.add(token());
            } else {
                operator = token();
            }
            comparison.add("operators", operator);
            comparison.add(bitwiseOr());
        }
        return comparison;
    }

    private boolean isComparisonOperator() {
        if (kind() == OP) {
            return switch (values[p]) {
                case "<", ">", "==", ">=", "<=", "!=" -> true;
                default -> false;
            };
        }
        if (kind() != KEYWORD) return false;
        return values[p] == "in" || values[p] == "is"
                || values[p] == "not" && kinds[p + 1] == KEYWORD && values[p + 1] == "in";
    }

    /** Binary operators from `|` up, as tree-sitter ranks them: | & ^ (shifts) (+ -) (* @ / % //). */
    private Node bitwiseOr() {
        return binary(14);
    }

    private static int binaryPrecedence(String op) {
        return switch (op) {
            case "|" -> 14;
            case "&" -> 15;
            case "^" -> 16;
            case "<<", ">>" -> 17;
            case "+", "-" -> 18;
            case "*", "@", "/", "%", "//" -> 19;
            default -> -1;
        };
    }

    private Node binary(int minPrecedence) {
        Node left = unary();
        while (kind() == OP) {
            int precedence = binaryPrecedence(values[p]);
            if (precedence < minPrecedence) break;
            Node operator = node("binary_operator", left);
            left.field = "left";
            operator.add("operator", token());
            operator.add("right", binary(precedence + 1));
            left = operator;
        }
        return left;
    }

    private Node unary() {
        if (isOp("-") || isOp("+") || isOp("~")) {
            Node unary = new Node("unary_operator", true);
            unary.add("operator", token());
            unary.add("argument", unary());
            return unary;
        }
        if (isKeyword("await")) {
            Node await = new Node("await", true);
            await.add(token());
            await.add(unary());
            return await;
        }
        return power();
    }

    private Node power() {
        Node base = primary();
        if (!isOp("**")) return base;
        Node operator = node("binary_operator", base);
        base.field = "left";
        operator.add("operator", token());
        operator.add("right", unary());
        return operator;
    }

    private Node primary() {
        Node node = atom();
        while (kind() == OP) {
            String op = values[p];
            if (op == ".") {
                Node attribute = node("attribute", node);
                node.field = "object";
                attribute.add(token());
                attribute.add("attribute", identifier());
                node = attribute;
            } else if (op == "(") {
                Node call = node("call", node);
                node.field = "function";
                call.add("arguments", arguments());
                node = call;
            } else if (op == "[") {
                node = subscript(node);
            } else {
                break;
            }
        }
        return node;
    }

    private Node atom() {
        switch (kind()) {
            case NAME:
                return identifier();
            case NUMBER:
                return number();
            case STRING_START:
                return strings();
            case KEYWORD:
                return switch (values[p]) {
                    case "None" -> leaf("none", true);
                    case "True" -> leaf("true", true);
                    case "False" -> leaf("false", true);
                    default -> throw reject("keyword " + values[p] + " in an expression");
                };
            case OP:
                return switch (values[p]) {
                    case "(" -> parenthesized();
                    case "[" -> listDisplay();
                    case "{" -> braceDisplay();
                    case "..." -> leaf("ellipsis", true);
                    default -> throw reject("operator " + values[p] + " in an expression");
                };
            default:
                throw reject("unexpected token in an expression");
        }
    }

    private Node number() {
        if (kind() != NUMBER) throw reject("expected a number");
        boolean hex = ends[p] - starts[p] > 1 && text.charAt(starts[p]) == '0'
                && "xXoObB".indexOf(text.charAt(starts[p] + 1)) >= 0;
        boolean isFloat = false;
        if (!hex) {
            for (int i = starts[p]; i < ends[p]; i++) {
                char c = text.charAt(i);
                if (c == '.' || c == 'e' || c == 'E') {
                    isFloat = true;
                    break;
                }
            }
        }
        return leaf(isFloat ? "float" : "integer", true);
    }

    private Node parenthesized() {
        boolean asPatterns = p == asInParenthesesAt;
        Node open = token();
        if (isOp(")")) {
            Node tuple = node("tuple", open);
            tuple.add(token());
            return tuple;
        }
        if (isKeyword("yield")) {
            Node parenthesized = node("parenthesized_expression", open);
            parenthesized.add(yieldExpression());
            parenthesized.add(expect(")"));
            return parenthesized;
        }
        Node first = starExpression();
        if (asPatterns && isKeyword("as")) first = asPattern(first);
        if (startsComprehension()) {
            Node generator = node("generator_expression", open);
            generator.add("body", first);
            comprehensionClauses(generator);
            generator.add(expect(")"));
            return generator;
        }
        if (isOp(",")) {
            Node tuple = node("tuple", open);
            tuple.add(first);
            collectionRest(tuple);
            tuple.add(expect(")"));
            return tuple;
        }
        if (first.type.equals("list_splat")) throw reject("starred expression in parentheses");
        Node parenthesized = node("parenthesized_expression", open);
        parenthesized.add(first);
        parenthesized.add(expect(")"));
        return parenthesized;
    }

    private boolean startsComprehension() {
        return isKeyword("for") || isKeyword("async") && values[p + 1] == "for";
    }

    /** `, element`* with an optional trailing comma, elements being expressions, yields or splats. */
    private void collectionRest(Node collection) {
        while (isOp(",")) {
            collection.add(token());
            if (isOp(")") || isOp("]") || isOp("}")) return;
            collection.add(isKeyword("yield") ? yieldExpression() : starExpression());
        }
    }

    private Node listDisplay() {
        Node open = token();
        if (isOp("]")) {
            Node list = node("list", open);
            list.add(token());
            return list;
        }
        Node first = isKeyword("yield") ? yieldExpression() : starExpression();
        if (startsComprehension()) {
            Node comprehension = node("list_comprehension", open);
            comprehension.add("body", first);
            comprehensionClauses(comprehension);
            comprehension.add(expect("]"));
            return comprehension;
        }
        Node list = node("list", open);
        list.add(first);
        collectionRest(list);
        list.add(expect("]"));
        return list;
    }

    private Node braceDisplay() {
        Node open = token();
        if (isOp("}")) {
            Node dictionary = node("dictionary", open);
            dictionary.add(token());
            return dictionary;
        }
        Node first = dictionaryElement();
        boolean dictionary = first.type.equals("pair") || first.type.equals("dictionary_splat");
        if (startsComprehension()) {
            if (first.type.equals("dictionary_splat")) throw reject("dict unpacking in a comprehension");
            Node comprehension = node(dictionary ? "dictionary_comprehension" : "set_comprehension", open);
            comprehension.add("body", first);
            comprehensionClauses(comprehension);
            comprehension.add(expect("}"));
            return comprehension;
        }
        Node display = node(dictionary ? "dictionary" : "set", open);
        display.add(first);
        while (isOp(",")) {
            display.add(token());
            if (isOp("}")) break;
            Node element = dictionary ? dictionaryElement() : starExpression();
            if (dictionary != (element.type.equals("pair") || element.type.equals("dictionary_splat"))) {
                throw reject("dict and set elements mixed");
            }
            display.add(element);
        }
        display.add(expect("}"));
        return display;
    }

    private Node dictionaryElement() {
        if (isOp("**")) {
            Node splat = new Node("dictionary_splat", true);
            splat.add(token());
            splat.add(bitwiseOr());
            return splat;
        }
        Node key = starExpression();
        if (!isOp(":")) return key;
        Node pair = new Node("pair", true);
        pair.add("key", key);
        pair.add(token());
        pair.add("value", expression());
        return pair;
    }

    private void comprehensionClauses(Node comprehension) {
        while (true) {
            if (startsComprehension()) {
                Node clause = new Node("for_in_clause", true);
                if (isKeyword("async")) clause.add(token());
                clause.add(token());
                clause.add("left", forTarget());
                clause.add(expect("in"));
                clause.add("right", disjunction());
                comprehension.add(clause);
            } else if (isKeyword("if")) {
                Node clause = new Node("if_clause", true);
                clause.add(token());
                clause.add(disjunction());
                comprehension.add(clause);
            } else {
                return;
            }
        }
    }

    /** `(args)` of a call: an argument_list, or a generator_expression when it is the only argument. */
    private Node arguments() {
        Node open = token();
        if (isOp(")")) {
            Node arguments = node("argument_list", open);
            arguments.add(token());
            return arguments;
        }
        Node first = argument();
        if (startsComprehension()) {
            Node generator = node("generator_expression", open);
            generator.add("body", first);
            comprehensionClauses(generator);
            generator.add(expect(")"));
            return generator;
        }
        Node arguments = node("argument_list", open);
        arguments.add(first);
        while (isOp(",")) {
            arguments.add(token());
            if (isOp(")")) break;
            arguments.add(argument());
        }
        arguments.add(expect(")"));
        return arguments;
    }

    private Node argument() {
        if (isOp("*") && ambiguousStatement && startsNameWithSuffix(p + 1)) {
            throw reject("starred name with a suffix in a statement tree-sitter reads two ways");
        }
        if (isOp("*") || isOp("**")) {
            Node splat = new Node(isOp("*") ? "list_splat" : "dictionary_splat", true);
            splat.add(token());
            splat.add(expression());
            return splat;
        }
        if (kind() == NAME && isOpAt(p + 1, "=")) {
            Node keyword = new Node("keyword_argument", true);
            keyword.add("name", identifier());
            keyword.add(token());
            keyword.add("value", expression());
            return keyword;
        }
        return expression();
    }

    private Node subscript(Node value) {
        Node subscript = node("subscript", value);
        value.field = "value";
        subscript.add(token());
        while (true) {
            subscript.add("subscript", subscriptElement());
            if (!isOp(",")) break;
            subscript.add(token());
            if (isOp("]")) break;
        }
        subscript.add(expect("]"));
        return subscript;
    }

    private Node subscriptElement() {
        Node first = null;
        if (!isOp(":")) {
            first = starExpression();
            if (!isOp(":")) return first;
        }
        Node slice = new Node("slice", true);
        if (first != null) slice.add(first);
        slice.add(token());
        if (!isOp(":") && !isOp(",") && !isOp("]")) slice.add(expression());
        if (isOp(":")) {
            slice.add(token());
            if (!isOp(",") && !isOp("]")) slice.add(expression());
        }
        return slice;
    }

    // ---- strings

    private Node strings() {
        Node first = string();
        if (kind() != STRING_START) return first;
        Node concatenated = node("concatenated_string", first);
        while (kind() == STRING_START) concatenated.add(string());
        return concatenated;
    }

    private Node string() {
        Node string = node("string", leaf("string_start", true));
        Node content = null;
        while (true) {
            switch (kind()) {
                case STRING_CONTENT -> {
                    if (content == null) content = new Node("string_content", true);
                    content.cover(p, p, starts[p], ends[p], lines[p]);
                    p++;
                }
                case ESCAPE_SEQUENCE, ESCAPE_INTERPOLATION -> {
                    if (content == null) content = new Node("string_content", true);
                    content.add(leaf(kind() == ESCAPE_SEQUENCE ? "escape_sequence" : "escape_interpolation", true));
                }
                case BACKSLASH -> {
                    if (content == null) content = new Node("string_content", true);
                    content.add(leaf("\\", false));
                }
                case INTERPOLATION_START -> {
                    if (content != null) string.add(content);
                    content = null;
                    string.add(interpolation("interpolation"));
                }
                case STRING_END -> {
                    if (content != null) string.add(content);
                    string.add(leaf("string_end", true));
                    return string;
                }
                default -> throw reject("unexpected token in a string");
            }
        }
    }

    private Node interpolation(String type) {
        Node interpolation = node(type, leaf("{", false));
        Node expression;
        if (isKeyword("yield")) {
            expression = yieldExpression();
        } else {
            expression = starExpression();
            if (isOp(",")) {
                Node list = new Node("expression_list", true);
                list.add(expression);
                commaContinuation(list);
                expression = list;
            }
        }
        interpolation.add("expression", expression);
        if (isOp("=")) interpolation.add(token());
        if (kind() == TYPE_CONVERSION) interpolation.add("type_conversion", leaf("type_conversion", true));
        if (isOp(":")) {
            Node specifier = node("format_specifier", token());
            while (kind() != INTERPOLATION_END) {
                if (kind() == FORMAT_TEXT) {
                    specifier.cover(p, p, starts[p], ends[p], lines[p]);
                    p++;
                } else if (kind() == INTERPOLATION_START) {
                    specifier.add(interpolation("format_expression"));
                } else {
                    throw reject("unexpected token in a format specifier");
                }
            }
            interpolation.add("format_specifier", specifier);
        }
        if (kind() != INTERPOLATION_END) throw reject("expected '}' closing an interpolation");
        interpolation.add(leaf("}", false));
        return interpolation;
    }

    // ---- comments and line continuations

    /**
     * Puts each comment and line continuation where tree-sitter does: into the deepest node that has a token
     * (visible or not) both before and after it, among that node's children in source order.
     */
    private void placeExtras(Node module) {
        for (int i = 0; i < tokens.extraCount; i++) {
            int before = tokens.extraBefore[i];
            Node extra = new Node(tokens.extraKinds[i] == PyTokenizer.COMMENT ? "comment" : "line_continuation", true);
            extra.start = tokens.extraStarts[i];
            extra.end = tokens.extraEnds[i];
            extra.line = tokens.extraLines[i];
            // Ordered after any child or extra that ends before the token it precedes.
            extra.firstToken = before - 1;
            extra.lastToken = before - 1;
            Node owner = module;
            int index;
            while (true) {
                index = firstChildFrom(owner, before);
                if (index > 0) {
                    Node previous = owner.children[index - 1];
                    if (previous.lastToken >= before && previous.childCount > 0) {
                        owner = previous;
                        continue;
                    }
                }
                break;
            }
            insert(owner, index, extra);
        }
    }

    /** The index of the first child of {@code owner} that starts at or after token {@code token}. */
    private static int firstChildFrom(Node owner, int token) {
        int lo = 0;
        int hi = owner.childCount;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (owner.children[mid].firstToken < token) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static void insert(Node owner, int index, Node extra) {
        if (owner.children == null) owner.children = new Node[2];
        else if (owner.childCount == owner.children.length) {
            owner.children = Arrays.copyOf(owner.children, owner.childCount * 2);
        }
        System.arraycopy(owner.children, index, owner.children, index + 1, owner.childCount - index);
        owner.children[index] = extra;
        owner.childCount++;
    }
}
