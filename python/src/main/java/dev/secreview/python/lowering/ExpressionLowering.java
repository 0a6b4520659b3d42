package dev.secreview.python.lowering;

import dev.secreview.dataflow.ir.FunctionBuilder;
import dev.secreview.dataflow.ir.Argument;
import dev.secreview.dataflow.ir.Expr;
import dev.secreview.dataflow.ir.Instruction;
import dev.secreview.dataflow.ir.Operand;
import dev.secreview.dataflow.ir.Operator;
import dev.secreview.dataflow.ir.Terminator;
import dev.secreview.python.semantic.Attributes;
import dev.secreview.python.semantic.Binding;
import dev.secreview.python.semantic.PythonFile;
import dev.secreview.python.semantic.Scope;
import dev.secreview.python.semantic.StringLiteral;
import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Lowers Python expressions to operands, emitting the instructions that compute them into
 * temporaries; conditions become branches (with {@code and}, {@code or}, {@code not} and
 * conditional expressions as control flow, so each test refines its own edge).
 */
final class ExpressionLowering {
    private final PythonFile file;
    private final FunctionBuilder builder;
    private final PyNode scopeNode;
    private final PythonLowering lowering;
    /** How deep the expression being lowered is nested; generated code can nest thousands deep. */
    private int depth;
    /** Deeper expressions are not modelled: their value is unknown, which keeps lowering linear. */
    private static final int MAX_DEPTH = 100;

    ExpressionLowering(PythonLowering lowering, PythonFile file, FunctionBuilder builder, PyNode scopeNode) {
        this.lowering = lowering;
        this.file = file;
        this.builder = builder;
        this.scopeNode = scopeNode;
    }

    /** Emits {@code target = value} for an expression statement's right-hand side, lowering it in place. */
    void assign(String target, PyNode expression) {
        builder.emit(new Instruction.Assign(target, expr(expression), expression.range()));
    }

    /** Emits {@code target = callable()}, a call with no arguments of its own. */
    void assignCallOf(String target, PyNode callable) {
        builder.emit(new Instruction.Assign(target, new Expr.Call(operand(callable), null, List.of()), callable.range()));
    }

    Operand operand(PyNode node) {
        if (node == null) return new Operand.Const(dev.secreview.dataflow.ir.Constant.NONE);
        if (depth >= MAX_DEPTH) return new Operand.Local("$unknown");
        depth++;
        try {
            return lowered(node);
        } finally {
            depth--;
        }
    }

    private Operand lowered(PyNode node) {
        switch (node.type()) {
            case "identifier":
                return name(node);
            case "parenthesized_expression": {
                List<PyNode> inner = node.namedChildren();
                return inner.size() == 1 ? operand(inner.get(0)) : temporary(node);
            }
            case "integer", "float", "true", "false", "none", "string", "concatenated_string", "unary_operator": {
                Object constant = literal(node);
                if (constant != null) return new Operand.Const(constant);
                return temporary(node);
            }
            default:
                return temporary(node);
        }
    }

    private Object literal(PyNode node) {
        if (node.is("string") && StringLiteral.hasInterpolation(node)) return null;
        return lowering.literal(node);
    }

    private Operand temporary(PyNode node) {
        String temporary = builder.temporary();
        builder.emit(new Instruction.Assign(temporary, expr(node), node.range()));
        return new Operand.Local(temporary);
    }

    /** A name: a local of this function, or the qualified name of an import, a module global or a builtin. */
    Operand name(PyNode identifier) {
        String name = identifier.text();
        List<Binding> bindings = file.resolve(name, identifier);
        if (!bindings.isEmpty() && bindings.stream().allMatch(b -> b.kind() == Binding.Kind.IMPORT)) {
            String qualified = bindings.get(0).qualifiedName();
            if (bindings.stream().allMatch(b -> b.qualifiedName().equals(qualified))) return new Operand.Global(qualified);
        }
        Scope scope = file.scopeOf(identifier);
        boolean local = scope.node() == scopeNode && !scope.bindings(name).isEmpty();
        if (local && !scopeNode.is("module")) return new Operand.Local(name);
        if (bindings.isEmpty()) return new Operand.Global(name);
        Scope module = moduleScope(scope);
        if (!module.bindings(name).isEmpty() && (!scopeNode.is("module") || !local)) {
            return new Operand.Global(lowering.moduleName() + "." + name);
        }
        if (!local) {
            // A name of an enclosing function, bound there once to a constant: the nested function reads that.
            Object constant = lowering.literal(identifier);
            if (constant != null) return new Operand.Const(constant);
        }
        return new Operand.Local(name);
    }

    private static Scope moduleScope(Scope scope) {
        Scope s = scope;
        while (s.parent() != null) s = s.parent();
        return s;
    }

    Expr expr(PyNode node) {
        switch (node.type()) {
            case "call":
                return call(node);
            case "attribute":
                return new Expr.LoadAttribute(operand(node.field("object")), text(node.field("attribute")));
            case "subscript":
                return subscript(node);
            case "binary_operator":
                return new Expr.Binary(Operators.binary(operatorText(node)), operand(node.field("left")), operand(node.field("right")));
            case "boolean_operator":
                return new Expr.Binary(Operators.binary(operatorText(node)), operand(node.field("left")), operand(node.field("right")));
            case "comparison_operator":
                return comparison(node);
            case "not_operator":
                return new Expr.Unary(Operator.NOT, operand(node.field("argument")));
            case "unary_operator":
                return new Expr.Unary(Operators.unary(operatorText(node)), operand(node.field("argument")));
            case "string":
            case "concatenated_string":
                return stringExpr(node);
            case "list", "tuple", "expression_list", "pattern_list", "tuple_pattern", "list_pattern":
                return sequence(node, node.is("list") ? Expr.Sequence.Kind.LIST : Expr.Sequence.Kind.TUPLE);
            case "set":
                return sequence(node, Expr.Sequence.Kind.SET);
            case "dictionary":
                return dictionary(node);
            case "conditional_expression":
                return conditional(node);
            case "named_expression": {
                PyNode target = node.field("name");
                Operand value = operand(node.field("value"));
                if (target != null) builder.emit(new Instruction.Assign(target.text(), new Expr.Use(value), node.range()));
                return new Expr.Use(value);
            }
            case "await", "parenthesized_expression": {
                List<PyNode> inner = node.namedChildren();
                return inner.size() == 1 ? new Expr.Use(operand(inner.get(0))) : opaque(node);
            }
            case "identifier", "integer", "float", "true", "false", "none":
                return new Expr.Use(operand(node));
            case "list_comprehension", "set_comprehension", "generator_expression", "dictionary_comprehension":
                return comprehension(node);
            case "lambda":
                return new Expr.Opaque(List.of());
            default:
                return opaque(node);
        }
    }

    private Expr call(PyNode node) {
        PyNode function = node.field("function");
        List<Argument> arguments = arguments(node.field("arguments"));
        if (function != null && function.is("attribute")) {
            Operand receiver = operand(function.field("object"));
            storeThroughDict(function, arguments, node);
            return new Expr.Call(receiver, text(function.field("attribute")), arguments);
        }
        if (Attributes.Setattr.of(node, file) != null) {
            // setattr(obj, "name", value) is obj.name = value; with a computed name, any attribute may change.
            Operand name = arguments.get(1).value();
            String attribute = name instanceof Operand.Const c && c.value() instanceof String s
                    ? s : Instruction.StoreAttribute.ANY;
            builder.emit(new Instruction.StoreAttribute(arguments.get(0).value(), attribute, arguments.get(2).value(),
                    node.range()));
        }
        return new Expr.Call(operand(function), null, arguments);
    }

    /** {@code obj.__dict__.update(values)} sets attributes of {@code obj} chosen at run time. */
    private void storeThroughDict(PyNode method, List<Argument> arguments, PyNode at) {
        PyNode dict = method.field("object");
        if (!text(method.field("attribute")).equals("update") || !dict.is("attribute")
                || !text(dict.field("attribute")).equals("__dict__") || arguments.isEmpty()) {
            return;
        }
        builder.emit(new Instruction.StoreAttribute(operand(dict.field("object")), Instruction.StoreAttribute.ANY,
                arguments.get(0).value(), at.range()));
    }

    private List<Argument> arguments(PyNode list) {
        List<Argument> arguments = new ArrayList<>();
        if (list == null) return arguments;
        if (list.is("generator_expression")) {
            arguments.add(new Argument(null, temporary(list)));
            return arguments;
        }
        for (PyNode argument : list.namedChildren()) {
            switch (argument.type()) {
                case "keyword_argument" -> arguments.add(new Argument(text(argument.field("name")),
                        operand(argument.field("value"))));
                case "list_splat" -> arguments.add(new Argument("*", operand(first(argument))));
                case "dictionary_splat" -> arguments.add(new Argument("**", operand(first(argument))));
                case "comment" -> { }
                default -> arguments.add(new Argument(null, operand(argument)));
            }
        }
        return arguments;
    }

    private Expr subscript(PyNode node) {
        Operand object = operand(node.field("value"));
        List<PyNode> keys = node.fields("subscript");
        if (keys.size() == 1 && keys.get(0).is("slice")) {
            PyNode slice = keys.get(0);
            PyNode[] bounds = sliceBounds(slice);
            return new Expr.Slice(object, bounds[0] == null ? null : operand(bounds[0]),
                    bounds[1] == null ? null : operand(bounds[1]));
        }
        if (keys.size() == 1) return new Expr.LoadItem(object, operand(keys.get(0)));
        return new Expr.Opaque(List.of(object));
    }

    /** {@code [lower:upper]} bounds of a slice node; a step makes both unknown-but-present. */
    private static PyNode[] sliceBounds(PyNode slice) {
        PyNode lower = null, upper = null;
        int colons = 0;
        for (PyNode child : slice.children()) {
            if (child.type().equals(":")) colons++;
            else if (child.isNamed() && colons == 0) lower = child;
            else if (child.isNamed() && colons == 1) upper = child;
        }
        return new PyNode[]{lower, upper};
    }

    private Expr comparison(PyNode node) {
        List<PyNode> operands = node.namedChildren();
        if (operands.size() != 2) return opaque(node);
        return new Expr.Binary(Operators.binary(comparisonOperators(node).get(0)), operand(operands.get(0)),
                operand(operands.get(1)));
    }

    /** The operators between a comparison's operands, in order, as Python spells them ({@code <}, {@code not in}). */
    private static List<String> comparisonOperators(PyNode node) {
        List<String> operators = new ArrayList<>();
        StringBuilder operator = new StringBuilder();
        boolean afterOperand = false;
        for (PyNode child : node.children()) {
            if (!child.isNamed()) {
                operator.append(operator.length() == 0 ? "" : " ").append(child.type());
            } else if (!child.is("comment")) {
                if (afterOperand) operators.add(operator.toString());
                operator.setLength(0);
                afterOperand = true;
            }
        }
        return operators;
    }

    private Expr stringExpr(PyNode node) {
        Object constant = literal(node);
        if (constant != null) return new Expr.Use(new Operand.Const(constant));
        List<Operand> parts = new ArrayList<>();
        List<PyNode> strings = node.is("concatenated_string") ? node.namedChildren() : List.of(node);
        for (PyNode string : strings) {
            if (!string.is("string")) continue;
            if (!StringLiteral.hasInterpolation(string)) {
                parts.add(new Operand.Const(StringLiteral.value(string)));
                continue;
            }
            for (PyNode part : string.namedChildren()) {
                if (part.is("string_content")) parts.add(new Operand.Const(part.text()));
                else if (part.is("interpolation")) parts.add(operand(part.field("expression")));
            }
        }
        return new Expr.Concat(parts);
    }

    private Expr sequence(PyNode node, Expr.Sequence.Kind kind) {
        List<Operand> items = new ArrayList<>();
        for (PyNode item : node.namedChildren()) {
            if (item.is("comment")) continue;
            if (item.is("list_splat") || item.is("list_splat_pattern")) return opaque(node);
            items.add(operand(item));
        }
        return new Expr.Sequence(kind, items);
    }

    private Expr dictionary(PyNode node) {
        List<Operand> keys = new ArrayList<>();
        List<Operand> entries = new ArrayList<>();
        for (PyNode pair : node.namedChildren()) {
            if (pair.is("comment")) continue;
            if (!pair.is("pair")) return opaque(node);
            keys.add(operand(pair.field("key")));
            entries.add(operand(pair.field("value")));
        }
        return new Expr.Mapping(keys, entries);
    }

    /** {@code a if c else b} as control flow, so a constant condition leaves one arm dead. */
    private Expr conditional(PyNode node) {
        List<PyNode> parts = node.namedChildren();
        if (parts.size() != 3) return opaque(node);
        String result = builder.temporary();
        int whenTrue = builder.newBlock(), whenFalse = builder.newBlock(), after = builder.newBlock();
        condition(parts.get(1), whenTrue, whenFalse);
        builder.switchTo(whenTrue);
        builder.emit(new Instruction.Assign(result, new Expr.Use(operand(parts.get(0))), parts.get(0).range()));
        builder.continueIn(after);
        builder.switchTo(whenFalse);
        builder.emit(new Instruction.Assign(result, new Expr.Use(operand(parts.get(2))), parts.get(2).range()));
        builder.continueIn(after);
        return new Expr.Use(new Operand.Local(result));
    }

    /** Branches to {@code whenTrue} or {@code whenFalse} on {@code node}, short-circuiting as Python does. */
    void condition(PyNode node, int whenTrue, int whenFalse) {
        if (node.is("parenthesized_expression") && node.namedChildren().size() == 1) {
            condition(node.namedChildren().get(0), whenTrue, whenFalse);
            return;
        }
        if (node.is("not_operator") && node.field("argument") != null) {
            condition(node.field("argument"), whenFalse, whenTrue);
            return;
        }
        if (node.is("comparison_operator") && node.namedChildren().size() > 2) {
            chainedComparison(node, whenTrue, whenFalse);
            return;
        }
        if (node.is("boolean_operator")) {
            int next = builder.newBlock();
            if (operatorText(node).equals("and")) condition(node.field("left"), next, whenFalse);
            else condition(node.field("left"), whenTrue, next);
            builder.switchTo(next);
            condition(node.field("right"), whenTrue, whenFalse);
            return;
        }
        Operand tested = operand(node);
        builder.terminate(new Terminator.Branch(tested, whenTrue, whenFalse));
    }

    /**
     * {@code a < b <= c} as the comparisons it chains, {@code a < b and b <= c}, each on its own branch so that what
     * each proves refines its edge ({@code 0 < n <= LIMIT} bounds {@code n}). The operands are evaluated once, first.
     */
    private void chainedComparison(PyNode node, int whenTrue, int whenFalse) {
        List<String> operators = comparisonOperators(node);
        List<Operand> operands = new ArrayList<>();
        for (PyNode child : node.namedChildren()) {
            if (!child.is("comment")) operands.add(operand(child));
        }
        for (int i = 0; i < operators.size(); i++) {
            String tested = builder.temporary();
            builder.emit(new Instruction.Assign(tested, new Expr.Binary(Operators.binary(operators.get(i)),
                    operands.get(i), operands.get(i + 1)), node.range()));
            int next = i == operators.size() - 1 ? whenTrue : builder.newBlock();
            builder.terminate(new Terminator.Branch(new Operand.Local(tested), next, whenFalse));
            if (next != whenTrue) builder.switchTo(next);
        }
    }

    /** A comprehension's value depends on what it iterates over and the names its element reads. */
    private Expr comprehension(PyNode node) {
        List<Operand> inputs = new ArrayList<>();
        for (PyNode child : node.namedChildren()) {
            if (child.is("for_in_clause")) {
                PyNode iterable = child.field("right");
                if (iterable != null) inputs.add(operand(iterable));
            }
        }
        PyNode element = node.field("body");
        if (element != null) inputs.add(operand(element));
        return new Expr.Opaque(inputs);
    }

    private Expr opaque(PyNode node) {
        List<Operand> inputs = new ArrayList<>();
        for (PyNode child : node.namedChildren()) {
            if (!child.is("comment") && !child.is("keyword_identifier")) inputs.add(operand(child));
        }
        return new Expr.Opaque(inputs);
    }

    private static String operatorText(PyNode node) {
        PyNode op = node.field("operator");
        if (op != null) return op.type();
        for (PyNode child : node.children()) if (!child.isNamed()) return child.type();
        return "?";
    }

    private static PyNode first(PyNode node) {
        return node.namedChildren().isEmpty() ? null : node.namedChildren().get(0);
    }

    static String text(PyNode node) {
        return node == null ? "?" : node.text();
    }
}
