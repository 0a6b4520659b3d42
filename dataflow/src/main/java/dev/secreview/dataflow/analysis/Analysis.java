package dev.secreview.dataflow.analysis;

import dev.secreview.core.model.TextRange;
import dev.secreview.dataflow.ir.Block;
import dev.secreview.dataflow.ir.ClassInfo;
import dev.secreview.dataflow.ir.Function;
import dev.secreview.dataflow.ir.Instruction;
import dev.secreview.dataflow.model.TaintKind;
import dev.secreview.dataflow.model.TaintModels;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a {@link FunctionAnalyzer} asks of the analysis around it: the summaries of its callees, the values the
 * tree gives class attributes, and where to put what it finds. The {@link TaintEngine} answers for real; a
 * {@link Speculation} answers on its own threads and records the questions, the answers and what was found, so
 * that the engine can take the result over when it would have given the same answers.
 */
abstract class Analysis {
    /** Deeper call chains than this are not followed: the callee counts as unknown code. */
    static final int MAX_CALL_DEPTH = 24;

    private final Program program;
    private final TaintModels models;
    private final LanguageSemantics semantics;
    private final Endpoints endpoints;

    Analysis(Program program, TaintModels models, LanguageSemantics semantics) {
        this.program = program;
        this.models = models;
        this.semantics = semantics;
        this.endpoints = Endpoints.of(program, models);
    }

    /** The function's summary, analysing it first if needed; empty inside recursion or too deep a chain. */
    abstract Optional<Summary> summary(Function function);

    abstract void finding(TaintKind kind, Fact fact);

    abstract void verdict(String path, TextRange range, TaintKind kind, SinkVerdict verdict);

    abstract void live(String path, Block block);

    abstract void unreachable(String path, Block block);

    /** Where {@link #classAttribute} and {@link #treeConstantAttribute} keep their answers. */
    abstract Map<String, Optional<Value>> classAttributes();

    Program program() {
        return program;
    }

    TaintModels models() {
        return models;
    }

    LanguageSemantics semantics() {
        return semantics;
    }

    Endpoints endpoints() {
        return endpoints;
    }

    /**
     * What reading {@code attribute} of an instance of {@code type} (or of the class) gives when the tree
     * binds it only to values fixed by the program: one of the constants the class bodies of its hierarchy
     * bind it to, or of the fixed values functions store under that name. Empty when anything else may be
     * there: another value stored under that name on any object, a class body binding it to something
     * else, a base class outside the tree, attributes of the hierarchy set by name at run time
     * ({@code setattr(self, key, value)}), nothing in the hierarchy binding it at all (something unseen
     * does), or a storing function whose summary is not known yet (recursion).
     */
    Optional<Value> classAttribute(ClassInfo type, String attribute) {
        String key = type.name() + "#" + attribute;
        Optional<Value> known = classAttributes().get(key);
        if (known != null) return known;
        Optional<List<Object>> declared = program.classBodyValues(type, attribute);
        if (declared.isEmpty()) return instanceAttribute(type, attribute, key);
        Value joined = null;
        for (Object constant : declared.get()) {
            Value value = Value.ofConstant(constant);
            joined = joined == null ? value : joined.join(value);
        }
        Set<String> hierarchy = program.hierarchy(type);
        boolean boundInHierarchy = joined != null;
        for (Function function : program.storesOf(attribute)) {
            Optional<Summary> summary = summary(function);
            if (summary.isEmpty()) return Optional.empty();   // not cached: later, the summary may be known
            Value stored = summary.get().attributeStores().get(attribute);
            if (stored == null) continue;   // the store is on a line no execution reaches
            if (!stored.harmless()) return instanceAttribute(type, attribute, key);
            joined = joined == null ? stored : joined.join(stored);
            boundInHierarchy |= storesOn(summary.get(), hierarchy, attribute);
        }
        for (Function function : program.storesOf(Instruction.StoreAttribute.ANY)) {
            Optional<Summary> summary = summary(function);
            if (summary.isEmpty()) return Optional.empty();
            if (storesOn(summary.get(), hierarchy, Instruction.StoreAttribute.ANY)) return cached(key, Optional.empty());
        }
        return cached(key, boundInHierarchy ? Optional.of(joined.withName(null)) : Optional.empty());
    }

    /**
     * What reading {@code attribute} of an object of unknown type gives when the tree binds that name only to
     * constants: in class bodies (at least one) and in whatever functions store under it. A class of the tree
     * is then the only thing that can have it ({@code self.broker.db_contains_type}, the broker handed in by
     * a caller). The caller keeps names that models give to sources out; attributes set by a computed name
     * ({@code setattr(obj, key, value)}) on an object of unknown type are not seen.
     */
    Optional<Value> treeConstantAttribute(String attribute) {
        String key = "*#" + attribute;
        Optional<Value> known = classAttributes().get(key);
        if (known != null) return known;
        Optional<List<Object>> declared = program.classBodyValuesAnywhere(attribute);
        if (declared.isEmpty()) return cached(key, Optional.empty());
        Value joined = null;
        for (Object constant : declared.get()) {
            Value value = Value.ofConstant(constant);
            joined = joined == null ? value : joined.join(value);
        }
        for (Function function : program.storesOf(attribute)) {
            Optional<Summary> summary = summary(function);
            if (summary.isEmpty()) return Optional.empty();   // not cached: later, the summary may be known
            Value stored = summary.get().attributeStores().get(attribute);
            if (stored == null) continue;
            if (!stored.harmless()) return cached(key, Optional.empty());
            joined = joined.join(stored);
        }
        return cached(key, Optional.of(joined.withName(null)));
    }

    /**
     * An attribute the class bodies do not bind to a constant, that the hierarchy's methods store only instances of
     * one client of the endpoints in ({@code self.compute_rpcapi = rpcapi.ComputeAPI()}, {@link Program#instanceAttribute}):
     * an instance of it, so that a request's data reaches the dispatch calls its methods make. Only clients: typing
     * every such attribute connected other paths too, and on the nine OpenStack trees what they added was mostly wrong.
     */
    private Optional<Value> instanceAttribute(ClassInfo type, String attribute, String key) {
        return cached(key, program.instanceAttribute(type, attribute).filter(endpoints::client)
                .map(name -> Value.named(name + "()", Taint.NONE)));
    }

    /** Whether the function stores the attribute on an instance of one of these classes. */
    private boolean storesOn(Summary summary, Set<String> classes, String attribute) {
        for (Summary.TypedStore store : summary.typedStores()) {
            if (store.attribute().equals(attribute)
                    && program.classInfo(store.type()).map(c -> classes.contains(c.name())).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    private Optional<Value> cached(String key, Optional<Value> value) {
        classAttributes().put(key, value);
        return value;
    }
}
