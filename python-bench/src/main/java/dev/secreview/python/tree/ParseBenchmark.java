package dev.secreview.python.tree;

import dev.secreview.core.model.SourceFile;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Parse to {@link PyNode}s on one thread, the hand-written parser against tree-sitter and its copy across JNI,
 * over a fixed corpus: every .py file under {@code -p corpus=DIR} (or one file). The {@code lines} counter is
 * reported as lines per second.
 * <pre>
 * mvn -o -q -Pjmh package -DskipTests -DskipSpark
 * java -cp 'python-bench/target/classes:python-bench/target/lib/*' org.openjdk.jmh.Main ParseBenchmark -p corpus=DIR
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ParseBenchmark {

    @State(Scope.Benchmark)
    public static class Corpus {
        @Param("")
        public String corpus;

        final PythonParser treeSitter = new PythonParser();
        List<SourceFile> files;
        int lines;

        @Setup
        public void read() throws IOException {
            if (corpus.isEmpty()) throw new IllegalArgumentException("give the corpus: -p corpus=DIR");
            files = new ArrayList<>();
            try (Stream<Path> paths = Files.walk(Path.of(corpus))) {
                for (Path file : paths.filter(f -> f.toString().endsWith(".py")).sorted().toList()) {
                    String text = Files.readString(file);
                    SourceFile source = new SourceFile(file, file.toString(), text);
                    // Both routes must read every file of the corpus, or the figures compare different work.
                    PyDescentParser.parse(source);
                    files.add(source);
                    lines += source.lineCount();
                }
            }
            if (files.isEmpty()) throw new IllegalArgumentException("no .py file under " + corpus);
        }
    }

    /** Lines parsed, which JMH reports per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Lines {
        public long lines;

        @Setup(Level.Iteration)
        public void reset() {
            lines = 0;
        }
    }

    /**
     * The thread's CPU time and the lines it parsed in each iteration, as totals: on a shared machine, where
     * the benchmark does not have a core to itself, linesParsed / cpuMicros is the figure that load does not
     * change.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CpuTime {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        public long cpuMicros;
        public long linesParsed;

        @Setup(Level.Iteration)
        public void reset() {
            cpuMicros = 0;
            linesParsed = 0;
        }

        long now() {
            return THREADS.getCurrentThreadCpuTime();
        }
    }

    @Benchmark
    public int handWritten(Corpus corpus, Lines counter, CpuTime cpu) {
        long start = cpu.now();
        int nodes = 0;
        for (SourceFile file : corpus.files) nodes += PyDescentParser.parse(file).root().childCount();
        count(corpus, counter, cpu, start);
        return nodes;
    }

    @Benchmark
    public int treeSitter(Corpus corpus, Lines counter, CpuTime cpu) {
        long start = cpu.now();
        int nodes = 0;
        for (SourceFile file : corpus.files) nodes += corpus.treeSitter.parseWithTreeSitter(file).root().childCount();
        count(corpus, counter, cpu, start);
        return nodes;
    }

    private static void count(Corpus corpus, Lines counter, CpuTime cpu, long cpuStart) {
        cpu.cpuMicros += (cpu.now() - cpuStart) / 1000;
        cpu.linesParsed += corpus.lines;
        counter.lines += corpus.lines;
    }
}
