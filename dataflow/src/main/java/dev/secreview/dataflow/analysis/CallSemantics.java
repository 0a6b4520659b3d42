package dev.secreview.dataflow.analysis;

import dev.secreview.core.model.TextRange;
import dev.secreview.dataflow.ir.Argument;
import dev.secreview.dataflow.ir.Constant;
import dev.secreview.dataflow.ir.Expr;
import dev.secreview.dataflow.ir.Function;
import dev.secreview.dataflow.ir.Operand;
import dev.secreview.dataflow.model.NamePattern;
import dev.secreview.dataflow.model.Operation;
import dev.secreview.dataflow.model.TaintModels;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one call does to taint and constants: sinks it reaches, functions of the scanned tree applied
 * through their summaries, containers and strings the call reads or changes, sanitisers and sources
 * from the models, and otherwise the conservative default: the result carries the taint of the
 * receiver and of every argument.
 */
final class CallSemantics {
    private final FunctionAnalyzer analyzer;
    private final Expr.Call call;
    private final Map<String, Value> state;
    private final TextRange range;
    private final Value receiver;
    private final Value target;
    private final List<Value> positional = new ArrayList<>();
    private final Map<String, Value> keywords = new LinkedHashMap<>();
    private Taint unpacked = Taint.NONE;
    /** The elements of a {@code *args} argument when they are known (a list or tuple the analysis built). */
    private List<Value> splatted;
    /** The mappings unpacked as keyword arguments ({@code **kwargs}), which a model selects as {@code **}. */
    private final List<Value> keywordMappings = new ArrayList<>();
    private final String callee;

    CallSemantics(FunctionAnalyzer analyzer, Expr.Call call, Map<String, Value> state, TextRange range) {
        this.analyzer = analyzer;
        this.call = call;
        this.state = state;
        this.range = range;
        Value callTarget = analyzer.operand(call.target(), state, range);
        this.receiver = call.method() != null ? callTarget : null;
        this.target = call.method() == null ? callTarget : null;
        for (Argument argument : call.arguments()) {
            Value value = analyzer.operand(argument.value(), state, range);
            if (argument.positional()) positional.add(value);
            else if (argument.keyword().startsWith("*")) {
                unpacked = unpacked.union(value.taint());
                if (argument.keyword().equals("*") && positional.isEmpty() && splatted == null) splatted = value.items();
                if (argument.keyword().equals("**")) keywordMappings.add(value);
            }
            else keywords.put(argument.keyword(), value);
        }
        this.callee = inheritedFromOutside(calleeName(receiver, target, call.method(), analyzer.semantics()));
    }

    /**
     * A method an instance of a class of the tree inherits from a framework class outside it
     * ({@code self.redirect(...)} in a {@code tornado.web.RequestHandler} subclass) is named after that
     * class, so that the framework's models apply to it.
     */
    private String inheritedFromOutside(String name) {
        if (receiver == null || call.method() == null || receiver.name() == null || !receiver.name().endsWith("()")) {
            return name;
        }
        Program program = analyzer.engine().program();
        String type = receiver.name().substring(0, receiver.name().length() - 2);
        if (program.classInfo(type).isEmpty() || program.method(type, call.method()).isPresent()) return name;
        for (String ancestor : program.ancestors(type)) {
            if (program.classInfo(ancestor).isEmpty()) return ancestor + "()." + call.method();
        }
        return name;
    }

    /**
     * The symbolic name of what is called: {@code subprocess.run}, {@code sqlite3.connect().execute}, {@code ?.get};
     * a method of a constant string is named after the language's string type ({@code str.format}).
     */
    static String calleeName(Value receiver, Value target, String method, LanguageSemantics semantics) {
        if (method == null) return target.name();
        if (receiver.name() != null) return receiver.name() + "." + method;
        if (receiver.constant() instanceof String) return semantics.stringType() + "." + method;
        return "?." + method;
    }

    /**
     * {@code s.replace("'", "&apos;")}: every occurrence of one character the models reject is gone (a
     * longer text such as {@code ".."} could be rebuilt by the removal, so it does not count).
     */
    private long replacedCharacter() {
        if (analyzer.models().method(call.method(), Operation.Target.TEXT).orElse(null) != Operation.REPLACE
                || positional.size() != 2) return 0;
        if (!(positional.get(0).constant() instanceof String old) || old.length() != 1
                || !(positional.get(1).constant() instanceof String replacement) || replacement.contains(old)) {
            return 0;
        }
        return analyzer.models().rejectedBy(old);
    }

    /** Whether the models say this call never returns. */
    boolean terminates() {
        return callee != null && analyzer.models().noReturn(callee);
    }

    Value result() {
        checkSinks();
        Value result = dispatched().or(this::wrapped).or(this::userCode).or(this::modelledReceiver).or(this::builtin).or(this::passed)
                .orElseGet(this::propagated);
        setProperties();
        if (receiver != null && receiver.constant() instanceof String text) {
            // "<a>{}</a>".format(name), "\n".join(lines): the data is placed in the receiver's text
            result = result.withTaint(TextBuilding.placed(result.taint(), text + constantText(positional), analyzer.models()));
        }
        long sanitized = analyzer.models().sanitizedBy(callee) | replacedCharacter();
        if (sanitized != 0) result = result.withTaint(result.taint().sanitize(sanitized));
        if (receiver != null && analyzer.models().method(call.method(), Operation.Target.CONTAINER)
                .map(Operation::readsItem).orElse(false)) {
            result = analyzer.itemOfSourceObject(receiver, positional.isEmpty() ? null : positional.get(0), result, range);
        } else if (receiver != null) {
            result = analyzer.partOfSourceObject(receiver, result, callee + "()", range);
        }
        return sourceResult(result);
    }

    private void checkSinks() {
        if (callee == null || !analyzer.reporting()) return;
        checkSinks(callee, "reaches `" + shown(callee) + "(…)`");
        for (String constructor : inheritedConstructors()) {
            checkSinks(constructor, "reaches `" + shown(callee) + "(…)` (the constructor of `" + shown(constructor) + "`)");
        }
        checkArgumentVectors();
        if (receiver != null && analyzer.polymorphicParameter(receiver) >= 0) {
            List<Taint> arguments = new ArrayList<>();
            for (Value value : positional) arguments.add(value.taint());
            analyzer.receiverCall(receiver, call.method(), arguments, analyzer.path(), range);
        }
    }

    private void checkSinks(String name, String reaches) {
        for (TaintModels.Sink sink : analyzer.models().sinks(name)) {
            if (sink.conditionKeyword() != null) {
                Value flag = keywords.get(sink.conditionKeyword());
                if (flag == null || !flag.isConstant()) continue;
                boolean holds = sink.conditionValues().isEmpty() ? analyzer.semantics().truthy(flag.constant())
                        : NamePattern.listed(sink.conditionValues(), analyzer.semantics().text(flag.constant()));
                if (!holds) continue;
            }
            if (sink.unlessArgument() != null && selected(sink.unlessArgument()).stream().anyMatch(v -> exempts(sink, v))) {
                continue;
            }
            if (receiver != null && exempted(sink, receiver, analyzer.semantics())) continue;
            String note = reaches + (sink.conditionKeyword() == null ? ""
                    : " with " + sink.conditionKeyword() + "=" + analyzer.semantics().text(sink.conditionValues().isEmpty()
                    ? Boolean.TRUE : keywords.get(sink.conditionKeyword()).constant()));
            SinkVerdict verdict = null;
            for (Value value : selected(sink.arguments())) {
                SinkVerdict v = analyzer.checkSink(sink.kind(), value, range, note, callee);
                if (v != null) verdict = verdict == null ? v : verdict.combine(v);
            }
            // The parser (or other object) the data meets here: its configuring calls are judged by the data.
            if (receiver != null) analyzer.judgeConfiguration(sink.kind(), receiver, verdict);
            for (Value argument : positional) analyzer.judgeConfiguration(sink.kind(), argument, verdict);
            for (Value argument : keywords.values()) analyzer.judgeConfiguration(sink.kind(), argument, verdict);
        }
    }

    /**
     * The constructors outside the tree that build an instance of a class of the tree which defines none of its own:
     * {@code User(**data)}, for {@code class User(db.Model)}, runs the ORM's constructor, which sets every field it is
     * given, so the models' sinks of that constructor apply.
     */
    private List<String> inheritedConstructors() {
        if (call.method() != null || target == null || target.name() == null) return List.of();
        Program program = analyzer.engine().program();
        if (program.classInfo(target.name()).isEmpty()) return List.of();
        List<String> outside = new ArrayList<>();
        for (String ancestor : program.ancestors(target.name())) {
            if (program.classInfo(ancestor).isEmpty()) outside.add(ancestor);
            else if (program.function(ancestor + "." + analyzer.semantics().initializer()).isPresent()) return List.of();
        }
        return outside;
    }

    /** Whether the receiver's property, known on every path, is one the sink's {@code unless @PROPERTY=} clause names. */
    static boolean exempted(TaintModels.Sink sink, Value receiver, LanguageSemantics semantics) {
        if (sink.unlessProperty() == null) return false;
        Value property = receiver.property(sink.unlessProperty());
        return property != null && property.isConstant()
                && NamePattern.listed(sink.unlessPropertyValues(), semantics.text(property.constant()));
    }

    /** The properties the models say this call sets on its receiver ({@code response.setContentType("text/plain")}). */
    private void setProperties() {
        if (callee == null || receiver == null || !(call.target() instanceof Operand.Local local)) return;
        for (TaintModels.PropertySetter setter : analyzer.models().propertySetters(callee)) {
            if (setter.condition() >= 0 && !(setter.condition() < positional.size()
                    && positional.get(setter.condition()).constant() instanceof String name
                    && setter.conditionValues().contains(name.toLowerCase(java.util.Locale.ROOT)))) {
                continue;
            }
            Value value = setter.argument() < positional.size() ? positional.get(setter.argument()) : Value.UNKNOWN;
            Value property = value.isConstant() ? Value.constant(value.constant()) : Value.UNKNOWN;
            Value current = state.getOrDefault(local.name(), receiver);
            state.put(local.name(), current.withProperty(setter.property(), property));
            // What was obtained from the object before (its writer, named after it) is set as the object now is.
            if (receiver.name() == null) continue;
            state.replaceAll((name, held) -> held.name() != null && held.name().startsWith(receiver.name() + ".")
                    ? held.withProperty(setter.property(), property) : held);
        }
    }

    /** Whether an argument names what the sink's {@code unless} clause lists, or a class of the tree derived only from those. */
    private boolean exempts(TaintModels.Sink sink, Value argument) {
        // `*`: any value; the argument is given at all (range(start, stop) is not range(stop))
        if (sink.unlessNames().contains("*")) return true;
        if (argument.isConstant() && NamePattern.listed(sink.unlessNames(), analyzer.semantics().text(argument.constant()))) return true;
        // `{}`: a mapping, which the callee writes as JSON ({@code RequestHandler.write(dict)})
        if (sink.unlessNames().contains("{}") && argument.entries() != null) return true;
        // `?`: a value the program chooses at run time from nothing that came from outside (a negotiated type)
        if (!argument.isConstant() && sink.unlessNames().contains("?")
                && argument.taint().facts().stream().allMatch(fact -> fact.origin().isParameter())) {
            return true;
        }
        return argument.name() != null && (sink.unlessNames().contains(argument.name())
                || analyzer.engine().program().derivesOnlyFrom(argument.name(), sink.unlessNames()));
    }

    /** An argument vector: its program, or the command string a shell runs with -c, is the sink. */
    private void checkArgumentVectors() {
        for (TaintModels.ArgumentVector vector : analyzer.models().argumentVectors(callee)) {
            // `*`: the positional arguments are the vector (execute("ls", path), execute(*cmd))
            List<Value> vectors = vector.arguments().any()
                    ? List.of(Value.sequence(splatted != null ? splatted : positional))
                    : selected(vector.arguments());
            for (Value argv : vectors) {
                List<Value> items = argv.items();
                if (items == null || items.isEmpty()) continue;
                String note = "reaches `" + shown(callee) + "(…)` as the program it runs";
                analyzer.checkSink(vector.kind(), items.get(0), range, note, callee);
                if (items.size() >= 3 && items.get(1).constant() instanceof String flag && SHELL_COMMAND_FLAGS.contains(flag)) {
                    analyzer.checkSink(vector.kind(), items.get(2), range,
                            "reaches `" + shown(callee) + "(…)` as the command a shell runs with " + flag, callee);
                }
            }
        }
    }

    private static final java.util.Set<String> SHELL_COMMAND_FLAGS = java.util.Set.of("-c", "/c", "/C", "-Command");

    private List<Value> selected(dev.secreview.dataflow.model.ArgumentSelector selector) {
        List<Value> values = new ArrayList<>();
        if (selector.receiver()) {
            if (receiver != null) values.add(receiver);
            return values;
        }
        for (int i = 0; i < positional.size(); i++) if (selector.selects(i, null)) values.add(positional.get(i));
        keywords.forEach((name, value) -> {
            if (selector.selects(-1, name)) values.add(value);
        });
        if (selector.keywords().contains("**")) values.addAll(keywordMappings);
        return values;
    }

    /**
     * A wrapper around an object whose members the models name ({@code new PrintWriter(response.getOutputStream())}):
     * the object itself, so that what is written to the wrapper meets the object's sinks.
     */
    private Optional<Value> wrapped() {
        if (callee == null) return Optional.empty();
        for (TaintModels.Wrapper wrapper : analyzer.models().wrappers(callee)) {
            if (wrapper.argument() >= positional.size()) continue;
            Value inner = positional.get(wrapper.argument());
            if (inner.name() != null && analyzer.models().namesMemberOf(inner.name())) return Optional.of(inner);
        }
        return Optional.empty();
    }

    /** A call the models say passes on only some of its inputs ({@code make_response((body, headers))}). */
    private Optional<Value> passed() {
        if (callee == null) return Optional.empty();
        return analyzer.models().passing(callee).map(passing -> {
            Taint taint = Taint.NONE;
            for (Value input : selected(passing.arguments())) {
                Value part = passing.element() >= 0 && input.items() != null
                        ? (passing.element() < input.items().size() ? input.items().get(passing.element()) : Value.UNKNOWN)
                        : input;
                taint = taint.union(part.taint());
            }
            return Value.named(callee + "()", taint);
        });
    }

    static String shown(String name) {
        return name.startsWith("?.") ? name.substring(2) : name;
    }

    private Value sourceResult(Value result) {
        if (callee == null) return result;
        Optional<TaintModels.Source> source = analyzer.models().source(callee + "()");
        if (source.isEmpty()) return result;
        String category = source.get().category();
        Step start = Step.first(analyzer.path(), range, "`" + shown(callee) + "()`: " + source.get().label());
        return result.withTaint(result.taint().union(Taint.of(new Fact(Origin.source(category, source.get().label()),
                analyzer.models().kindsThreatenedBy(category), start))));
    }

    /** A function, method or class of the scanned tree, through its summary. */
    private Optional<Value> userCode() {
        Program program = analyzer.engine().program();
        if (receiver != null && receiver.name() != null && receiver.name().endsWith("()")) {
            String type = receiver.name().substring(0, receiver.name().length() - 2);
            Optional<Function> method = program.method(type, call.method());
            if (method.isPresent()) return apply(method.get(), receiver);
        }
        if (callee == null) return Optional.empty();
        Optional<Function> function = program.function(callee);
        if (function.isPresent()) return apply(function.get(), null);
        if (program.classInfo(callee).isPresent()) {
            String type = program.canonical(callee);
            // An object built from its arguments carries their taint, except for strict kinds: it is not them.
            Value object = Value.named(type + "()", argumentTaint().sanitize(analyzer.models().strictKinds()));
            program.method(type, analyzer.semantics().initializer()).ifPresent(init -> apply(init, object));
            return Optional.of(object);
        }
        return Optional.empty();
    }

    /**
     * A call the models say dispatches by name to the endpoints of the tree ({@code cctxt.cast(ctxt, "resize",
     * instance=instance)}): each endpoint method of that name, its parameters bound to the keyword arguments by name,
     * reaches the sinks its summary says, and the call gives what they return of the arguments (not the data of the
     * client it is made on). Empty when no endpoint of the tree has a method of that name.
     */
    private Optional<Value> dispatched() {
        Optional<TaintModels.Dispatch> dispatch = analyzer.models().dispatch(callee);
        if (dispatch.isEmpty()) return Optional.empty();
        int at = dispatch.get().nameArgument();
        if (at >= positional.size() || !(positional.get(at).constant() instanceof String method)) return Optional.empty();
        Map<String, Value> arguments = new HashMap<>();
        Taint unknownKeys = Taint.NONE;
        for (Value mapping : keywordMappings) {
            if (mapping.entries() == null) {
                unknownKeys = unknownKeys.union(mapping.taint());
                continue;
            }
            mapping.entries().forEach((key, value) -> {
                if (key instanceof String name) arguments.merge(name, value, Value::join);
            });
        }
        arguments.putAll(keywords);
        List<Function> endpoints = analyzer.engine().endpoints().methods(method);
        if (endpoints.isEmpty()) return Optional.empty();
        Taint returned = Taint.NONE;
        for (Function endpoint : endpoints) {
            Optional<Summary> summary = analyzer.engine().summary(endpoint);
            if (summary.isEmpty()) return Optional.empty();   // inside recursion: the call is unknown code
            List<String> parameters = endpoint.parameters();
            Value[] bound = new Value[parameters.size()];
            Map<String, Value> rest = new HashMap<>(arguments);
            for (int i = 1; i < parameters.size(); i++) bound[i] = rest.remove(parameters.get(i));
            for (int i = 1; i < parameters.size(); i++) {
                // `**kwargs` of the method takes the keywords no parameter names, and a mapping whose keys are not known
                if (parameters.get(i).startsWith("**") && (!rest.isEmpty() || !unknownKeys.isEmpty())) {
                    bound[i] = Value.tainted(Value.taintOf(rest.values()).union(unknownKeys));
                }
            }
            String owner = endpoint.owner().substring(endpoint.owner().lastIndexOf('.') + 1);
            String name = "`" + owner + "." + endpoint.simpleName() + "()` by remote call";
            reachSinks(summary.get(), bound, name);
            // What the caller sent that comes back; what the endpoint's own inputs (under their threat model) make of
            // the answer is the server's, not data of this caller's.
            Taint sentBack = Taint.NONE;
            for (Fact fact : summary.get().returned().taint().facts()) {
                if (fact.origin().isParameter()) sentBack = sentBack.union(Taint.of(fact));
            }
            returned = returned.union(inCaller(sentBack, bound, name));
        }
        return Optional.of(Value.tainted(returned));
    }

    private Optional<Value> apply(Function function, Value self) {
        Optional<Summary> summary = analyzer.engine().summary(function);
        if (summary.isEmpty()) return Optional.empty();
        Value[] bound = bind(function, self);
        String name = "`" + function.simpleName() + "()`";
        Summary s = summary.get();
        Taint taint = inCaller(s.returned().taint(), bound, name);
        reachSinks(s, bound, name);
        Value returned = s.returned();
        // A parameter's name means nothing in the caller; a type or global name does.
        String returnedName = returned.name() == null || function.parameters().contains(returned.name()) ? null : returned.name();
        if (returned.entries() != null && returnedName == null) {
            // A dict of results ({"key": name, "value": data}) keeps its entries apart: reading one does not
            // carry the taint of the others.
            Map<Object, Value> entries = new HashMap<>();
            returned.entries().forEach((key, entry) -> {
                Taint entryTaint = inCaller(entry.taint(), bound, name);
                entries.put(key, new Value(entry.constant(), entry.fixed() && entryTaint.isEmpty(), entryTaint,
                        null, null, null, null));
            });
            return Optional.of(Value.mapping(entries));
        }
        if (returned.items() != null && returnedName == null && returned.taint().equals(Value.taintOf(returned.items()))) {
            // A tuple of results (a limit and a marker) keeps its items apart too: unpacking one does not carry the others' taint.
            List<Value> items = new ArrayList<>();
            for (Value item : returned.items()) {
                Taint itemTaint = inCaller(item.taint(), bound, name);
                items.add(new Value(item.constant(), item.fixed() && itemTaint.isEmpty(), itemTaint, null, null, null, null));
            }
            return Optional.of(Value.sequence(items));
        }
        return Optional.of(new Value(returned.constant(), returned.fixed() && taint.isEmpty(), taint, returnedName, null, null, null));
    }

    /** What the callee's summary says its parameters reach, with the caller's values bound to them. */
    private void reachSinks(Summary s, Value[] bound, String name) {
        for (SinkHit hit : s.parameterSinks()) {
            Value argument = argument(bound, hit.fact().origin().parameter());
            for (Fact given : argument.taint().facts()) {
                long kinds = analyzer.models().throughCallee(given.kinds(), hit.fact().kinds());
                if ((kinds & hit.kind().mask()) == 0 || !SinkHit.heeds(hit.unheeded(), given)) continue;
                Step path = given.trace().then(analyzer.path(), range, "passed to " + name).thenAll(hit.fact().trace());
                analyzer.report(hit.kind(), new Fact(given.origin(), kinds, path), hit.unheeded());
            }
        }
        for (ReceiverCall called : s.receiverCalls()) {
            List<Taint> arguments = new ArrayList<>();
            for (Taint argument : called.arguments()) arguments.add(passedIn(argument, bound, name));
            analyzer.receiverCall(argument(bound, called.receiver()), called.method(), arguments, called.path(), called.range());
        }
    }

    /** A returned value's facts as the caller sees them: parameter origins replaced by the caller's arguments. */
    private Taint inCaller(Taint returned, Value[] bound, String name) {
        Taint taint = Taint.NONE;
        for (Fact fact : returned.facts()) {
            if (!fact.origin().isParameter()) {
                taint = taint.union(Taint.of(fact.via(fact.trace().then(analyzer.path(), range, "returned by " + name))));
                continue;
            }
            Value argument = argument(bound, fact.origin().parameter());
            for (Fact given : argument.taint().facts()) {
                Step path = given.trace().then(analyzer.path(), range, "passed to " + name)
                        .thenAll(fact.trace()).then(analyzer.path(), range, "returned by " + name);
                taint = taint.union(Taint.of(new Fact(given.origin(), analyzer.models().throughCallee(given.kinds(), fact.kinds()), path)));
            }
        }
        return taint;
    }

    /** A callee's facts as the caller sees them before the callee returns: parameter origins replaced by the caller's arguments. */
    private Taint passedIn(Taint inCallee, Value[] bound, String name) {
        Taint taint = Taint.NONE;
        for (Fact fact : inCallee.facts()) {
            if (!fact.origin().isParameter()) {
                taint = taint.union(Taint.of(fact));
                continue;
            }
            for (Fact given : argument(bound, fact.origin().parameter()).taint().facts()) {
                Step path = given.trace().then(analyzer.path(), range, "passed to " + name).thenAll(fact.trace());
                taint = taint.union(Taint.of(new Fact(given.origin(), analyzer.models().throughCallee(given.kinds(), fact.kinds()), path)));
            }
        }
        return taint;
    }

    private static Value argument(Value[] bound, int index) {
        return index < bound.length && bound[index] != null ? bound[index] : Value.UNKNOWN;
    }

    /** The caller's values for each parameter of {@code function}; {@code self} binds the first. */
    private Value[] bind(Function function, Value self) {
        List<String> parameters = function.parameters();
        Value[] bound = new Value[parameters.size()];
        int next = 0;
        if (self != null && !parameters.isEmpty()) bound[next++] = self;
        for (Value value : positional) {
            if (next >= parameters.size()) break;
            if (parameters.get(next).startsWith("*")) {
                bound[next] = bound[next] == null ? value : bound[next].join(value);
            } else {
                bound[next++] = value;
            }
        }
        Map<String, Value> rest = new HashMap<>(keywords);
        for (int i = 0; i < parameters.size(); i++) {
            Value value = rest.remove(parameters.get(i));
            if (value != null) bound[i] = value;
        }
        for (int i = 0; i < parameters.size(); i++) {
            String parameter = parameters.get(i);
            if (parameter.startsWith("*") && (!rest.isEmpty() || !unpacked.isEmpty())) {
                Value extra = Value.tainted(Value.taintOf(rest.values()).union(unpacked));
                bound[i] = bound[i] == null ? extra : bound[i].join(extra);
            }
        }
        return bound;
    }

    /**
     * Methods the models say store into or read from their receiver: keyed ({@code parser.set(s, k, v)}
     * then {@code parser.get(s, k)}), or accumulating ({@code buffer.write(text)}).
     */
    private Optional<Value> modelledReceiver() {
        if (call.method() == null || callee == null) return Optional.empty();
        Optional<TaintModels.KeyedAccess> keyed = analyzer.models().keyedAccess(callee);
        if (keyed.isPresent()) return Optional.of(keyedAccess(keyed.get()));
        Optional<TaintModels.Accumulator> accumulator = analyzer.models().accumulator(callee);
        if (accumulator.isEmpty()) return Optional.empty();
        Taint added = Value.taintOf(selected(accumulator.get().arguments()));
        updateReceiver(receiver.withTaint(receiver.taint().union(added)));
        return Optional.of(Value.constant(Constant.NONE));
    }

    private Value keyedAccess(TaintModels.KeyedAccess access) {
        List<Object> key = new ArrayList<>();
        for (int position : access.keys()) {
            Value part = position < positional.size() ? positional.get(position) : Value.UNKNOWN;
            key.add(part.isConstant() ? part.constant() : null);
        }
        boolean exactKey = !key.contains(null);
        // A fresh object (no entries, no taint yet) is an empty mapping; one tainted before is not exact.
        Map<Object, Value> entries = receiver.entries() != null ? receiver.entries()
                : receiver.taint().isEmpty() ? Map.of() : null;
        if (access.value() != null) {
            Value stored = access.value() < positional.size() ? positional.get(access.value()) : Value.UNKNOWN;
            if (exactKey && entries != null) {
                Map<Object, Value> updated = new HashMap<>(entries);
                updated.put(List.copyOf(key), stored);
                updateReceiver(Value.mapping(updated).withName(receiver.name()));
            } else {
                updateReceiver(Value.named(receiver.name(), receiver.taint().union(stored.taint())));
            }
            return Value.constant(Constant.NONE);
        }
        if (exactKey && entries != null) {
            Value found = entries.get(List.copyOf(key));
            if (found != null) return found;
            List<Value> fallback = access.fallback() == null ? List.of() : selected(access.fallback());
            return fallback.isEmpty() ? Value.UNKNOWN : fallback.get(0);
        }
        return Value.tainted(receiver.taint());
    }

    private void updateReceiver(Value updated) {
        if (call.target() instanceof Operand.Local local) state.put(local.name(), updated);
    }

    /**
     * Containers and strings: the methods whose effect on elements and constants is known, as the models
     * name them ({@code method} and {@code function} lines).
     */
    private Optional<Value> builtin() {
        String method = call.method();
        if (method == null) return Optional.ofNullable(builtinFunction());
        if (receiver.constant() instanceof String s) {
            List<Object> constants = new ArrayList<>();
            for (Value v : positional) {
                if (!v.isConstant()) return Optional.empty();
                constants.add(v.constant());
            }
            Operation operation = analyzer.models().method(method, Operation.Target.TEXT).orElse(null);
            if (keywords.isEmpty() && positional.size() == constants.size() && operation != null) {
                Object folded = operation == Operation.JOIN ? joined(s) : TextOperations.fold(operation, s, constants);
                if (folded != null) return Optional.of(Value.constant(folded));
            }
        }
        // Only values known to be containers: `requests.get(url)` is not `dict.get`.
        boolean container = receiver.items() != null || receiver.entries() != null || receiver.name() == null;
        Operation operation = analyzer.models().method(method, Operation.Target.CONTAINER).orElse(null);
        Mutation mutation = container && operation != null
                ? Mutation.of(operation, receiver, positional, analyzer.semantics()) : null;
        if (mutation == null) return Optional.empty();
        if (mutation.receiver() != null && call.target() instanceof Operand.Local local) {
            state.put(local.name(), Containers.keepName(mutation.receiver(), receiver));
        }
        return Optional.of(mutation.result());
    }

    /** The constant text among the arguments and the items of the sequences among them. */
    private String constantText(List<Value> arguments) {
        StringBuilder text = new StringBuilder();
        for (Value argument : arguments) {
            if (argument.isConstant()) text.append(analyzer.semantics().text(argument.constant()));
            else if (argument.items() != null) text.append(constantText(argument.items()));
        }
        return text.toString();
    }

    private String joined(String separator) {
        if (positional.size() != 1 || positional.get(0).items() == null) return null;
        StringBuilder text = new StringBuilder();
        for (Value item : positional.get(0).items()) {
            if (!item.isConstant()) return null;
            if (text.length() > 0) text.append(separator);
            text.append(analyzer.semantics().text(item.constant()));
        }
        return text.toString();
    }

    /** The functions the models name as operations ({@code function length len}) on constants and containers. */
    private Value builtinFunction() {
        if (target.name() == null || positional.size() != 1 || !keywords.isEmpty()) return null;
        Operation operation = analyzer.models().function(target.name()).orElse(null);
        if (operation == null) return null;
        Value argument = positional.get(0);
        switch (operation) {
            case TO_TEXT:
                return argument.isConstant() ? Value.constant(analyzer.semantics().text(argument.constant())) : null;
            case LENGTH:
                if (argument.constant() instanceof String s) return Value.constant((long) s.length());
                return argument.items() != null ? Value.constant((long) argument.items().size()) : null;
            case TO_SEQUENCE:
                return argument.items() != null ? Value.sequence(argument.items()) : null;
            default:
                return null;
        }
    }

    /**
     * A call the analysis has no summary for: its result may hold any input. It is fixed only if the
     * models say it is pure; strict kinds pass only through functions the models know (pure ones,
     * sanitisers) or out of the receiver of a method.
     */
    private Value propagated() {
        if (call.method() != null && call.target() instanceof Operand.Local local && receiver.name() != null) {
            state.put(local.name(), Configuration.configuredAt(receiver, range));
        }
        boolean modelled = callee != null && (analyzer.models().pure(callee) || analyzer.models().sanitizedBy(callee) != 0);
        // What a method returns is data of its receiver (`s.strip()`, `args.get(k)`); what an unknown
        // function makes of its arguments is a guess, which strict kinds do not take.
        Taint taint = modelled ? argumentTaint() : (receiver == null ? Taint.NONE : receiver.taint())
                .union(argumentTaint(false).sanitize(analyzer.models().strictKinds()));
        // What a method gives out of its object is set as the object is (the writer of a text/plain response).
        Value result = Value.named(callee == null ? null : callee + "()", taint);
        if (receiver != null) result = result.withPropertiesOf(receiver);
        boolean pure = callee != null && analyzer.models().pure(callee);
        return pure && inputsHarmless() ? new Value(null, true, taint, result.name(), null, null, result.attributes()) : result;
    }

    private boolean inputsHarmless() {
        // `base64.b64decode(x)`: the receiver is a module, not an input.
        boolean moduleReceiver = call.target() instanceof Operand.Global && receiver != null && receiver.taint().isEmpty();
        if (receiver != null && !moduleReceiver && !receiver.harmless()) return false;
        for (Value v : positional) if (!v.harmless()) return false;
        for (Value v : keywords.values()) if (!v.harmless()) return false;
        return unpacked.isEmpty();
    }

    private Taint argumentTaint() {
        return argumentTaint(true);
    }

    private Taint argumentTaint(boolean withReceiver) {
        Taint taint = receiver == null || !withReceiver ? Taint.NONE : receiver.taint();
        for (Value v : positional) taint = taint.union(v.taint());
        for (Value v : keywords.values()) taint = taint.union(v.taint());
        return taint.union(unpacked);
    }
}
