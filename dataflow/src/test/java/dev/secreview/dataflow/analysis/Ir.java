package dev.secreview.dataflow.analysis;

import dev.secreview.core.model.SourceFile;
import dev.secreview.core.model.TextRange;
import dev.secreview.dataflow.ir.Argument;
import dev.secreview.dataflow.ir.Block;
import dev.secreview.dataflow.ir.ClassInfo;
import dev.secreview.dataflow.ir.Constant;
import dev.secreview.dataflow.ir.Expr;
import dev.secreview.dataflow.ir.Function;
import dev.secreview.dataflow.ir.Instruction;
import dev.secreview.dataflow.ir.Operand;
import dev.secreview.dataflow.ir.Operator;
import dev.secreview.dataflow.ir.SourceModule;
import dev.secreview.dataflow.ir.Terminator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A small vocabulary for writing IR by hand in tests: one instruction per source line. */
final class Ir {
    private Ir() {
    }

    static TextRange line(int n) {
        return new TextRange(n, 1, n, 80);
    }

    static Operand local(String name) {
        return new Operand.Local(name);
    }

    static Operand global(String name) {
        return new Operand.Global(name);
    }

    static Operand constant(Object value) {
        return new Operand.Const(value);
    }

    static Operand none() {
        return new Operand.Const(Constant.NONE);
    }

    static Argument arg(Operand value) {
        return new Argument(null, value);
    }

    static Argument kw(String keyword, Operand value) {
        return new Argument(keyword, value);
    }

    /** {@code target(args...)}; arguments are operands (positional) or {@link Argument}s. */
    static Expr.Call call(Operand target, Object... args) {
        return new Expr.Call(target, null, arguments(args));
    }

    /** {@code receiver.method(args...)}. */
    static Expr.Call method(Operand receiver, String method, Object... args) {
        return new Expr.Call(receiver, method, arguments(args));
    }

    private static List<Argument> arguments(Object... args) {
        List<Argument> list = new ArrayList<>();
        for (Object a : args) list.add(a instanceof Argument argument ? argument : arg((Operand) a));
        return list;
    }

    static Expr use(Operand value) {
        return new Expr.Use(value);
    }

    static Expr concat(Operand... parts) {
        return new Expr.Concat(Arrays.asList(parts));
    }

    static Expr binary(Operator operator, Operand left, Operand right) {
        return new Expr.Binary(operator, left, right);
    }

    static Expr loadAttribute(Operand object, String name) {
        return new Expr.LoadAttribute(object, name);
    }

    static Instruction storeAttribute(int line, Operand object, String name, Operand value) {
        return new Instruction.StoreAttribute(object, name, value, line(line));
    }

    static Expr element(Operand iterable) {
        return new Expr.Element(iterable);
    }

    static Expr loadItem(Operand object, Operand key) {
        return new Expr.LoadItem(object, key);
    }

    static Expr list(Operand... items) {
        return new Expr.Sequence(Expr.Sequence.Kind.LIST, Arrays.asList(items));
    }

    static Instruction assign(int line, String target, Expr value) {
        return new Instruction.Assign(target, value, line(line));
    }

    static Instruction storeItem(int line, Operand object, Operand key, Operand value) {
        return new Instruction.StoreItem(object, key, value, line(line));
    }

    static Terminator jump(int target) {
        return new Terminator.Jump(target);
    }

    static Terminator branch(Operand condition, int ifTrue, int ifFalse) {
        return new Terminator.Branch(condition, ifTrue, ifFalse);
    }

    static Terminator ret(int line, Operand value) {
        return new Terminator.Return(value, line(line));
    }

    static Terminator ret(int line) {
        return ret(line, none());
    }

    /** A function under construction: blocks are numbered in the order they are added (0 is the entry). */
    static FunctionBuilder function(String name, int line, String... parameters) {
        return new FunctionBuilder(name, line, List.of(parameters));
    }

    static final class FunctionBuilder {
        private final String name;
        private final int line;
        private final List<String> parameters;
        private final List<Block> blocks = new ArrayList<>();
        private List<String> decorators = List.of();
        private String owner;
        private final Map<String, String> types = new java.util.HashMap<>();

        private FunctionBuilder(String name, int line, List<String> parameters) {
            this.name = name;
            this.line = line;
            this.parameters = parameters;
        }

        FunctionBuilder decorators(String... names) {
            decorators = List.of(names);
            return this;
        }

        /** A method of class {@code className}: its first parameter is an instance of that class. */
        FunctionBuilder owner(String className) {
            owner = className;
            return this;
        }

        /** The parameter is declared of {@code type}. */
        FunctionBuilder type(String parameter, String type) {
            types.put(parameter, type);
            return this;
        }

        FunctionBuilder block(Terminator end, Instruction... instructions) {
            blocks.add(new Block(blocks.size(), List.of(instructions), end));
            return this;
        }

        Function build() {
            return new Function(name, parameters, blocks, decorators, owner, types, line(line));
        }
    }

    static SourceModule module(String name, Function... functions) {
        return module(name, List.of(), Map.of(), functions);
    }

    /** A module with classes and module-level constants (qualified names to values). */
    static SourceModule module(String name, List<ClassInfo> classes, Map<String, Object> constants, Function... functions) {
        String path = name.replace('.', '/') + ".py";
        return new SourceModule(new SourceFile(Path.of(path), path, "# " + name + "\n"), name,
                List.of(functions), classes, constants);
    }

    /** A class whose body binds {@code attributes} to constants and {@code others} to anything else. */
    static ClassInfo classInfo(String name, List<String> bases, Map<String, Object> attributes, String... others) {
        return new ClassInfo(name, bases, Map.of(), attributes, Set.of(others));
    }
}
