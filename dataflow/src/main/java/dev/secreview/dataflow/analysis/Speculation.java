package dev.secreview.dataflow.analysis;

import dev.secreview.core.model.TextRange;
import dev.secreview.dataflow.ir.Block;
import dev.secreview.dataflow.ir.ClassInfo;
import dev.secreview.dataflow.ir.Function;
import dev.secreview.dataflow.model.TaintKind;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The parallel part of the whole-tree analysis: several threads analyse the tree's functions as the
 * {@link TaintEngine} would (each from a function of the tree, in the engine's order, callees first on demand,
 * summaries shared), and record, for each function analysed, every question its analysis asked (a callee's
 * summary, a class attribute's value) with the answer it got, what it found, and its summary: a {@link Recording}.
 *
 * <p>An answer may differ from the engine's: which function of a recursive cycle is entered first, how deep in a
 * call chain a function is first reached, and so which calls are cut, depend on the order functions are met in, and
 * each thread meets them in its own. So nothing here is a result: the engine, on one thread and in its own order,
 * takes a recording over only when it asks the same questions and gets the same answers ({@link Same}), and
 * otherwise analyses the function itself.
 */
final class Speculation {
    private final Map<Function, Integer> index;
    private final Map<Function, String> paths;
    private final AtomicReferenceArray<Recording> recordings;
    /** How many analyses the threads made (more than the functions when two threads analysed one at once), and their CPU time. */
    private final AtomicInteger analyses = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong cpuNanos = new java.util.concurrent.atomic.AtomicLong();
    private final Map<String, Optional<Value>> classAttributes = new ConcurrentHashMap<>();
    private final Program program;
    private final dev.secreview.dataflow.model.TaintModels models;
    private final LanguageSemantics semantics;

    /**
     * What one function's analysis asked and found, in order, and the summary it made; not {@code trusted} when the
     * analysis failed (the summary is then what callers use here, and the engine analyses the function itself).
     */
    record Recording(List<Object> events, Summary summary, boolean trusted) {
    }

    record Found(TaintKind kind, Fact fact) {
    }

    record Judged(String path, TextRange range, TaintKind kind, SinkVerdict verdict) {
    }

    record Lines(String path, Block block, boolean live) {
    }

    record SummaryAsked(Function function, Optional<Summary> answer) {
    }

    record ClassAttributeAsked(ClassInfo type, String attribute, Optional<Value> answer) {
    }

    record TreeConstantAsked(String attribute, Optional<Value> answer) {
    }

    private Speculation(Program program, dev.secreview.dataflow.model.TaintModels models, LanguageSemantics semantics,
                        Map<Function, Integer> index, Map<Function, String> paths) {
        this.program = program;
        this.models = models;
        this.semantics = semantics;
        this.index = index;
        this.paths = paths;
        this.recordings = new AtomicReferenceArray<>(index.size());
    }

    /**
     * Analyses the functions on {@code threads} threads, each with a stack of {@code stackBytes}, taking them in the
     * order given ({@code order.get(i)} is numbered {@code i} in {@code index}); returns when all are done.
     */
    static Speculation run(Program program, dev.secreview.dataflow.model.TaintModels models, LanguageSemantics semantics,
                           List<Function> order, Map<Function, Integer> index, Map<Function, String> paths,
                           int threads, long stackBytes) {
        Speculation speculation = new Speculation(program, models, semantics, index, paths);
        AtomicInteger next = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(null, () -> {
                Recorder recorder = speculation.new Recorder();
                try {
                    for (int i = next.getAndIncrement(); i < order.size(); i = next.getAndIncrement()) {
                        if (speculation.recordings.get(i) == null) recorder.summary(order.get(i));
                    }
                } catch (RuntimeException | StackOverflowError e) {
                    // Nothing here is a result: what this thread did not record, the engine analyses itself.
                }
                if (Boolean.getBoolean(TaintEngine.STATS_PROPERTY)) {
                    speculation.cpuNanos.addAndGet(java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
                }
            }, "secreview-dataflow-" + (t + 1), stackBytes);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("dataflow analysis interrupted", e);
            }
        }
        return speculation;
    }

    /** How many analyses the threads made, and their CPU time in milliseconds. */
    String work() {
        return analyses.get() + " analyses, " + cpuNanos.get() / 1_000_000 + " ms CPU";
    }

    /** The function's recording, if a thread made one. */
    Recording recording(Function function) {
        Integer i = index.get(function);
        return i == null ? null : recordings.get(i);
    }

    /** One function's analysis in progress: its events, and how deep inside a class attribute's lookup it is. */
    private static final class Frame {
        final List<Object> events = new ArrayList<>();
        int quiet;
    }

    /** One thread's analysis: its own call stack and depth, the recordings shared. */
    private final class Recorder extends Analysis {
        private final Set<Function> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());
        private final ArrayDeque<Frame> frames = new ArrayDeque<>();
        private int depth;

        Recorder() {
            super(program, models, semantics);
        }

        @Override
        Optional<Summary> summary(Function function) {
            Integer i = index.get(function);
            Recording known = i == null ? null : recordings.get(i);
            Optional<Summary> answer;
            if (known != null) answer = Optional.of(known.summary());
            else if (inProgress.contains(function) || depth >= MAX_CALL_DEPTH) answer = Optional.empty();
            else answer = Optional.of(analyse(function, i));
            note(new SummaryAsked(function, answer));
            return answer;
        }

        private Summary analyse(Function function, Integer i) {
            analyses.incrementAndGet();
            inProgress.add(function);
            depth++;
            Frame frame = new Frame();
            frames.push(frame);
            Summary summary;
            boolean trusted = true;
            try {
                summary = new FunctionAnalyzer(this, function, paths.get(function)).run();
            } catch (RuntimeException | StackOverflowError e) {
                // A function the analysis fails on is left to the engine, which reports it (how deep a stack
                // overflows is this thread's; what a failing question had done before it failed is not recorded).
                summary = Summary.failed(function);
                trusted = false;
            } finally {
                frames.pop();
                depth--;
                inProgress.remove(function);
            }
            if (i == null) return summary;
            // Another thread may have analysed the function meanwhile: the first recording is the one kept and used.
            if (recordings.compareAndSet(i, null, new Recording(List.copyOf(frame.events), summary, trusted))) {
                return summary;
            }
            return recordings.get(i).summary();
        }

        @Override
        Optional<Value> classAttribute(ClassInfo type, String attribute) {
            Frame frame = frames.peek();
            if (frame != null) frame.quiet++;
            Optional<Value> answer;
            try {
                answer = super.classAttribute(type, attribute);
            } finally {
                if (frame != null) frame.quiet--;
            }
            note(new ClassAttributeAsked(type, attribute, answer));
            return answer;
        }

        @Override
        Optional<Value> treeConstantAttribute(String attribute) {
            Frame frame = frames.peek();
            if (frame != null) frame.quiet++;
            Optional<Value> answer;
            try {
                answer = super.treeConstantAttribute(attribute);
            } finally {
                if (frame != null) frame.quiet--;
            }
            note(new TreeConstantAsked(attribute, answer));
            return answer;
        }

        @Override
        void finding(TaintKind kind, Fact fact) {
            note(new Found(kind, fact));
        }

        @Override
        void verdict(String path, TextRange range, TaintKind kind, SinkVerdict verdict) {
            note(new Judged(path, range, kind, verdict));
        }

        @Override
        void live(String path, Block block) {
            note(new Lines(path, block, true));
        }

        @Override
        void unreachable(String path, Block block) {
            note(new Lines(path, block, false));
        }

        @Override
        Map<String, Optional<Value>> classAttributes() {
            return classAttributes;
        }

        /** Records an event of the function being analysed; not what a class attribute's lookup asks on its behalf. */
        private void note(Object event) {
            Frame frame = frames.peek();
            if (frame != null && frame.quiet == 0) frame.events.add(event);
        }
    }
}
