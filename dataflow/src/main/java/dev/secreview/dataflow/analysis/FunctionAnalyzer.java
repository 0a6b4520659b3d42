package dev.secreview.dataflow.analysis;

import dev.secreview.core.model.TextRange;
import dev.secreview.dataflow.ir.Block;
import dev.secreview.dataflow.ir.Constant;
import dev.secreview.dataflow.ir.Expr;
import dev.secreview.dataflow.ir.Function;
import dev.secreview.dataflow.ir.Instruction;
import dev.secreview.dataflow.ir.Operand;
import dev.secreview.dataflow.ir.Operator;
import dev.secreview.dataflow.ir.Terminator;
import dev.secreview.dataflow.model.TaintKind;
import dev.secreview.dataflow.model.TaintModels;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Abstract interpretation of one function: constants, taint, container shapes and the symbolic names
 * of values, propagated over the control-flow graph to a fixpoint (branches on constants are not
 * taken; validators refine the branch they vouch for). A last pass over the converged states reports
 * sink hits and builds the function's {@link Summary}.
 */
final class FunctionAnalyzer {
    /** After this many visits to a block, values that still change there lose constants and shapes. */
    private static final int WIDEN_AFTER = 3;
    /** A block is never interpreted more often than this; a safety net, widening converges first. */
    private static final int MAX_VISITS = 12;
    private static final long ALL_KINDS = -1L;

    private final Analysis engine;
    private final Function function;
    private final String path;
    private final TaintModels models;
    private final LanguageSemantics semantics;
    private final Map<Integer, Map<String, Value>> in = new HashMap<>();
    private final List<SinkHit> parameterSinks = new ArrayList<>();
    private final List<ReceiverCall> receiverCalls = new ArrayList<>();
    /** By index, the value each parameter of a {@code polymorphic} type enters with; null for the others. */
    private Value[] polymorphicParameters;
    private final Map<String, Value> attributeStores = new HashMap<>();
    private final Set<Summary.TypedStore> typedStores = new HashSet<>();
    private Value returned;
    private boolean reporting;
    /** By block, the temporaries dead at its end, left out of the state it hands on. */
    private List<Set<String>> deadAtEnd;

    FunctionAnalyzer(Analysis engine, Function function, String path) {
        this.engine = engine;
        this.function = function;
        this.path = path;
        this.models = engine.models();
        this.semantics = engine.semantics();
    }

    Summary run() {
        deadAtEnd = BlockTemporaries.of(function);
        fixpoint(initialState());
        reporting = true;
        for (Block block : function.blocks()) {
            Map<String, Value> state = in.get(block.id());
            if (state == null) {
                engine.unreachable(path, block);
            } else {
                engine.live(path, block);
                interpret(block, new HashMap<>(state));
            }
        }
        return new Summary(returned == null ? Value.constant(Constant.NONE) : returned, parameterSinks, receiverCalls, attributeStores,
                typedStores);
    }

    private Map<String, Value> initialState() {
        Map<String, Value> state = new HashMap<>();
        Optional<TaintModels.Entry> entry = models.entry(function.decorators());
        Optional<TaintModels.Handler> handler = function.isMethod() && entry.isEmpty()
                ? models.handler(engine.program().ancestors(function.owner()), function.simpleName()) : Optional.empty();
        Optional<TaintModels.Endpoint> endpoint = entry.isEmpty() && handler.isEmpty()
                ? engine.endpoints().source(function) : Optional.empty();
        List<String> parameters = function.parameters();
        polymorphicParameters = new Value[parameters.size()];
        for (int i = 0; i < parameters.size(); i++) {
            String name = parameters.get(i);
            boolean self = i == 0 && function.isMethod();
            // what a framework handler's parameter is: null, not input; "", plain input; else the type it is an instance of
            String handled = handler.isPresent() && !self ? handler.get().parameter(name) : null;
            String type = function.parameterTypes().get(name);
            if (self && type == null) type = function.owner();
            if (type == null) type = models.parameterType(function.decorators(), name).orElse(null);
            if (type == null && handled != null && !handled.isEmpty()) type = handled;
            String symbol = type != null ? type + "()" : name;
            Taint taint;
            // an endpoint's parameters after the receiver and the context the dispatcher fills
            boolean called = endpoint.isPresent() && i > endpoint.get().context();
            boolean input = entry.isPresent() && !self || handled != null && handled.isEmpty() || called;
            if (input) {
                String category = entry.map(TaintModels.Entry::category)
                        .or(() -> handler.map(TaintModels.Handler::category))
                        .orElseGet(() -> endpoint.get().category());
                Step start = Step.first(path, function.range(),
                        "`" + name + "` is " + category + " input: a parameter of `" + function.simpleName() + "`");
                // A parameter the framework hands over as a number or a UUID (`<int:id>`, `id: int`) is what
                // converting it would give: the models' sanitisers of that type say which kinds it cannot harm.
                long converted = type == null ? 0 : models.sanitizedBy(type);
                taint = Taint.of(new Fact(Origin.source(category, "parameter `" + name + "`"),
                        models.kindsThreatenedBy(category) & ~converted, start));
            } else {
                Step start = Step.first(path, function.range(), "enters `" + function.simpleName() + "` as `" + name + "`");
                taint = Taint.of(new Fact(Origin.parameter(i, name), ALL_KINDS & ~models.placedBits(), start));
            }
            Value value = sourceOf(Value.named(symbol, taint), function.range());
            if (!self && !input && type != null && models.polymorphic(type)) polymorphicParameters[i] = value;
            state.put(name, value);
        }
        return state;
    }

    private void fixpoint(Map<String, Value> entryState) {
        if (function.blocks().isEmpty()) return;
        in.put(0, entryState);
        TreeSet<Integer> work = new TreeSet<>();
        work.add(0);
        int[] visits = new int[function.blocks().size()];
        while (!work.isEmpty()) {
            int id = work.pollFirst();
            if (++visits[id] > MAX_VISITS) continue;
            Block block = function.blocks().get(id);
            Map<Integer, Map<String, Value>> outs = interpret(block, new HashMap<>(in.get(id)));
            for (Map.Entry<Integer, Map<String, Value>> out : outs.entrySet()) {
                int target = out.getKey();
                Map<String, Value> before = in.get(target);
                Map<String, Value> after = before == null ? out.getValue()
                        : join(before, out.getValue(), visits[target] >= WIDEN_AFTER);
                if (!after.equals(before)) {
                    in.put(target, after);
                    work.add(target);
                }
            }
        }
    }

    private static Map<String, Value> join(Map<String, Value> a, Map<String, Value> b, boolean widen) {
        Map<String, Value> joined = new HashMap<>(a);
        b.forEach((name, value) -> joined.merge(name, value, (x, y) -> {
            Value j = x.join(y);
            return widen && !j.equals(x) ? j.widened() : j;
        }));
        return joined;
    }

    /** Runs one block; returns the state flowing along each edge taken. */
    private Map<Integer, Map<String, Value>> interpret(Block block, Map<String, Value> state) {
        Map<Integer, Map<String, Value>> outs = new LinkedHashMap<>();
        for (Instruction instruction : block.instructions()) {
            if (!execute(instruction, state)) return outs;   // a call that never returns: nothing follows
        }
        Terminator end = block.terminator();
        Set<String> dead = deadAtEnd.get(block.id());
        if (end instanceof Terminator.Jump jump) {
            state.keySet().removeAll(dead);
            outs.put(jump.target(), state);
        } else if (end instanceof Terminator.Branch branch) {
            Value condition = operand(branch.condition(), state, null);
            if (condition.isConstant()) {
                state.keySet().removeAll(dead);
                outs.put(semantics.truthy(condition.constant()) ? branch.ifTrue() : branch.ifFalse(), state);
            } else {
                Map<String, Value> whenTrue = new HashMap<>(state);
                Map<String, Value> whenFalse = new HashMap<>(state);
                new Refinement(this, block, branch.condition()).apply(whenTrue, whenFalse);
                whenTrue.keySet().removeAll(dead);
                whenFalse.keySet().removeAll(dead);
                outs.put(branch.ifFalse(), whenFalse);
                outs.merge(branch.ifTrue(), whenTrue, (x, y) -> join(x, y, false));
            }
        } else if (end instanceof Terminator.Return ret && reporting) {
            Value value = operand(ret.value(), state, ret.range());
            returned = returned == null ? value : returned.join(value);
            // A view returning a tuple returns (body, status or headers): the body is what the browser
            // renders. A returned mapping is serialised (as JSON), never rendered as markup.
            Value body = value.items() != null && !value.items().isEmpty() ? value.items().get(0) : value;
            List<TaintModels.ReturnSink> sinks = body.entries() != null ? List.of() : models.returns(function.decorators());
            for (TaintModels.ReturnSink sink : sinks) {
                checkSink(sink.kind(), body, ret.range(),
                        "returned as the response of `" + function.simpleName() + "`", null);
            }
        }
        return outs;
    }

    /** Runs one instruction; false when it is a call that never returns. */
    private boolean execute(Instruction instruction, Map<String, Value> state) {
        TextRange range = instruction.range();
        if (instruction instanceof Instruction.Assign assign) {
            if (assign.value() instanceof Expr.Call call) {
                CallSemantics semantics = new CallSemantics(this, call, state, range);
                Value result = semantics.result();
                if (semantics.terminates()) return false;
                assign(assign, result, state, range);
                return true;
            }
            assign(assign, evaluate(assign.value(), state, range), state, range);
            return true;
        }
        store(instruction, state, range);
        return true;
    }

    private void assign(Instruction.Assign assign, Value evaluated, Map<String, Value> state, TextRange range) {
        Value value = evaluated;
        if (!assign.target().startsWith("$") && !value.taint().isEmpty()) {
            value = value.withTaint(value.taint().via(path, range, note(assign)));
        }
        state.put(assign.target(), value);
        QuotedLiteral.forget(state, assign.target());
    }

    private void store(Instruction instruction, Map<String, Value> state, TextRange range) {
        if (instruction instanceof Instruction.StoreAttribute store) {
            Value object = operand(store.object(), state, range);
            Value value = operand(store.value(), state, range);
            if (reporting) recordAttributeStore(store.name(), object, value);
            if (object.name() != null) checkStores(object.name() + "." + store.name(), store.name(), value, range);
            if (store.object() instanceof Operand.Local local) {
                state.put(local.name(), object.withAttribute(store.name(), value)
                        .withTaint(object.taint().union(value.taint())));
            }
        } else if (instruction instanceof Instruction.StoreItem store) {
            Value object = operand(store.object(), state, range);
            Value key = operand(store.key(), state, range);
            Value value = operand(store.value(), state, range);
            if (object.name() != null) {
                String keyName = key.isConstant() && key.constant() instanceof String name ? name : null;
                checkStores(object.name(), keyName, value, range);
                // A key the attacker chooses can overwrite any entry, whatever it names.
                for (TaintModels.Store target : models.stores(object.name())) {
                    checkSink(target.kind(), key, range, "chooses the key stored in `" + object.name() + "`", null);
                }
            }
            if (store.object() instanceof Operand.Local local) {
                state.put(local.name(), Containers.storeItem(object, key, value, semantics));
            }
        }
    }

    /** What the summary tells the loads of class attributes elsewhere ({@link Analysis#classAttribute}). */
    private void recordAttributeStore(String attribute, Value object, Value value) {
        if (object.name() != null && object.name().endsWith("()")) {
            typedStores.add(new Summary.TypedStore(object.name().substring(0, object.name().length() - 2), attribute));
        }
        attributeStores.merge(attribute, value, Value::join);
    }

    private static String note(Instruction.Assign assign) {
        String target = "`" + assign.target() + "`";
        Expr value = assign.value();
        if (value instanceof Expr.Concat || value instanceof Expr.Binary) return "built into " + target;
        if (value instanceof Expr.Call call && call.method() != null) return "through `." + call.method() + "()` into " + target;
        if (value instanceof Expr.LoadItem || value instanceof Expr.Element) return "taken out into " + target;
        return "assigned to " + target;
    }

    Value operand(Operand operand, Map<String, Value> state, TextRange range) {
        if (operand instanceof Operand.Const c) return Value.ofConstant(c.value());
        if (operand instanceof Operand.Local local) {
            Value value = state.get(local.name());
            return value == null ? Value.named(local.name(), Taint.NONE) : value;
        }
        String name = ((Operand.Global) operand).name();
        Optional<Object> constant = engine.program().constant(name);
        if (constant.isPresent()) return Value.ofConstant(constant.get());
        Optional<String> instanceOf = engine.program().instanceType(name);
        if (instanceOf.isPresent()) return Value.named(instanceOf.get() + "()", Taint.NONE);
        return sourceOf(Value.named(name, Taint.NONE), range);
    }

    /** The value, tainted if its name is a modelled source. */
    private Value sourceOf(Value value, TextRange range) {
        if (value.name() == null || range == null) return value;
        Optional<TaintModels.Source> source = models.source(value.name());
        if (source.isEmpty()) return value;
        String category = source.get().category();
        Step start = Step.first(path, range, "`" + display(value.name()) + "`: " + source.get().label());
        return value.withTaint(value.taint().union(Taint.of(new Fact(Origin.source(category, source.get().label()),
                models.kindsThreatenedBy(category), start))));
    }

    /**
     * An attribute read or method result of an object source ({@code flask.request.args},
     * {@code request.get_json()}) is attacker-controlled, though the object passed around whole is not.
     */
    Value partOfSourceObject(Value object, Value part, String partName, TextRange range) {
        Optional<TaintModels.Source> source = models.objectSource(object.name());
        if (source.isEmpty() || range == null || models.trusted(partName)
                || !models.inputPart(source.get(), memberName(object.name(), partName))) return part;
        String category = source.get().category();
        Step start = Step.first(path, range, "`" + display(partName) + "`: " + source.get().label());
        long spared = models.sparedBy(object.name()) | models.sparedBy(partName);
        return part.withTaint(part.taint().union(Taint.of(new Fact(Origin.source(category, source.get().label()),
                models.kindsThreatenedBy(category) & ~spared, start))));
    }

    /** The attribute or method {@code partName} reads of {@code objectName} ({@code get_full_path}), null for an item. */
    private static String memberName(String objectName, String partName) {
        if (!partName.startsWith(objectName + ".")) return null;
        String member = partName.substring(objectName.length() + 1);
        return member.endsWith("()") ? member.substring(0, member.length() - 2) : member;
    }

    /**
     * An item of an object source that is a mapping ({@code environ["HTTP_HOST"]}, {@code environ.get(...)}),
     * when the models count that key as input.
     */
    Value itemOfSourceObject(Value object, Value key, Value item, TextRange range) {
        String name = object.name();
        if (name == null || models.objectSource(name).isEmpty()) return item;
        String text = key != null && key.constant() instanceof String k ? k : null;
        if (!models.inputKey(name, text)) return item;
        return partOfSourceObject(object, item, name + "[]", range);
    }

    /**
     * The symbolic name of {@code object.attribute}: an instance of the attribute's declared type
     * ({@code self.request} where the class declares {@code request: flask.Request} is
     * {@code flask.Request()}, whose attributes and methods are matched by that name), as is an attribute the class
     * itself declares with a type (a static field), else the path.
     */
    private String attributeName(String object, String attribute) {
        if (object == null) return null;
        if (object.endsWith("()")) {
            String type = object.substring(0, object.length() - 2);
            Optional<String> declared = engine.program().classInfo(type).map(c -> c.attributeTypes().get(attribute));
            if (declared.isPresent()) return declared.get() + "()";
            Optional<String> library = libraryBaseNaming(type, attribute);
            if (library.isPresent()) return library.get();
        } else {
            // An attribute of a class of the tree itself (a static field) declared with a type.
            Optional<String> declared = engine.program().classInfo(object).map(c -> c.attributeTypes().get(attribute));
            if (declared.isPresent()) return declared.get() + "()";
        }
        return object + "." + attribute;
    }

    /**
     * An attribute no class of the tree binds, read on an instance of a tree class whose base outside the tree
     * has models for it ({@code self.path} in a subclass of {@code http.server.BaseHTTPRequestHandler}): it is
     * that base's attribute, named as the models name it.
     */
    private Optional<String> libraryBaseNaming(String type, String attribute) {
        if (engine.program().classInfo(type).isEmpty()) return Optional.empty();
        for (String ancestor : engine.program().ancestors(type)) {
            if (engine.program().classInfo(ancestor).isPresent()) continue;
            String member = ancestor + "()." + attribute;
            if (models.namesMemberOf(member)) return Optional.of(member);
        }
        return Optional.empty();
    }

    /**
     * Whether an attribute read on an object of unknown class may be taken from the classes of the tree that
     * bind the name ({@link Analysis#treeConstantAttribute}): only for a compound name, as the language
     * writes one ({@code db_contains_type}), which the objects of libraries rarely share, that no source model names,
     * on an object that is not a source object and carries no source's data. A request object handed in as a parameter and read under a
     * name a class of the tree also binds ({@code req.content_type}) is the case these limits leave open.
     */
    private boolean ownClassConstantName(Value object, String attribute) {
        return semantics.compoundName(attribute) && !knownType(object) && !models.namesSourceAttribute(attribute)
                && models.objectSource(object.name()).isEmpty()
                && object.taint().facts().stream().allMatch(fact -> fact.origin().isParameter());
    }

    /** Whether the value is an instance of a class of the tree, or the class itself. */
    private boolean knownType(Value object) {
        String name = object.name();
        if (name == null) return false;
        return engine.program().classInfo(name.endsWith("()") ? name.substring(0, name.length() - 2) : name).isPresent();
    }

    /** An attribute of an instance of a class of the tree ({@code self.table}), or of the class itself. */
    private Optional<Value> classAttribute(Value object, String attribute) {
        String name = object.name();
        if (name == null) return Optional.empty();
        String type = name.endsWith("()") ? name.substring(0, name.length() - 2) : name;
        return engine.program().classInfo(type).flatMap(c -> engine.classAttribute(c, attribute));
    }

    /**
     * A source's name as a reader knows it: from the last object on, named by its class
     * ({@code HttpRequest.POST} rather than {@code django.http.HttpRequest().POST}), or the whole
     * qualified name ({@code flask.request.args}).
     */
    private static String display(String name) {
        int object = name.lastIndexOf("().");
        if (object < 0) return name;
        String type = name.substring(0, object);
        return type.substring(type.lastIndexOf('.') + 1) + "." + name.substring(object + 3);
    }

    private Value evaluate(Expr expr, Map<String, Value> state, TextRange range) {
        if (expr instanceof Expr.Use use) return operand(use.value(), state, range);
        if (expr instanceof Expr.LoadAttribute load) {
            Value object = operand(load.object(), state, range);
            if (object.attributes() != null && object.attributes().containsKey(load.name())) {
                return object.attributes().get(load.name());
            }
            Optional<Value> declared = classAttribute(object, load.name());
            if (declared.isPresent()) return declared.get();
            if (ownClassConstantName(object, load.name())) {
                Optional<Value> everywhere = engine.treeConstantAttribute(load.name());
                if (everywhere.isPresent()) return everywhere.get();
            }
            String name = attributeName(object.name(), load.name());
            Value attribute = sourceOf(Value.named(name, object.taint()), range);
            // A sanitiser the models name is an attribute as well as a call: a form's `cleaned_data`.
            long sanitized = models.sanitizedBy(name);
            if (sanitized != 0) attribute = attribute.withTaint(attribute.taint().sanitize(sanitized));
            return partOfSourceObject(object, attribute, name, range);
        }
        if (expr instanceof Expr.LoadItem load) {
            Value object = operand(load.object(), state, range);
            Value key = operand(load.key(), state, range);
            Value element = sourceOf(Containers.loadItem(object, key, semantics), range);
            return itemOfSourceObject(object, key, element, range);
        }
        if (expr instanceof Expr.Slice slice) {
            return Containers.slice(operand(slice.object(), state, range),
                    slice.lower() == null ? null : operand(slice.lower(), state, range),
                    slice.upper() == null ? null : operand(slice.upper(), state, range), semantics);
        }
        if (expr instanceof Expr.Element element) return Containers.element(operand(element.iterable(), state, range));
        if (expr instanceof Expr.Binary binary) {
            Value left = operand(binary.left(), state, range);
            Value right = operand(binary.right(), state, range);
            if (left.isConstant() && right.isConstant()) {
                Object folded = semantics.fold(binary.operator(), left.constant(), right.constant());
                if (folded != null) return Value.constant(folded);
            }
            LanguageSemantics.TextOperator text = semantics.onText(binary.operator());
            if (text == LanguageSemantics.TextOperator.FORMAT && left.constant() instanceof String template) {
                return TextBuilding.format(template, right, models, semantics);
            }
            if (text == LanguageSemantics.TextOperator.CONCATENATE && (left.items() == null || right.items() == null)) {
                return TextBuilding.concatenate(List.of(left, right), models, semantics);
            }
            return Containers.binary(binary.operator(), left, right, semantics);
        }
        if (expr instanceof Expr.Unary unary) {
            Value operand = operand(unary.operand(), state, range);
            if (operand.isConstant()) {
                Object folded = semantics.fold(unary.operator(), operand.constant());
                if (folded != null) return Value.constant(folded);
            }
            return unary.operator() == Operator.NOT ? Value.derived(Taint.NONE, true)
                    : Value.derived(operand.taint(), operand.harmless());
        }
        if (expr instanceof Expr.Concat concat) {
            List<Value> parts = new ArrayList<>();
            for (Operand part : concat.parts()) parts.add(operand(part, state, range));
            return TextBuilding.concatenate(parts, models, semantics);
        }
        if (expr instanceof Expr.Sequence sequence) {
            List<Value> items = new ArrayList<>();
            for (Operand item : sequence.items()) items.add(operand(item, state, range));
            return Value.sequence(items);
        }
        if (expr instanceof Expr.Mapping mapping) {
            Map<Object, Value> entries = new HashMap<>();
            Taint taint = Taint.NONE;
            boolean exact = true;
            for (int i = 0; i < mapping.keys().size(); i++) {
                Value key = operand(mapping.keys().get(i), state, range);
                Value value = operand(mapping.values().get(i), state, range);
                taint = taint.union(value.taint());
                if (key.isConstant()) entries.put(key.constant(), value);
                else exact = false;
            }
            return exact ? Value.mapping(entries) : Value.tainted(taint);
        }
        if (expr instanceof Expr.Typed typed) return typed(operand(typed.value(), state, range), typed.type());
        List<Operand> inputs = ((Expr.Opaque) expr).inputs();
        if (inputs.isEmpty()) return Value.UNKNOWN;
        Taint taint = Taint.NONE;
        boolean harmless = true;
        for (Operand input : inputs) {
            Value v = operand(input, state, range);
            taint = taint.union(v.taint());
            harmless &= v.harmless();
        }
        return Value.derived(taint, harmless);
    }

    /**
     * A value the language declares of {@code type}: named as an instance of it, so that methods called on it meet
     * the models of that type, unless what the analysis knows of it says more (a constant, a container whose
     * elements it tracks, an instance of a class of the tree, the result of a library call whose members the models
     * name: a response's writer is not any writer).
     */
    private Value typed(Value value, String type) {
        if (value.isConstant() || value.items() != null || value.entries() != null || knownType(value)) return value;
        String name = value.name();
        if (name != null && name.endsWith("()") && models.namesMemberOf(name) && models.objectSource(name).isEmpty()) {
            return value;
        }
        return value.withName(type + "()");
    }

    /** A write into a trust-boundary store: {@code key} is the entry's constant name, null when not constant. */
    private void checkStores(String target, String key, Value value, TextRange range) {
        for (TaintModels.Store store : models.stores(target)) {
            if (models.storeKeyMatters(store.kind(), key)) {
                checkSink(store.kind(), value, range, "stored in `" + target + "`", null);
            }
        }
    }

    /**
     * Reports the facts of {@code value} that can do {@code kind}'s harm here, and what the site is; {@code callee} is
     * the call the sink is, null for a return or a store.
     */
    SinkVerdict checkSink(TaintKind kind, Value value, TextRange range, String note, String callee) {
        if (!reporting) return null;
        SinkVerdict verdict = value.harmless() ? SinkVerdict.SAFE
                : value.taint().isEmpty() ? SinkVerdict.UNKNOWN : SinkVerdict.SAFE;
        Set<String> unheeded = models.unheeded(kind, callee);
        for (Fact fact : value.taint().facts()) {
            if (!fact.threatens(kind.mask()) || !SinkHit.heeds(unheeded, fact)) continue;
            verdict = verdict.combine(fact.origin().isParameter() ? SinkVerdict.UNKNOWN : SinkVerdict.TAINTED);
            report(kind, fact.via(fact.trace().then(path, range, note)), unheeded);
        }
        engine.verdict(path, range, kind, verdict);
        return verdict;
    }

    /** Records a verdict at the lines that configured an object used at a sink ({@link Configuration}). */
    void judgeConfiguration(TaintKind kind, Value object, SinkVerdict verdict) {
        if (!reporting || verdict == null) return;
        for (TextRange line : Configuration.lines(object)) engine.verdict(path, line, kind, verdict);
    }

    /**
     * The index of the polymorphic parameter {@code object} is, else -1: a value of its name and of its taint alone
     * (calls made on it since may have recorded where it was configured).
     */
    int polymorphicParameter(Value object) {
        for (int i = 0; i < polymorphicParameters.length; i++) {
            Value entry = polymorphicParameters[i];
            if (entry != null && entry.name().equals(object.name()) && entry.taint().equals(object.taint())) return i;
        }
        return -1;
    }

    /**
     * A method called on {@code object} with arguments of this taint, where a polymorphic parameter's calls are
     * judged ({@link ReceiverCall}): here, or, when {@code object} is a polymorphic parameter of this function too, by
     * its callers in turn. {@code path} and {@code range} are the call's.
     */
    void receiverCall(Value object, String method, List<Taint> arguments, String callPath, TextRange range) {
        if (!reporting || !models.sinkMethod(method)) return;
        int parameter = polymorphicParameter(object);
        if (parameter >= 0) {
            if (arguments.stream().anyMatch(t -> !t.isEmpty())) {
                receiverCalls.add(new ReceiverCall(parameter, method, arguments, callPath, range));
            }
            return;
        }
        if (object.name() == null) return;
        String callee = object.name() + "." + method;
        for (TaintModels.Sink sink : models.sinks(callee)) {
            if (sink.conditionKeyword() != null || sink.unlessArgument() != null || CallSemantics.exempted(sink, object, semantics)) {
                continue;
            }
            Set<String> unheeded = models.unheeded(sink.kind(), callee);
            for (int i = 0; i < arguments.size(); i++) {
                if (!sink.arguments().selects(i, null)) continue;
                for (Fact fact : arguments.get(i).facts()) {
                    if (!fact.threatens(sink.kind().mask()) || !SinkHit.heeds(unheeded, fact)) continue;
                    report(sink.kind(), fact.via(fact.trace().then(callPath, range, "reaches `" + CallSemantics.shown(callee) + "(…)`")),
                            unheeded);
                }
            }
        }
    }

    /** A tainted fact at a sink: a finding if it comes from a source, part of the summary if from a parameter. */
    void report(TaintKind kind, Fact fact, Set<String> unheeded) {
        if (!reporting) return;
        if (fact.origin().isParameter()) parameterSinks.add(new SinkHit(kind, fact, unheeded));
        else engine.finding(kind, fact);
    }

    Analysis engine() {
        return engine;
    }

    TaintModels models() {
        return models;
    }

    LanguageSemantics semantics() {
        return semantics;
    }

    String path() {
        return path;
    }

    Function function() {
        return function;
    }

    boolean reporting() {
        return reporting;
    }
}
