package dev.secreview.java.lowering;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LiteralStringValueExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.stmt.YieldStmt;
import dev.secreview.core.engine.FileDeadline;
import dev.secreview.core.model.TextRange;
import dev.secreview.dataflow.ir.FunctionBuilder;
import dev.secreview.dataflow.ir.Argument;
import dev.secreview.dataflow.ir.Block;
import dev.secreview.dataflow.ir.Constant;
import dev.secreview.dataflow.ir.Expr;
import dev.secreview.dataflow.ir.Instruction;
import dev.secreview.dataflow.ir.Operand;
import dev.secreview.dataflow.ir.Operator;
import dev.secreview.dataflow.ir.Terminator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Lowers one method, constructor or initialiser body to basic blocks. */
final class MethodLowering {
    private static final Operand NONE = new Operand.Const(Constant.NONE);
    /** A condition the analysis cannot decide: whether an exception was thrown. */
    private static final Operand THROWN = new Operand.Local("$thrown");

    private final JavaLowering file;
    private final JavaLowering.ClassScope scope;
    private final boolean isStatic;
    /** Each local variable and parameter with its declared type (qualified). */
    private final Map<String, String> locals;
    private final FunctionBuilder builder = new FunctionBuilder();
    /** The value a switch expression being lowered yields into, innermost last. */
    private final List<String[]> yields = new ArrayList<>();
    /**
     * The receiver of the call whose arguments are being lowered, null for a call without one: what a lambda or
     * method reference among them is handed ({@code names.forEach(n -> ...)}: the list's elements).
     */
    private Operand lambdaSource;
    private int steps;

    MethodLowering(JavaLowering file, JavaLowering.ClassScope scope, boolean isStatic, Map<String, String> locals) {
        this.file = file;
        this.scope = scope;
        this.isStatic = isStatic;
        this.locals = locals;
    }

    List<Block> build(TextRange end) {
        return builder.build(end);
    }

    /** Instance field initialisers, run at the start of a constructor. */
    void prologue(List<VariableDeclarator> fields) {
        for (VariableDeclarator v : fields) {
            Operand value = expr(v.getInitializer().get());
            builder.emit(new Instruction.StoreAttribute(new Operand.Local("this"), v.getNameAsString(),
                    typed(value, scope.fieldTypes.get(v.getNameAsString()), v), JavaLowering.range(v)));
        }
    }

    void statements(List<Statement> statements) {
        for (Statement s : statements) statement(s);
    }

    /** A lambda's body: a block, or an expression whose value it returns. */
    void lambdaBody(LambdaExpr lambda) {
        if (lambda.getExpressionBody().isPresent()) {
            Expression value = lambda.getExpressionBody().get();
            builder.terminate(new Terminator.Return(expr(value), JavaLowering.range(value)));
        } else {
            statement(lambda.getBody());
        }
    }

    // ---------------------------------------------------------------- statements

    private void statement(Statement s) {
        if ((++steps & 0xFF) == 0) FileDeadline.check();
        if (s instanceof BlockStmt block) {
            statements(block.getStatements());
        } else if (s instanceof ExpressionStmt e) {
            expr(e.getExpression());
        } else if (s instanceof IfStmt i) {
            Operand condition = expr(i.getCondition());
            int then = builder.newBlock(), otherwise = builder.newBlock(), after = builder.newBlock();
            builder.terminate(new Terminator.Branch(condition, then, otherwise));
            builder.switchTo(then);
            statement(i.getThenStmt());
            builder.continueIn(after);
            builder.switchTo(otherwise);
            i.getElseStmt().ifPresent(this::statement);
            builder.continueIn(after);
        } else if (s instanceof WhileStmt w) {
            loop(w.getCondition(), w.getBody(), List.of(), false);
        } else if (s instanceof DoStmt d) {
            loop(d.getCondition(), d.getBody(), List.of(), true);
        } else if (s instanceof ForStmt f) {
            for (Expression init : f.getInitialization()) expr(init);
            loop(f.getCompare().orElse(null), f.getBody(), f.getUpdate(), false);
        } else if (s instanceof ForEachStmt f) {
            forEach(f);
        } else if (s instanceof ReturnStmt r) {
            Operand value = r.getExpression().map(this::expr).orElse(NONE);
            builder.terminate(new Terminator.Return(value, JavaLowering.range(r)));
        } else if (s instanceof ThrowStmt t) {
            expr(t.getExpression());
            builder.terminate(new Terminator.Raise());
        } else if (s.isBreakStmt()) {
            int[] loop = builder.loop();
            if (loop != null) builder.terminate(new Terminator.Jump(loop[1]));
        } else if (s.isContinueStmt()) {
            int[] loop = builder.loop();
            if (loop != null && loop[0] >= 0) builder.terminate(new Terminator.Jump(loop[0]));
        } else if (s instanceof SwitchStmt sw) {
            switchEntries(sw.getSelector(), sw.getEntries(), null);
        } else if (s instanceof TryStmt t) {
            tryStatement(t);
        } else if (s instanceof SynchronizedStmt sync) {
            expr(sync.getExpression());
            statement(sync.getBody());
        } else if (s instanceof LabeledStmt labeled) {
            statement(labeled.getStatement());
        } else if (s instanceof LocalClassDeclarationStmt local) {
            file.localClass(local.getClassDeclaration(), scope);
        } else if (s instanceof LocalRecordDeclarationStmt local) {
            file.localClass(local.getRecordDeclaration(), scope);
        } else if (s instanceof YieldStmt y) {
            Operand value = expr(y.getExpression());
            if (!yields.isEmpty()) {
                String[] target = yields.get(yields.size() - 1);
                assign(target[0], new Expr.Use(value), y);
                builder.terminate(new Terminator.Jump(Integer.parseInt(target[1])));
            }
        } else if (s instanceof ExplicitConstructorInvocationStmt call) {
            // super(...) / this(...): the arguments are evaluated; the other constructor is not followed.
            for (Expression argument : call.getArguments()) expr(argument);
        } else if (s.isAssertStmt()) {
            expr(s.asAssertStmt().getCheck());
        }
    }

    private void loop(Expression condition, Statement body, List<Expression> update, boolean bodyFirst) {
        int head = builder.newBlock(), start = builder.newBlock(), next = builder.newBlock(), after = builder.newBlock();
        builder.continueIn(bodyFirst ? start : head);
        builder.switchTo(head);
        if (condition != null) {
            Operand test = expr(condition);
            builder.terminate(new Terminator.Branch(test, start, after));
        } else {
            builder.terminate(new Terminator.Jump(start));
        }
        builder.switchTo(start);
        builder.enterLoop(next, after);
        statement(body);
        builder.exitLoop();
        builder.continueIn(next);
        for (Expression u : update) expr(u);
        builder.terminate(new Terminator.Jump(head));
        builder.switchTo(after);
    }

    private void forEach(ForEachStmt f) {
        Operand iterable = expr(f.getIterable());
        int head = builder.newBlock(), start = builder.newBlock(), after = builder.newBlock();
        builder.continueIn(head);
        builder.terminate(new Terminator.Branch(new Operand.Local("$more"), start, after));
        builder.switchTo(start);
        VariableDeclarator variable = f.getVariable().getVariable(0);
        String name = variable.getNameAsString();
        String type = file.names.type(variable.getType());
        locals.put(name, type);
        String element = builder.temporary();
        builder.emit(new Instruction.Assign(element, new Expr.Element(iterable), JavaLowering.range(f.getVariable())));
        assign(name, wrap(new Operand.Local(element), type), f.getVariable());
        builder.enterLoop(head, after);
        statement(f.getBody());
        builder.exitLoop();
        builder.terminate(new Terminator.Jump(head));
        builder.switchTo(after);
    }

    /**
     * A switch statement ({@code result} null) or expression: the selector compared with each entry's labels in
     * turn; a statement group falls through to the next one, an arrow entry does not.
     */
    private void switchEntries(Expression selectorExpression, NodeList<SwitchEntry> entries, String result) {
        Operand selector = expr(selectorExpression);
        int after = builder.newBlock();
        int[] bodies = new int[entries.size()];
        for (int i = 0; i < entries.size(); i++) bodies[i] = builder.newBlock();
        int defaultBody = -1;
        for (int i = 0; i < entries.size(); i++) {
            SwitchEntry entry = entries.get(i);
            if (entry.getLabels().isEmpty() || entry.isDefault()) {
                defaultBody = bodies[i];
                if (entry.getLabels().isEmpty()) continue;
            }
            for (Expression label : entry.getLabels()) {
                Operand value = label.isNameExpr() && !locals.containsKey(label.asNameExpr().getNameAsString())
                        ? new Operand.Global(label.asNameExpr().getNameAsString()) : expr(label);
                Operand test = temporary(new Expr.Binary(Operator.EQUAL, selector, value), label);
                int next = builder.newBlock();
                builder.terminate(new Terminator.Branch(test, bodies[i], next));
                builder.switchTo(next);
            }
        }
        builder.terminate(new Terminator.Jump(defaultBody >= 0 ? defaultBody : after));
        int[] enclosing = builder.loop();
        builder.enterLoop(enclosing == null ? -1 : enclosing[0], after);
        if (result != null) yields.add(new String[]{result, String.valueOf(after)});
        for (int i = 0; i < entries.size(); i++) {
            SwitchEntry entry = entries.get(i);
            builder.switchTo(bodies[i]);
            boolean arrow = entry.getType() != SwitchEntry.Type.STATEMENT_GROUP;
            if (result != null && entry.getType() == SwitchEntry.Type.EXPRESSION && entry.getStatements().size() == 1
                    && entry.getStatements().get(0) instanceof ExpressionStmt e) {
                assign(result, new Expr.Use(expr(e.getExpression())), e);
            } else {
                statements(entry.getStatements());
            }
            builder.terminate(new Terminator.Jump(arrow || i + 1 == entries.size() ? after : bodies[i + 1]));
        }
        if (result != null) yields.remove(yields.size() - 1);
        builder.exitLoop();
        builder.switchTo(after);
    }

    /**
     * The try block, then its catch clauses, reached from its start and from its end (what an exception in between
     * leaves is not followed), then the finally block once, on the normal path.
     */
    private void tryStatement(TryStmt t) {
        for (Expression resource : t.getResources()) expr(resource);
        int body = builder.newBlock(), handlers = builder.newBlock(), after = builder.newBlock();
        builder.terminate(new Terminator.Branch(THROWN, body, handlers));
        builder.switchTo(body);
        statement(t.getTryBlock());
        builder.terminate(new Terminator.Branch(THROWN, handlers, after));
        builder.switchTo(handlers);
        for (CatchClause clause : t.getCatchClauses()) {
            int handler = builder.newBlock(), next = builder.newBlock();
            builder.terminate(new Terminator.Branch(THROWN, handler, next));
            builder.switchTo(handler);
            Parameter parameter = clause.getParameter();
            locals.put(parameter.getNameAsString(), file.names.type(parameter.getType()));
            builder.emit(new Instruction.Assign(parameter.getNameAsString(), new Expr.Opaque(List.of()),
                    JavaLowering.range(parameter)));
            statement(clause.getBody());
            builder.terminate(new Terminator.Jump(after));
            builder.switchTo(next);
        }
        builder.terminate(new Terminator.Jump(after));
        builder.switchTo(after);
        t.getFinallyBlock().ifPresent(this::statement);
    }

    // ---------------------------------------------------------------- expressions

    /** Lowers an expression; its value is the operand returned. */
    Operand expr(Expression e) {
        if (e.isEnclosedExpr()) return expr(e.asEnclosedExpr().getInner());
        if (e.isStringLiteralExpr()) return new Operand.Const(e.asStringLiteralExpr().asString());
        if (e.isTextBlockLiteralExpr()) return new Operand.Const(e.asTextBlockLiteralExpr().asString());
        if (e.isIntegerLiteralExpr() || e.isLongLiteralExpr()) {
            Long value = Literals.integer((LiteralStringValueExpr) e);
            return value == null ? temporary(new Expr.Opaque(List.of()), e) : new Operand.Const(value);
        }
        if (e.isDoubleLiteralExpr()) return new Operand.Const(e.asDoubleLiteralExpr().asDouble());
        if (e.isBooleanLiteralExpr()) return new Operand.Const(e.asBooleanLiteralExpr().getValue());
        if (e.isCharLiteralExpr()) return new Operand.Const(String.valueOf(e.asCharLiteralExpr().asChar()));
        if (e.isNullLiteralExpr()) return NONE;
        if (e.isThisExpr() || e.isSuperExpr()) return isStatic ? new Operand.Global(scope.name) : new Operand.Local("this");
        if (e instanceof NameExpr n) return name(n);
        if (e instanceof FieldAccessExpr f) return fieldAccess(f);
        if (e instanceof MethodCallExpr call) return call(call);
        if (e instanceof ObjectCreationExpr creation) return creation(creation);
        if (e instanceof BinaryExpr b) return binary(b);
        if (e instanceof UnaryExpr u) return unary(u);
        if (e instanceof AssignExpr a) return assignment(a);
        if (e instanceof ConditionalExpr c) return conditional(c);
        if (e instanceof VariableDeclarationExpr declaration) {
            declaration(declaration);
            return NONE;
        }
        if (e instanceof CastExpr cast) {
            Operand value = expr(cast.getExpression());
            String type = file.names.type(cast.getType());
            return JavaTypes.isObjectType(type) ? temporary(new Expr.Typed(value, type), e) : value;
        }
        if (e instanceof ArrayAccessExpr access) {
            Operand array = expr(access.getName());
            return temporary(new Expr.LoadItem(array, expr(access.getIndex())), e);
        }
        if (e instanceof ArrayCreationExpr creation) {
            if (creation.getInitializer().isPresent()) return arrayInitializer(creation.getInitializer().get());
            for (var level : creation.getLevels()) level.getDimension().ifPresent(this::expr);
            return temporary(new Expr.Sequence(Expr.Sequence.Kind.LIST, List.of()), e);
        }
        if (e instanceof ArrayInitializerExpr initializer) return arrayInitializer(initializer);
        if (e instanceof LambdaExpr lambda) return lambda(lambda);
        if (e instanceof MethodReferenceExpr reference) return methodReference(reference);
        if (e instanceof SwitchExpr sw) {
            String result = builder.temporary();
            builder.emit(new Instruction.Assign(result, new Expr.Use(NONE), JavaLowering.range(e)));
            switchEntries(sw.getSelector(), sw.getEntries(), result);
            return new Operand.Local(result);
        }
        if (e.isInstanceOfExpr()) {
            Operand value = expr(e.asInstanceOfExpr().getExpression());
            e.asInstanceOfExpr().getPattern().ifPresent(p -> p.findAll(com.github.javaparser.ast.expr.TypePatternExpr.class)
                    .forEach(tp -> {
                        String type = file.names.type(tp.getType());
                        locals.put(tp.getNameAsString(), type);
                        assign(tp.getNameAsString(), wrap(value, type), tp);
                    }));
            return temporary(new Expr.Opaque(List.of()), e);
        }
        if (e.isClassExpr()) return new Operand.Global(file.names.type(e.asClassExpr().getType()) + ".class");
        // Anything else (annotations, array types as values): its value depends on its sub-expressions.
        List<Operand> inputs = new ArrayList<>();
        for (Node child : e.getChildNodes()) if (child instanceof Expression sub) inputs.add(expr(sub));
        return temporary(new Expr.Opaque(inputs), e);
    }

    private Operand arrayInitializer(ArrayInitializerExpr initializer) {
        List<Operand> items = new ArrayList<>();
        for (Expression value : initializer.getValues()) items.add(expr(value));
        return temporary(new Expr.Sequence(Expr.Sequence.Kind.LIST, items), initializer);
    }

    /**
     * A lambda: its body is a function of its own ({@link JavaLowering#lambda}), called where the lambda is made with
     * the locals it captures and, for its parameters, the elements of the receiver of the call it is handed to (what
     * {@code forEach}, {@code map} and their kind pass it). Its value is made from what it captures and returns.
     */
    private Operand lambda(LambdaExpr lambda) {
        Operand source = lambdaSource;
        Set<String> captured = new LinkedHashSet<>();
        lambda.getBody().findAll(NameExpr.class).forEach(n -> {
            if (locals.containsKey(n.getNameAsString())) captured.add(n.getNameAsString());
        });
        for (Parameter p : lambda.getParameters()) captured.remove(p.getNameAsString());
        String function = file.lambda(scope, isStatic, List.copyOf(captured), locals, lambda);
        List<Argument> arguments = new ArrayList<>();
        List<Operand> inputs = new ArrayList<>();
        if (!isStatic) arguments.add(new Argument(null, new Operand.Local("this")));
        for (String name : captured) {
            arguments.add(new Argument(null, new Operand.Local(name)));
            inputs.add(new Operand.Local(name));
        }
        for (int i = 0; i < lambda.getParameters().size(); i++) arguments.add(new Argument(null, handed(source, lambda)));
        inputs.add(temporary(new Expr.Call(new Operand.Global(function), null, arguments), lambda));
        return temporary(new Expr.Opaque(inputs), lambda);
    }

    /**
     * A method reference, called where it is made as a lambda of one parameter would be: {@code out::println} handed
     * to {@code names.forEach} prints the names. A constructor reference is made from nothing it is handed here.
     */
    private Operand methodReference(MethodReferenceExpr reference) {
        Operand source = lambdaSource;
        String method = reference.getIdentifier();
        Expression scopeExpression = reference.getScope();
        if (method.equals("new")) return temporary(new Expr.Opaque(List.of()), reference);
        List<Argument> arguments = List.of(new Argument(null, handed(source, reference)));
        Expr call;
        List<Operand> inputs = new ArrayList<>();
        // `out::println`: a simple name before `::` is parsed as a type; it is the variable when one is so named.
        if (scopeExpression.isTypeExpr() && scopeExpression.asTypeExpr().getType().isClassOrInterfaceType()
                && scopeExpression.asTypeExpr().getType().asClassOrInterfaceType().getScope().isEmpty()
                && isVariable(scopeExpression.asTypeExpr().getType().asClassOrInterfaceType().getNameAsString())) {
            NameExpr variable = new NameExpr(scopeExpression.asTypeExpr().getType().asClassOrInterfaceType().getNameAsString());
            scopeExpression.getRange().ifPresent(variable::setRange);
            scopeExpression = variable;
        }
        if (scopeExpression.isTypeExpr()) {
            String type = file.names.type(scopeExpression.asTypeExpr().getType());
            String own = type.equals(scope.name) ? scope.overload(method, 1) : method;
            call = new Expr.Call(new Operand.Global(type + "." + own), null, arguments);
        } else if ((scopeExpression.isThisExpr() || scopeExpression.isSuperExpr()) && !isStatic) {
            call = new Expr.Call(new Operand.Local("this"), scope.overload(method, 1), arguments);
        } else {
            Operand receiver = expr(scopeExpression);
            inputs.add(receiver);
            call = new Expr.Call(receiver, method, arguments);
        }
        inputs.add(temporary(call, reference));
        return temporary(new Expr.Opaque(inputs), reference);
    }

    /** What a lambda's parameter is handed: an element of the receiver of the call it is passed to, else unknown. */
    private Operand handed(Operand source, Node node) {
        return temporary(source == null ? new Expr.Opaque(List.of()) : new Expr.Element(source), node);
    }

    private void declaration(VariableDeclarationExpr declaration) {
        for (VariableDeclarator v : declaration.getVariables()) {
            String type = file.names.type(v.getType());
            if (v.getType().isVarType()) type = v.getInitializer().map(this::typeOf).orElse("var");
            locals.put(v.getNameAsString(), type);
            if (v.getInitializer().isPresent()) {
                Operand value = expr(v.getInitializer().get());
                assign(v.getNameAsString(), wrap(value, type), v);
            }
        }
    }

    /** The value as a declaration of {@code type} holds it: typed when it is an object the models name by type. */
    private Expr wrap(Operand value, String type) {
        return JavaTypes.isObjectType(type) && !(value instanceof Operand.Const) ? new Expr.Typed(value, type)
                : new Expr.Use(value);
    }

    private Operand typed(Operand value, String type, Node node) {
        Expr wrapped = wrap(value, type);
        return wrapped instanceof Expr.Use use ? use.value() : temporary(wrapped, node);
    }

    /** A simple name: a local, a field (of this class or an enclosing one), a statically imported member, a type. */
    private Operand name(NameExpr n) {
        String name = n.getNameAsString();
        if (locals.containsKey(name)) return new Operand.Local(name);
        for (JavaLowering.ClassScope c = scope; c != null; c = c.outer) {
            if (!c.hasField(name)) continue;
            if (c == scope && !isStatic && !c.staticFields.contains(name)) {
                return temporary(new Expr.LoadAttribute(new Operand.Local("this"), name), n);
            }
            return temporary(new Expr.LoadAttribute(new Operand.Global(c.name), name), n);
        }
        String member = file.names.staticMember(name);
        if (member != null) return new Operand.Global(member);
        return new Operand.Global(file.names.type(name));
    }

    /** Whether a name is a variable of the method or a field in scope (not a type or a package). */
    private boolean isVariable(String name) {
        if (locals.containsKey(name)) return true;
        for (JavaLowering.ClassScope c = scope; c != null; c = c.outer) if (c.hasField(name)) return true;
        return file.names.staticMember(name) != null && !Character.isUpperCase(name.charAt(0));
    }

    /**
     * {@code a.b.c} where {@code a} is not a variable: the longest prefix that names a type (a package path up to
     * its first capitalised part, or an imported or declared type), or null when the expression starts with a
     * variable or a call.
     */
    private String[] typePrefix(Expression e) {
        List<String> parts = new ArrayList<>();
        Expression at = e;
        while (at instanceof FieldAccessExpr f) {
            parts.add(0, f.getNameAsString());
            at = f.getScope();
        }
        if (!(at instanceof NameExpr root) || isVariable(root.getNameAsString())) return null;
        parts.add(0, root.getNameAsString());
        int typeEnd;
        if (Character.isLowerCase(parts.get(0).charAt(0))) {
            typeEnd = -1;
            for (int i = 0; i < parts.size(); i++) {
                if (!parts.get(i).isEmpty() && Character.isUpperCase(parts.get(i).charAt(0))) {
                    typeEnd = i;
                    break;
                }
            }
            if (typeEnd < 0) return null;
            // Nested types: Outer.Inner, while the next part is capitalised and not a constant.
            while (typeEnd + 1 < parts.size() && isTypeLike(parts.get(typeEnd + 1))) typeEnd++;
        } else {
            typeEnd = 0;
        }
        String type = file.names.type(String.join(".", parts.subList(0, typeEnd + 1)));
        List<String> rest = parts.subList(typeEnd + 1, parts.size());
        String[] result = new String[rest.size() + 1];
        result[0] = type;
        for (int i = 0; i < rest.size(); i++) result[i + 1] = rest.get(i);
        return result;
    }

    private static boolean isTypeLike(String part) {
        return part.length() > 1 && Character.isUpperCase(part.charAt(0)) && Character.isLowerCase(part.charAt(1));
    }

    private Operand fieldAccess(FieldAccessExpr f) {
        if (f.getScope().isThisExpr() && !isStatic) {
            return temporary(new Expr.LoadAttribute(new Operand.Local("this"), f.getNameAsString()), f);
        }
        if (f.getNameAsString().equals("length") && !(f.getScope() instanceof NameExpr n && !isVariable(n.getNameAsString()))) {
            return temporary(new Expr.Opaque(List.of(expr(f.getScope()))), f);
        }
        String[] typed = typePrefix(f);
        if (typed != null) {
            Operand at = new Operand.Global(typed[0]);
            for (int i = 1; i < typed.length; i++) at = temporary(new Expr.LoadAttribute(at, typed[i]), f);
            return at;
        }
        return temporary(new Expr.LoadAttribute(expr(f.getScope()), f.getNameAsString()), f);
    }

    private List<Argument> arguments(NodeList<Expression> arguments) {
        return arguments(arguments, null);
    }

    /** The arguments of a call on {@code receiver} (null: a call without one), which lambdas among them are handed. */
    private List<Argument> arguments(NodeList<Expression> arguments, Operand receiver) {
        Operand outer = lambdaSource;
        lambdaSource = receiver;
        try {
            List<Argument> lowered = new ArrayList<>();
            for (Expression argument : arguments) lowered.add(new Argument(null, expr(argument)));
            return lowered;
        } finally {
            lambdaSource = outer;
        }
    }

    private Operand call(MethodCallExpr call) {
        String method = call.getNameAsString();
        if (call.getScope().isEmpty()) {
            int arity = call.getArguments().size();
            for (JavaLowering.ClassScope c = scope; c != null; c = c.outer) {
                if (c.staticMethods.contains(method)) {
                    return temporary(new Expr.Call(new Operand.Global(c.name + "." + c.overload(method, arity)), null,
                            arguments(call.getArguments())), call);
                }
                if (c.instanceMethods.contains(method)) {
                    if (c == scope) method = scope.overload(method, arity);
                    break;
                }
            }
            String member = file.names.staticMember(method);
            if (member != null) {
                return temporary(new Expr.Call(new Operand.Global(member), null, arguments(call.getArguments())), call);
            }
            Operand self = isStatic ? new Operand.Global(scope.name) : new Operand.Local("this");
            return temporary(new Expr.Call(self, method, arguments(call.getArguments())), call);
        }
        Expression scopeExpression = call.getScope().get();
        if (scopeExpression.isThisExpr() && !isStatic) {
            return temporary(new Expr.Call(new Operand.Local("this"),
                    scope.overload(method, call.getArguments().size()), arguments(call.getArguments())), call);
        }
        if (scopeExpression.isSuperExpr() && !scope.bases.isEmpty() && !isStatic) {
            List<Argument> args = new ArrayList<>();
            args.add(new Argument(null, new Operand.Local("this")));
            args.addAll(arguments(call.getArguments()));
            return temporary(new Expr.Call(new Operand.Global(scope.bases.get(0) + "." + method), null, args), call);
        }
        String[] typed = scopeExpression instanceof NameExpr || scopeExpression instanceof FieldAccessExpr
                ? typePrefix(scopeExpression) : null;
        if (typed != null && typed.length == 1) {
            return temporary(new Expr.Call(new Operand.Global(typed[0] + "." + method), null,
                    arguments(call.getArguments())), call);
        }
        String receiverType = typeOf(scopeExpression);
        Operand receiver = expr(scopeExpression);
        NodeList<Expression> args = call.getArguments();
        if (JavaTypes.isBuilder(receiverType)) return builderCall(receiver, method, args, call);
        if (JavaTypes.isString(receiverType)) {
            if (method.equals("charAt") && args.size() == 1) return temporary(new Expr.LoadItem(receiver, expr(args.get(0))), call);
            if (method.equals("concat") && args.size() == 1) {
                return temporary(new Expr.Binary(Operator.ADD, receiver, expr(args.get(0))), call);
            }
            if ((method.equals("toString") || method.equals("intern")) && args.isEmpty()) return receiver;
        }
        if (JavaTypes.isList(receiverType)) {
            if (method.equals("get") && args.size() == 1) return temporary(new Expr.LoadItem(receiver, expr(args.get(0))), call);
            if (method.equals("set") && args.size() == 2 && receiver instanceof Operand.Local) {
                Operand index = expr(args.get(0));
                Operand value = expr(args.get(1));
                builder.emit(new Instruction.StoreItem(receiver, index, value, JavaLowering.range(call)));
                return NONE;
            }
        }
        if (JavaTypes.isMap(receiverType) && method.equals("put") && args.size() == 2) {
            Operand key = expr(args.get(0));
            Operand value = expr(args.get(1));
            builder.emit(new Instruction.StoreItem(receiver, key, value, JavaLowering.range(call)));
            return NONE;
        }
        return temporary(new Expr.Call(receiver, method, arguments(args, receiver)), call);
    }

    /**
     * {@code StringBuilder} and {@code StringBuffer} are followed as the text they hold: {@code append} and
     * {@code insert} build it (into the variable the chain starts from), {@code toString} reads it.
     */
    private Operand builderCall(Operand receiver, String method, NodeList<Expression> args, MethodCallExpr call) {
        switch (method) {
            case "toString":
                return receiver;
            case "append":
            case "insert": {
                List<Operand> values = new ArrayList<>();
                for (Expression a : args) values.add(expr(a));
                Operand added = method.equals("append") ? values.get(0) : values.get(values.size() - 1);
                if (method.equals("append") && values.size() == 3) {
                    // append(char[] text, int offset, int length)
                    added = temporary(new Expr.Opaque(List.of(values.get(0))), call);
                }
                Expr text = method.equals("append") ? new Expr.Concat(List.of(receiver, added))
                        : new Expr.Concat(List.of(added, receiver));
                return updateBuilder(receiver, text, call);
            }
            case "length":
            case "charAt":
            case "indexOf":
            case "lastIndexOf":
            case "capacity":
                return temporary(new Expr.Call(receiver, method, arguments(args)), call);
            default: {
                List<Operand> inputs = new ArrayList<>(List.of(receiver));
                for (Expression a : args) inputs.add(expr(a));
                return updateBuilder(receiver, new Expr.Opaque(inputs), call);
            }
        }
    }

    private Operand updateBuilder(Operand receiver, Expr text, Node node) {
        if (receiver instanceof Operand.Local local) {
            assign(local.name(), text, node);
            return receiver;
        }
        return temporary(text, node);
    }

    private Operand creation(ObjectCreationExpr creation) {
        String type = file.names.type(creation.getType());
        if (creation.getAnonymousClassBody().isPresent()) {
            String name = file.anonymousClass(creation.getAnonymousClassBody().get(), type, scope, creation);
            return temporary(new Expr.Call(new Operand.Global(name), null, arguments(creation.getArguments())), creation);
        }
        NodeList<Expression> args = creation.getArguments();
        if (JavaTypes.isBuilder(type)) {
            if (args.isEmpty() || !JavaTypes.isString(typeOf(args.get(0))) && !(args.get(0).isStringLiteralExpr())
                    && isNumeric(args.get(0))) {
                for (Expression a : args) expr(a);
                return temporary(new Expr.Use(new Operand.Const("")), creation);
            }
            return temporary(new Expr.Concat(List.of(expr(args.get(0)))), creation);
        }
        if (JavaTypes.isList(type) && (args.isEmpty() || isNumeric(args.get(0)))) {
            for (Expression a : args) expr(a);
            return temporary(new Expr.Sequence(Expr.Sequence.Kind.LIST, List.of()), creation);
        }
        if (JavaTypes.isMap(type) && (args.isEmpty() || isNumeric(args.get(0)))) {
            for (Expression a : args) expr(a);
            return temporary(new Expr.Mapping(List.of(), List.of()), creation);
        }
        if (creation.getScope().isPresent()) expr(creation.getScope().get());
        return temporary(new Expr.Call(new Operand.Global(type), null, arguments(args)), creation);
    }

    private boolean isNumeric(Expression e) {
        String type = typeOf(e);
        return e.isIntegerLiteralExpr() || Set.of("int", "long", "short", "java.lang.Integer").contains(type);
    }

    private Operand binary(BinaryExpr b) {
        Operand left = expr(b.getLeft());
        Operand right = expr(b.getRight());
        return temporary(new Expr.Binary(Operators.binary(b.getOperator()), left, right), b);
    }

    private Operand unary(UnaryExpr u) {
        switch (u.getOperator()) {
            case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT: {
                Operand before = expr(u.getExpression());
                boolean up = u.getOperator() == UnaryExpr.Operator.PREFIX_INCREMENT
                        || u.getOperator() == UnaryExpr.Operator.POSTFIX_INCREMENT;
                Operand after = temporary(new Expr.Binary(up ? Operator.ADD : Operator.SUBTRACT, before,
                        new Operand.Const(1L)), u);
                store(u.getExpression(), after, u);
                return u.isPrefix() ? after : before;
            }
            default:
                return temporary(new Expr.Unary(Operators.unary(u.getOperator()), expr(u.getExpression())), u);
        }
    }

    private Operand assignment(AssignExpr a) {
        Operand value = expr(a.getValue());
        if (a.getOperator() != AssignExpr.Operator.ASSIGN) {
            Operand current = expr(a.getTarget());
            Operator operator = a.getOperator().toBinaryOperator().map(Operators::binary).orElse(Operator.OTHER);
            value = temporary(new Expr.Binary(operator, current, value), a);
        }
        store(a.getTarget(), value, a);
        return value;
    }

    /** Stores {@code value} into what {@code target} names: a local, a field, an array element. */
    private void store(Expression target, Operand value, Node node) {
        TextRange at = JavaLowering.range(node);
        if (target instanceof NameExpr n) {
            String name = n.getNameAsString();
            if (locals.containsKey(name)) {
                assign(name, wrap(value, locals.get(name)), node);
                return;
            }
            for (JavaLowering.ClassScope c = scope; c != null; c = c.outer) {
                if (!c.hasField(name)) continue;
                Operand object = c == scope && !isStatic && !c.staticFields.contains(name)
                        ? new Operand.Local("this") : new Operand.Global(c.name);
                builder.emit(new Instruction.StoreAttribute(object, name, typed(value, c.fieldTypes.get(name), node), at));
                return;
            }
            locals.put(name, "var");
            assign(name, new Expr.Use(value), node);
        } else if (target instanceof FieldAccessExpr f) {
            Operand object;
            if (f.getScope().isThisExpr() && !isStatic) {
                object = new Operand.Local("this");
            } else {
                String[] typed = typePrefix(f.getScope());
                object = typed != null && typed.length == 1 ? new Operand.Global(typed[0]) : expr(f.getScope());
            }
            builder.emit(new Instruction.StoreAttribute(object, f.getNameAsString(), value, at));
        } else if (target instanceof ArrayAccessExpr access) {
            Operand array = expr(access.getName());
            Operand index = expr(access.getIndex());
            builder.emit(new Instruction.StoreItem(array, index, value, at));
        }
    }

    private Operand conditional(ConditionalExpr c) {
        Operand condition = expr(c.getCondition());
        String result = builder.temporary();
        int then = builder.newBlock(), otherwise = builder.newBlock(), after = builder.newBlock();
        builder.terminate(new Terminator.Branch(condition, then, otherwise));
        builder.switchTo(then);
        assign(result, new Expr.Use(expr(c.getThenExpr())), c.getThenExpr());
        builder.continueIn(after);
        builder.switchTo(otherwise);
        assign(result, new Expr.Use(expr(c.getElseExpr())), c.getElseExpr());
        builder.continueIn(after);
        return new Operand.Local(result);
    }

    private void assign(String target, Expr value, Node node) {
        builder.emit(new Instruction.Assign(target, value, JavaLowering.range(node)));
    }

    private Operand temporary(Expr value, Node node) {
        String name = builder.temporary();
        builder.emit(new Instruction.Assign(name, value, JavaLowering.range(node)));
        return new Operand.Local(name);
    }

    /**
     * The static type of an expression as far as the file says (qualified), or "" when unknown: declared types of
     * locals and fields, constructors, literals, casts, and the text-building calls that return their receiver.
     */
    String typeOf(Expression e) {
        if (e.isEnclosedExpr()) return typeOf(e.asEnclosedExpr().getInner());
        if (e.isStringLiteralExpr() || e.isTextBlockLiteralExpr()) return "java.lang.String";
        if (e.isIntegerLiteralExpr()) return "int";
        if (e.isLongLiteralExpr()) return "long";
        if (e.isCharLiteralExpr()) return "char";
        if (e.isBooleanLiteralExpr()) return "boolean";
        if (e instanceof NameExpr n) {
            String local = locals.get(n.getNameAsString());
            if (local != null) return local;
            for (JavaLowering.ClassScope c = scope; c != null; c = c.outer) {
                String field = c.fieldTypes.get(n.getNameAsString());
                if (field != null) return field;
            }
            return "";
        }
        if (e instanceof FieldAccessExpr f && f.getScope().isThisExpr()) {
            String field = scope.fieldTypes.get(f.getNameAsString());
            return field == null ? "" : field;
        }
        if (e instanceof ObjectCreationExpr creation) return file.names.type(creation.getType());
        if (e instanceof CastExpr cast) return file.names.type(cast.getType());
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS
                && (JavaTypes.isString(typeOf(b.getLeft())) || JavaTypes.isString(typeOf(b.getRight())))) {
            return "java.lang.String";
        }
        if (e instanceof MethodCallExpr call && call.getScope().isPresent()) {
            String receiver = typeOf(call.getScope().get());
            String method = call.getNameAsString();
            if (JavaTypes.isBuilder(receiver)) {
                return method.equals("toString") || method.equals("substring") ? "java.lang.String"
                        : Set.of("append", "insert", "reverse", "replace", "delete", "deleteCharAt").contains(method) ? receiver : "";
            }
            if (JavaTypes.isString(receiver) && Set.of("substring", "trim", "strip", "toLowerCase", "toUpperCase", "replace",
                    "replaceAll", "replaceFirst", "concat", "intern", "toString", "formatted").contains(method)) {
                return "java.lang.String";
            }
            if (method.equals("toString") && call.getArguments().isEmpty()) return "java.lang.String";
        }
        return "";
    }
}
