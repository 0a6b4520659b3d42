package dev.secreview.dataflow.analysis;

import dev.secreview.core.model.TextRange;
import dev.secreview.dataflow.ir.Block;
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
 *
 * <p>With more than one thread, a {@link Speculation} first analyses the functions on all of them; then the engine
 * goes through the tree on one thread, in its one order, and takes over each function's recorded analysis when
 * every answer it got then is the one the engine gives now, and analyses the function again otherwise. So what
 * is found, and in which order, is what one thread finds, whatever the number of threads.
 */
public final class TaintEngine extends Analysis {
    /** The system property that sets how many threads the analysis uses; 1 analyses on one thread only. */
    public static final String THREADS_PROPERTY = "secreview.dataflow.threads";
    /** The system property that, set to true, has each run print its times and work on standard error. */
    public static final String STATS_PROPERTY = "secreview.dataflow.stats";
    private static final long STACK_BYTES = 512L * 1024 * 1024;

    private final int threads;
    // Functions are compared by identity: a record's deep equality would hash its whole body.
    private final Map<Function, Summary> summaries = new IdentityHashMap<>();
    private final Set<Function> inProgress = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Function, String> paths = new IdentityHashMap<>();
    private final Map<Function, Integer> index = new IdentityHashMap<>();
    private final List<Function> order = new ArrayList<>();
    private final Map<String, TaintFinding> findings = new LinkedHashMap<>();
    private final Map<TaintResult.Site, SinkVerdict> verdicts = new HashMap<>();
    private final Map<String, Set<Integer>> unreachableLines = new HashMap<>();
    private final Map<String, Set<Integer>> liveLines = new HashMap<>();
    private final Map<String, String> failures = new HashMap<>();
    private final Map<String, Optional<Value>> classAttributes = new HashMap<>();
    private Speculation speculation;
    private int depth;
    private int takenOver;
    private int analysed;

    /**
     * {@code semantics}: the language the tree's IR was lowered from (one language per engine). The analysis uses
     * as many threads as the system property {@value #THREADS_PROPERTY} says, else one a processor.
     */
    public TaintEngine(Program program, TaintModels models, LanguageSemantics semantics) {
        this(program, models, semantics, defaultThreads());
    }

    /** {@code threads}: how many threads analyse functions (1: the engine's own only); the result is the same. */
    public TaintEngine(Program program, TaintModels models, LanguageSemantics semantics, int threads) {
        super(program, models, semantics);
        this.threads = Math.max(1, threads);
        for (SourceModule module : program.modules()) {
            for (Function f : module.functions()) {
                paths.put(f, module.source().displayPath());
                if (index.putIfAbsent(f, order.size()) == null) order.add(f);
            }
        }
    }

    /** {@value #THREADS_PROPERTY} if set, else the number of processors. */
    public static int defaultThreads() {
        Integer set = Integer.getInteger(THREADS_PROPERTY);
        return set != null ? Math.max(1, set) : Runtime.getRuntime().availableProcessors();
    }

    /** Analyses every function of the tree, on a thread with a stack deep enough for long call chains. */
    public TaintResult run() {
        long start = System.nanoTime();
        if (threads > 1 && order.size() > 1) {
            speculation = Speculation.run(program(), models(), semantics(), order, index, paths,
                    Math.min(threads, order.size()), STACK_BYTES);
        }
        long speculated = System.nanoTime();
        String speculationWork = speculation == null ? "" : " (" + speculation.work() + ")";
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        long[] cpu = new long[1];
        Thread worker = new Thread(null, () -> {
            try {
                for (Function function : order) summary(function);
            } catch (RuntimeException e) {
                failure.set(e);
            }
            if (Boolean.getBoolean(STATS_PROPERTY)) {
                cpu[0] = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            }
        }, "secreview-dataflow", STACK_BYTES);
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("dataflow analysis interrupted", e);
        } finally {
            speculation = null;
        }
        if (failure.get() != null) throw failure.get();
        if (Boolean.getBoolean(STATS_PROPERTY)) {
            System.err.printf("secreview dataflow: %d functions, %d threads: %d ms on all threads%s, %d ms on one (%d ms CPU);"
                            + " %d taken over, %d analysed on one%n", order.size(), threads, (speculated - start) / 1_000_000, speculationWork,
                    (System.nanoTime() - speculated) / 1_000_000, cpu[0] / 1_000_000, takenOver, analysed);
        }
        Map<String, Set<Integer>> dead = new HashMap<>();
        unreachableLines.forEach((path, lines) -> {
            Set<Integer> onlyDead = new HashSet<>(lines);
            onlyDead.removeAll(liveLines.getOrDefault(path, Set.of()));
            if (!onlyDead.isEmpty()) dead.put(path, Set.copyOf(onlyDead));
        });
        return new TaintResult(new ArrayList<>(findings.values()), verdicts, dead, failures);
    }

    /** How many functions the last run took over from the other threads' analyses, and how many it analysed itself. */
    int[] work() {
        return new int[] {takenOver, analysed};
    }

    @Override
    Optional<Summary> summary(Function function) {
        Summary known = summaries.get(function);
        if (known != null) return Optional.of(known);
        if (inProgress.contains(function) || depth >= MAX_CALL_DEPTH) return Optional.empty();
        inProgress.add(function);
        depth++;
        try {
            Summary summary = takeOver(function);
            if (summary != null) {
                takenOver++;
            } else {
                analysed++;
                try {
                    summary = new FunctionAnalyzer(this, function, pathOf(function)).run();
                } catch (RuntimeException | StackOverflowError e) {
                    // One function the analysis cannot handle costs its own findings, not the tree's.
                    failures.putIfAbsent(pathOf(function), function.simpleName() + " (" + e.getClass().getSimpleName() + ")");
                    summary = Summary.failed(function);
                }
            }
            summaries.put(function, summary);
            return Optional.of(summary);
        } finally {
            depth--;
            inProgress.remove(function);
        }
    }

    /**
     * The function's recorded summary, when its recorded analysis holds here: its events are replayed in order (what
     * it found, found again; what it asked, asked again of this engine, which analyses callees as it goes), and
     * null at the first answer that differs from the recorded one. Then the function is analysed again, and asks the
     * same questions up to there, which now find their answers known; what was already found is found again
     * without effect (a finding is kept by the first path to its sink, verdicts combine to the strongest, lines
     * are sets).
     */
    private Summary takeOver(Function function) {
        Speculation.Recording recording = speculation == null ? null : speculation.recording(function);
        if (recording == null || !recording.trusted()) return null;
        try {
            for (Object event : recording.events()) {
                if (event instanceof Speculation.Found found) {
                    finding(found.kind(), found.fact());
                } else if (event instanceof Speculation.Judged judged) {
                    verdict(judged.path(), judged.range(), judged.kind(), judged.verdict());
                } else if (event instanceof Speculation.Lines lines) {
                    if (lines.live()) live(lines.path(), lines.block());
                    else unreachable(lines.path(), lines.block());
                } else if (event instanceof Speculation.SummaryAsked asked) {
                    if (!Same.summaries(summary(asked.function()), asked.answer())) return null;
                } else if (event instanceof Speculation.ClassAttributeAsked asked) {
                    if (!Same.values(classAttribute(asked.type(), asked.attribute()), asked.answer())) return null;
                } else if (event instanceof Speculation.TreeConstantAsked asked) {
                    if (!Same.values(treeConstantAttribute(asked.attribute()), asked.answer())) return null;
                }
            }
        } catch (RuntimeException | StackOverflowError e) {
            return null;   // the function's own analysis meets the same failure, and reports it
        }
        return recording.summary();
    }

    @Override
    Map<String, Optional<Value>> classAttributes() {
        return classAttributes;
    }

    String pathOf(Function function) {
        return paths.get(function);
    }

    @Override
    void finding(TaintKind kind, Fact fact) {
        List<Step> path = fact.trace().steps();
        Step sink = path.get(path.size() - 1);
        String key = kind.name() + '|' + sink.path() + '|' + sink.range() + '|' + fact.origin().category();
        findings.putIfAbsent(key, new TaintFinding(kind, fact.origin().category(), fact.origin().label(), path));
        verdict(sink.path(), sink.range(), kind, SinkVerdict.TAINTED);
    }

    @Override
    void verdict(String path, TextRange range, TaintKind kind, SinkVerdict verdict) {
        verdicts.merge(new TaintResult.Site(path, range.startLine(), kind.cwe()), verdict, SinkVerdict::combine);
    }

    @Override
    void live(String path, Block block) {
        addLines(liveLines, path, block);
    }

    @Override
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
