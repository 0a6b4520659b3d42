package dev.secreview.dataflow.analysis;

import dev.secreview.core.model.TextRange;
import dev.secreview.dataflow.ir.Block;
import dev.secreview.dataflow.ir.ClassInfo;
import dev.secreview.dataflow.ir.Function;
import dev.secreview.dataflow.ir.Instruction;
import dev.secreview.dataflow.ir.SourceModule;
import dev.secreview.dataflow.model.TaintKind;
import dev.secreview.dataflow.model.TaintModels;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Interprocedural taint analysis of a whole tree. Every function is analysed once, its callees first
 * (on demand), and summarised; a call applies its callee's summary to its own arguments, so flows
 * cross functions and modules. Recursion and very deep call chains fall back to the conservative
 * default for unknown calls, which keeps the analysis linear in the size of the tree.
 */
public final class TaintEngine {
    /** Deeper call chains than this are not followed: the callee counts as unknown code. */
    private static final int MAX_CALL_DEPTH = 24;
    private static final long STACK_BYTES = 512L * 1024 * 1024;

    private final Program program;
    private final TaintModels models;
    private final LanguageSemantics semantics;
    // Functions are compared by identity: a record's deep equality would hash its whole body.
    private final Map<Function, Summary> summaries = new IdentityHashMap<>();
    private final Set<Function> inProgress = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Function, String> paths = new IdentityHashMap<>();
    private final Map<String, TaintFinding> findings = new LinkedHashMap<>();
    private final Map<TaintResult.Site, SinkVerdict> verdicts = new HashMap<>();
    private final Map<String, Set<Integer>> unreachableLines = new HashMap<>();
    private final Map<String, Set<Integer>> liveLines = new HashMap<>();
    private final Map<String, String> failures = new HashMap<>();
    private final Map<String, Optional<Value>> classAttributes = new HashMap<>();
    private int depth;

    /** {@code semantics}: the language the tree's IR was lowered from (one language per engine). */
    public TaintEngine(Program program, TaintModels models, LanguageSemantics semantics) {
        this.program = program;
        this.models = models;
        this.semantics = semantics;
        for (SourceModule module : program.modules()) {
            for (Function f : module.functions()) paths.put(f, module.source().displayPath());
        }
    }

    /** Analyses every function of the tree, on a thread with a stack deep enough for long call chains. */
    public TaintResult run() {
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread worker = new Thread(null, () -> {
            try {
                for (SourceModule module : program.modules()) {
                    for (Function function : module.functions()) summary(function);
                }
            } catch (RuntimeException e) {
                failure.set(e);
            }
        }, "secreview-dataflow", STACK_BYTES);
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("dataflow analysis interrupted", e);
        }
        if (failure.get() != null) throw failure.get();
        Map<String, Set<Integer>> dead = new HashMap<>();
        unreachableLines.forEach((path, lines) -> {
            Set<Integer> onlyDead = new HashSet<>(lines);
            onlyDead.removeAll(liveLines.getOrDefault(path, Set.of()));
            if (!onlyDead.isEmpty()) dead.put(path, Set.copyOf(onlyDead));
        });
        return new TaintResult(new ArrayList<>(findings.values()), verdicts, dead, failures);
    }

    /** The function's summary, analysing it first if needed; empty inside recursion or too deep a chain. */
    Optional<Summary> summary(Function function) {
        Summary known = summaries.get(function);
        if (known != null) return Optional.of(known);
        if (inProgress.contains(function) || depth >= MAX_CALL_DEPTH) return Optional.empty();
        inProgress.add(function);
        depth++;
        try {
            Summary summary;
            try {
                summary = new FunctionAnalyzer(this, function, pathOf(function)).run();
            } catch (RuntimeException | StackOverflowError e) {
                // One function the analysis cannot handle costs its own findings, not the tree's.
                failures.putIfAbsent(pathOf(function), function.simpleName() + " (" + e.getClass().getSimpleName() + ")");
                summary = Summary.failed(function);
            }
            summaries.put(function, summary);
            return Optional.of(summary);
        } finally {
            depth--;
            inProgress.remove(function);
        }
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
        Optional<Value> known = classAttributes.get(key);
        if (known != null) return known;
        Optional<List<Object>> declared = program.classBodyValues(type, attribute);
        if (declared.isEmpty()) return cached(key, Optional.empty());
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
            if (!stored.harmless()) return cached(key, Optional.empty());
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
        Optional<Value> known = classAttributes.get(key);
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
        classAttributes.put(key, value);
        return value;
    }

    String pathOf(Function function) {
        return paths.get(function);
    }

    Program program() {
        return program;
    }

    TaintModels models() {
        return models;
    }

    LanguageSemantics semantics() {
        return semantics;
    }

    void finding(TaintKind kind, Fact fact) {
        List<Step> path = fact.trace().steps();
        Step sink = path.get(path.size() - 1);
        String key = kind.name() + '|' + sink.path() + '|' + sink.range() + '|' + fact.origin().category();
        findings.putIfAbsent(key, new TaintFinding(kind, fact.origin().category(), fact.origin().label(), path));
        verdict(sink.path(), sink.range(), kind, SinkVerdict.TAINTED);
    }

    void verdict(String path, TextRange range, TaintKind kind, SinkVerdict verdict) {
        verdicts.merge(new TaintResult.Site(path, range.startLine(), kind.cwe()), verdict, SinkVerdict::combine);
    }

    void live(String path, Block block) {
        addLines(liveLines, path, block);
    }

    void unreachable(String path, Block block) {
        addLines(unreachableLines, path, block);
    }

    private static void addLines(Map<String, Set<Integer>> byPath, String path, Block block) {
        if (block.instructions().isEmpty()) return;
        Set<Integer> lines = byPath.computeIfAbsent(path, p -> new HashSet<>());
        for (Instruction instruction : block.instructions()) {
            for (int line = instruction.range().startLine(); line <= instruction.range().endLine(); line++) lines.add(line);
        }
    }
}
