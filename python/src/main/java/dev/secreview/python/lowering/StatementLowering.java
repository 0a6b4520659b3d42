package dev.secreview.python.lowering;

import dev.secreview.core.engine.FileDeadline;
import dev.secreview.dataflow.ir.FunctionBuilder;
import dev.secreview.dataflow.ir.Expr;
import dev.secreview.dataflow.ir.Instruction;
import dev.secreview.dataflow.ir.Operand;
import dev.secreview.dataflow.ir.Operator;
import dev.secreview.dataflow.ir.Terminator;
import dev.secreview.python.semantic.PythonFile;
import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lowers the statements of one function body to basic blocks. Nested functions and classes are
 * lowered as functions of their own; here they only bind their name.
 */
final class StatementLowering {
    private static final Operand UNKNOWN_CONDITION = new Operand.Local("$unknown");

    private final PythonLowering lowering;
    private final PythonFile file;
    private final FunctionBuilder builder;
    private final ExpressionLowering expressions;
    private final String qualifiedName;

    StatementLowering(PythonLowering lowering, PythonFile file, FunctionBuilder builder, PyNode scopeNode,
                      String qualifiedName) {
        this.lowering = lowering;
        this.file = file;
        this.builder = builder;
        this.qualifiedName = qualifiedName;
        this.expressions = new ExpressionLowering(lowering, file, builder, scopeNode);
    }

    /** {@code target = callable()}: a parameter the framework fills by calling {@code callable} (FastAPI's Depends). */
    void assignCallOf(String target, PyNode callable) {
        expressions.assignCallOf(target, callable);
    }

    void block(PyNode body) {
        for (PyNode statement : body.namedChildren()) statement(statement);
    }

    private void statement(PyNode node) {
        FileDeadline.check();
        switch (node.type()) {
            case "expression_statement" -> {
                for (PyNode expression : node.namedChildren()) expressionStatement(expression);
            }
            case "return_statement" -> {
                PyNode value = node.namedChildren().isEmpty() ? null : node.namedChildren().get(0);
                builder.terminate(new Terminator.Return(expressions.operand(value), node.range()));
            }
            case "if_statement" -> ifStatement(node);
            case "while_statement" -> whileStatement(node);
            case "for_statement" -> forStatement(node);
            case "try_statement" -> tryStatement(node);
            case "with_statement" -> withStatement(node);
            case "match_statement" -> matchStatement(node);
            case "raise_statement" -> {
                for (PyNode child : node.namedChildren()) expressions.operand(child);
                builder.terminate(new Terminator.Raise());
            }
            case "assert_statement" -> {
                int holds = builder.newBlock(), fails = builder.newBlock();
                if (!node.namedChildren().isEmpty()) expressions.condition(node.namedChildren().get(0), holds, fails);
                builder.switchTo(fails);
                builder.terminate(new Terminator.Raise());
                builder.switchTo(holds);
            }
            case "break_statement", "continue_statement" -> {
                int[] loop = builder.loop();
                if (loop != null) builder.terminate(new Terminator.Jump(node.is("break_statement") ? loop[1] : loop[0]));
            }
            case "function_definition" -> definition(node, List.of());
            case "class_definition" -> classDefinition(node);
            case "decorated_definition" -> decorated(node);
            case "block" -> block(node);
            default -> { }
        }
    }

    private void expressionStatement(PyNode expression) {
        switch (expression.type()) {
            case "assignment" -> assignment(expression);
            case "augmented_assignment" -> augmented(expression);
            default -> expressions.operand(expression);
        }
    }

    private void assignment(PyNode node) {
        PyNode left = node.field("left");
        PyNode right = node.field("right");
        if (left == null || right == null) return;
        if (right.is("assignment")) {
            assignment(right);
            store(left, expressions.operand(right.field("left")), node);
            return;
        }
        if (left.is("identifier")) {
            expressions.assign(left.text(), right);
            return;
        }
        store(left, expressions.operand(right), node);
    }

    /** Binds {@code value} to an assignment target: a name, attribute, subscript or unpacking pattern. */
    private void store(PyNode target, Operand value, PyNode at) {
        switch (target.type()) {
            case "identifier" -> builder.emit(new Instruction.Assign(target.text(), new Expr.Use(value), at.range()));
            case "attribute" -> builder.emit(new Instruction.StoreAttribute(expressions.operand(target.field("object")),
                    ExpressionLowering.text(target.field("attribute")), value, at.range()));
            case "subscript" -> {
                Operand object = expressions.operand(target.field("value"));
                List<PyNode> keys = target.fields("subscript");
                Operand key = keys.size() == 1 && !keys.get(0).is("slice") ? expressions.operand(keys.get(0))
                        : new Operand.Local("$unknown");
                builder.emit(new Instruction.StoreItem(object, key, value, at.range()));
            }
            case "pattern_list", "tuple_pattern", "list_pattern", "tuple", "list", "expression_list" -> {
                List<PyNode> parts = target.namedChildren();
                for (int i = 0; i < parts.size(); i++) {
                    PyNode part = parts.get(i);
                    String element = builder.temporary();
                    Expr read = part.is("list_splat_pattern") ? new Expr.Opaque(List.of(value))
                            : new Expr.LoadItem(value, new Operand.Const((long) i));
                    builder.emit(new Instruction.Assign(element, read, at.range()));
                    PyNode bound = part.is("list_splat_pattern") && !part.namedChildren().isEmpty()
                            ? part.namedChildren().get(0) : part;
                    store(bound, new Operand.Local(element), at);
                }
            }
            case "parenthesized_expression" -> {
                if (target.namedChildren().size() == 1) store(target.namedChildren().get(0), value, at);
            }
            default -> { }
        }
    }

    private void augmented(PyNode node) {
        PyNode left = node.field("left");
        PyNode right = node.field("right");
        PyNode operator = node.field("operator");
        if (left == null || right == null || operator == null) return;
        String op = operator.type().substring(0, operator.type().length() - 1);
        Operand current = expressions.operand(left);
        Operand added = expressions.operand(right);
        String result = left.is("identifier") ? left.text() : builder.temporary();
        builder.emit(new Instruction.Assign(result, new Expr.Binary(Operators.binary(op), current, added), node.range()));
        if (!left.is("identifier")) store(left, new Operand.Local(result), node);
    }

    private void ifStatement(PyNode node) {
        int after = builder.newBlock();
        List<PyNode[]> arms = new ArrayList<>();
        arms.add(new PyNode[]{node.field("condition"), node.field("consequence")});
        PyNode elseBody = null;
        for (PyNode alternative : node.fields("alternative")) {
            if (alternative.is("elif_clause")) {
                arms.add(new PyNode[]{alternative.field("condition"), alternative.field("consequence")});
            } else if (alternative.is("else_clause")) {
                elseBody = alternative.field("body");
            }
        }
        for (PyNode[] arm : arms) {
            int then = builder.newBlock(), otherwise = builder.newBlock();
            if (arm[0] == null) builder.terminate(new Terminator.Branch(UNKNOWN_CONDITION, then, otherwise));
            else expressions.condition(arm[0], then, otherwise);
            builder.switchTo(then);
            if (arm[1] != null) block(arm[1]);
            builder.terminate(new Terminator.Jump(after));
            builder.switchTo(otherwise);
        }
        if (elseBody != null) block(elseBody);
        builder.continueIn(after);
    }

    private void whileStatement(PyNode node) {
        PyNode condition = node.field("condition");
        loop(node, body -> {
            if (condition == null) builder.terminate(new Terminator.Branch(UNKNOWN_CONDITION, body[0], body[1]));
            else expressions.condition(condition, body[0], body[1]);
        }, () -> { });
    }

    private void forStatement(PyNode node) {
        Operand iterable = expressions.operand(node.field("right"));
        PyNode target = node.field("left");
        loop(node, body -> builder.terminate(new Terminator.Branch(UNKNOWN_CONDITION, body[0], body[1])), () -> {
            if (target == null) return;
            String element = builder.temporary();
            builder.emit(new Instruction.Assign(element, new Expr.Element(iterable), target.range()));
            store(target, new Operand.Local(element), target);
        });
    }

    /**
     * A loop: a header that {@code test}s whether to run the body or leave ({@code {body, exit}}),
     * the body (after {@code bind}ing the loop variable), the {@code else} clause on leaving normally.
     */
    private void loop(PyNode node, java.util.function.Consumer<int[]> test, Runnable bind) {
        int header = builder.newBlock(), body = builder.newBlock(), exit = builder.newBlock(), after = builder.newBlock();
        builder.continueIn(header);
        test.accept(new int[]{body, exit});
        builder.switchTo(body);
        bind.run();
        builder.enterLoop(header, after);
        if (node.field("body") != null) block(node.field("body"));
        builder.exitLoop();
        builder.terminate(new Terminator.Jump(header));
        builder.switchTo(exit);
        PyNode orElse = node.field("alternative");
        if (orElse != null && orElse.field("body") != null) block(orElse.field("body"));
        builder.continueIn(after);
    }

    /**
     * Handlers may run from the start of the body or after it: both states reach them. Finally
     * blocks run after the body or a handler, and on the way out of an exception no handler takes.
     */
    private void tryStatement(PyNode node) {
        int body = builder.newBlock(), handlers = builder.newBlock(), after = builder.newBlock();
        builder.terminate(new Terminator.Branch(UNKNOWN_CONDITION, body, handlers));
        builder.switchTo(body);
        if (node.field("body") != null) block(node.field("body"));
        int done = builder.newBlock();
        builder.terminate(new Terminator.Branch(UNKNOWN_CONDITION, done, handlers));
        builder.switchTo(done);
        PyNode finallyBody = null;
        for (PyNode clause : node.namedChildren()) {
            if (clause.is("else_clause") && clause.field("body") != null) block(clause.field("body"));
            if (clause.is("finally_clause")) finallyBody = clause;
        }
        builder.terminate(new Terminator.Jump(after));
        builder.switchTo(handlers);
        for (PyNode clause : node.namedChildren()) {
            if (!clause.is("except_clause") && !clause.is("except_group_clause")) continue;
            int handler = builder.newBlock(), next = builder.newBlock();
            builder.terminate(new Terminator.Branch(UNKNOWN_CONDITION, handler, next));
            builder.switchTo(handler);
            PyNode alias = clause.field("alias");
            if (alias != null && alias.is("identifier")) {
                builder.emit(new Instruction.Assign(alias.text(), new Expr.Opaque(List.of()), alias.range()));
            }
            for (PyNode child : clause.namedChildren()) if (child.is("block")) block(child);
            builder.terminate(new Terminator.Jump(after));
            builder.switchTo(next);
        }
        // An exception no handler takes still runs the finally block on its way out: without this
        // path, a finally block testing a flag the body sets would look dead.
        finallyBlock(finallyBody);
        builder.terminate(new Terminator.Raise());
        builder.switchTo(after);
        finallyBlock(finallyBody);
    }

    private void finallyBlock(PyNode clause) {
        if (clause == null) return;
        for (PyNode child : clause.namedChildren()) if (child.is("block")) block(child);
    }

    private void withStatement(PyNode node) {
        for (PyNode clause : node.namedChildren()) {
            if (!clause.is("with_clause")) continue;
            for (PyNode item : clause.namedChildren()) {
                PyNode value = item.field("value");
                if (value == null) continue;
                if (value.is("as_pattern")) {
                    PyNode expression = value.namedChildren().isEmpty() ? null : value.namedChildren().get(0);
                    PyNode alias = value.field("alias");
                    Operand managed = expressions.operand(expression);
                    PyNode target = alias == null || alias.namedChildren().isEmpty() ? alias : alias.namedChildren().get(0);
                    if (target != null) store(target, managed, value);
                } else {
                    expressions.operand(value);
                }
            }
        }
        PyNode body = node.field("body");
        if (body != null) block(body);
    }

    /** Literal and alternative patterns test equality with the subject; other patterns may match anything. */
    private void matchStatement(PyNode node) {
        Operand subject = expressions.operand(node.field("subject"));
        int after = builder.newBlock();
        PyNode body = node.field("body");
        List<PyNode> cases = body == null ? List.of() : body.namedChildren();
        for (PyNode clause : cases) {
            if (!clause.is("case_clause")) continue;
            int then = builder.newBlock(), next = builder.newBlock();
            List<PyNode> patterns = new ArrayList<>();
            for (PyNode child : clause.namedChildren()) if (child.is("case_pattern")) patterns.add(child);
            casePattern(patterns, subject, then, next);
            builder.switchTo(then);
            PyNode guard = clause.field("guard");
            if (guard != null && !guard.namedChildren().isEmpty()) {
                int guarded = builder.newBlock();
                expressions.condition(guard.namedChildren().get(0), guarded, next);
                builder.switchTo(guarded);
            }
            PyNode consequence = clause.field("consequence");
            if (consequence != null) block(consequence);
            builder.terminate(new Terminator.Jump(after));
            builder.switchTo(next);
        }
        builder.continueIn(after);
    }

    private void casePattern(List<PyNode> patterns, Operand subject, int matched, int unmatched) {
        if (patterns.size() != 1) {
            builder.terminate(new Terminator.Branch(UNKNOWN_CONDITION, matched, unmatched));
            return;
        }
        List<PyNode> alternatives = new ArrayList<>();
        PyNode pattern = patterns.get(0);
        PyNode inner = pattern.namedChildren().isEmpty() ? null : pattern.namedChildren().get(0);
        if (inner == null) {
            builder.terminate(new Terminator.Jump(matched));   // `case _:`
            return;
        }
        if (inner.is("union_pattern")) alternatives.addAll(inner.namedChildren());
        else alternatives.add(inner);
        for (PyNode alternative : alternatives) {
            Object literal = lowering.literal(alternative);
            int next = builder.newBlock();
            if (literal == null) {
                if (alternative.is("dotted_name") && alternative.namedChildren().size() == 1) {
                    builder.emit(new Instruction.Assign(alternative.text(), new Expr.Use(subject), alternative.range()));
                    builder.terminate(new Terminator.Jump(matched));
                } else {
                    builder.terminate(new Terminator.Branch(UNKNOWN_CONDITION, matched, next));
                }
            } else {
                String test = builder.temporary();
                builder.emit(new Instruction.Assign(test, new Expr.Binary(Operator.EQUAL, subject, new Operand.Const(literal)),
                        alternative.range()));
                builder.terminate(new Terminator.Branch(new Operand.Local(test), matched, next));
            }
            builder.switchTo(next);
        }
        builder.terminate(new Terminator.Jump(unmatched));
    }

    private void decorated(PyNode node) {
        List<String> decorators = new ArrayList<>();
        for (PyNode child : node.namedChildren()) {
            if (!child.is("decorator") || child.namedChildren().isEmpty()) continue;
            PyNode expression = child.namedChildren().get(0);
            PyNode callee = expression.is("call") ? expression.field("function") : expression;
            decorators.add(decoratorName(callee));
        }
        PyNode definition = node.field("definition");
        if (definition == null) return;
        if (definition.is("function_definition")) definition(definition, decorators);
        else if (definition.is("class_definition")) classDefinition(definition);
    }

    /** The decorator's qualified name; for an unresolved receiver, its spelling ({@code app.route}). */
    private String decoratorName(PyNode callee) {
        String qualified = file.qualifiedName(callee);
        return qualified != null ? qualified : callee.text();
    }

    private void definition(PyNode node, List<String> decorators) {
        PyNode name = node.field("name");
        if (name == null) return;
        String qualified = childName(name.text());
        lowering.lowerFunction(node, qualified, null, decorators);
        builder.emit(new Instruction.Assign(name.text(), new Expr.Use(new Operand.Global(qualified)), name.range()));
    }

    private void classDefinition(PyNode node) {
        PyNode name = node.field("name");
        if (name == null) return;
        String qualified = childName(name.text());
        List<String> bases = new ArrayList<>();
        PyNode superclasses = node.field("superclasses");
        if (superclasses != null) {
            for (PyNode base : superclasses.namedChildren()) {
                if (base.is("keyword_argument") || base.is("comment")) continue;   // metaclass=...
                // A base chosen at import time (`if fast: Base = yaml.CSafeLoader / else: Base = yaml.SafeLoader`)
                // is each candidate. Every class derives from object: naming it adds nothing. A base computed
                // at run time keeps its text, a name no class of the tree has: what it binds is not known.
                Set<String> candidates = new LinkedHashSet<>(file.qualifiedNames(base));
                if (candidates.isEmpty()) {
                    candidates.add(base.is("identifier") ? lowering.moduleName() + "." + base.text() : base.text());
                }
                candidates.remove("object");
                bases.addAll(candidates);
            }
        }
        Map<String, String> attributeTypes = new HashMap<>();
        PyNode body = node.field("body");
        if (body != null) {
            new ClassBodyLowering(this, file, qualified).lower(body, attributeTypes);
        }
        lowering.addClass(node, qualified, bases, attributeTypes);
        builder.emit(new Instruction.Assign(name.text(), new Expr.Use(new Operand.Global(qualified)), name.range()));
    }

    /** Methods and nested classes of a class body, and its annotated attributes' types. */
    private record ClassBodyLowering(StatementLowering outer, PythonFile file, String className) {
        void lower(PyNode body, Map<String, String> attributeTypes) {
            for (PyNode statement : body.namedChildren()) {
                PyNode definition = statement.definition();
                if (definition == null) continue;
                if (definition.is("function_definition")) {
                    PyNode name = definition.field("name");
                    if (name == null) continue;
                    List<String> decorators = new ArrayList<>();
                    if (statement.is("decorated_definition")) {
                        for (PyNode child : statement.namedChildren()) {
                            if (child.is("decorator") && !child.namedChildren().isEmpty()) {
                                PyNode e = child.namedChildren().get(0);
                                decorators.add(outer.decoratorName(e.is("call") ? e.field("function") : e));
                            }
                        }
                    }
                    outer.lowering.lowerFunction(definition, className + "." + name.text(), className, decorators);
                } else if (statement.is("expression_statement") && !statement.namedChildren().isEmpty()) {
                    PyNode assignment = statement.namedChildren().get(0);
                    PyNode left = assignment.is("assignment") ? assignment.field("left") : null;
                    PyNode type = assignment.is("assignment") ? assignment.field("type") : null;
                    if (left != null && left.is("identifier") && type != null) {
                        String typeName = outer.lowering.typeName(type);
                        if (typeName != null) attributeTypes.put(left.text(), typeName);
                    }
                }
            }
        }
    }

    private String childName(String name) {
        String base = qualifiedName.endsWith("." + dev.secreview.dataflow.ir.SourceModule.TOP_LEVEL)
                ? lowering.moduleName() : qualifiedName;
        return base + "." + name;
    }
}
