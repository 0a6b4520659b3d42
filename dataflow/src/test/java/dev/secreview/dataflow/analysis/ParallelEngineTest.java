package dev.secreview.dataflow.analysis;

import dev.secreview.dataflow.ir.ClassInfo;
import dev.secreview.dataflow.ir.Function;
import dev.secreview.dataflow.ir.SourceModule;
import dev.secreview.dataflow.model.TaintModels;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static dev.secreview.dataflow.analysis.Ir.assign;
import static dev.secreview.dataflow.analysis.Ir.branch;
import static dev.secreview.dataflow.analysis.Ir.call;
import static dev.secreview.dataflow.analysis.Ir.classInfo;
import static dev.secreview.dataflow.analysis.Ir.concat;
import static dev.secreview.dataflow.analysis.Ir.constant;
import static dev.secreview.dataflow.analysis.Ir.function;
import static dev.secreview.dataflow.analysis.Ir.global;
import static dev.secreview.dataflow.analysis.Ir.jump;
import static dev.secreview.dataflow.analysis.Ir.loadAttribute;
import static dev.secreview.dataflow.analysis.Ir.local;
import static dev.secreview.dataflow.analysis.Ir.method;
import static dev.secreview.dataflow.analysis.Ir.module;
import static dev.secreview.dataflow.analysis.Ir.ret;
import static dev.secreview.dataflow.analysis.Ir.storeAttribute;
import static dev.secreview.dataflow.analysis.Ir.use;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine on several threads finds what it finds on one: the same findings with the same paths in the same
 * order, the same verdicts, dead lines and failures, on a tree whose summaries depend on the order functions are
 * met in (a call chain longer than the depth the engine follows, entered at many depths; mutual recursion entered
 * from both ends; class attributes stored by methods), among many independent functions.
 */
class ParallelEngineTest {

    private static final TaintModels MODELS = TaintModels.parse(List.of(new TaintModels.ModelFile("test.models", """
            kind       command  78  remote
            source     remote   web.request.args   query parameters
            sink       command  os.system          0
            sanitizer  command  shlex.quote
            """ + TestLanguage.MODELS)));

    private static final int CHAIN = 32;
    private static final int APPS = 60;

    /** The tree: the handlers' modules first, so that the chain and the cycle are met from them, at many depths. */
    private static List<SourceModule> tree() {
        List<SourceModule> modules = new ArrayList<>();
        for (int k = 0; k < APPS; k++) modules.add(app(k));
        List<Function> chain = new ArrayList<>();
        for (int i = 0; i < CHAIN; i++) {
            if (i == CHAIN - 1) {
                chain.add(function("chain.f" + i, 100 + i * 4, "x")
                        .block(ret(102 + i * 4, local("x")), assign(101 + i * 4, "$1", call(global("os.system"), local("x"))))
                        .build());
            } else {
                // f_i(x): os.system(x) when i is a multiple of 5; return f_{i+1}(x)
                List<dev.secreview.dataflow.ir.Instruction> body = new ArrayList<>();
                if (i % 5 == 0) body.add(assign(101 + i * 4, "$1", call(global("os.system"), local("x"))));
                body.add(assign(102 + i * 4, "r", call(global("chain.f" + (i + 1)), local("x"))));
                chain.add(function("chain.f" + i, 100 + i * 4, "x")
                        .block(ret(103 + i * 4, local("r")), body.toArray(dev.secreview.dataflow.ir.Instruction[]::new))
                        .build());
            }
        }
        modules.add(module("chain", chain.toArray(Function[]::new)));
        modules.add(module("cycle",
                // even(x): os.system(x); return odd(x)     odd(y): return even("ls " + y)
                function("cycle.even", 10, "x")
                        .block(ret(12, local("r")),
                                assign(11, "$1", call(global("os.system"), local("x"))),
                                assign(12, "r", call(global("cycle.odd"), local("x"))))
                        .build(),
                function("cycle.odd", 20, "y")
                        .block(ret(22, local("r")),
                                assign(20, "z", concat(constant("ls "), local("y"))),
                                assign(21, "r", call(global("cycle.even"), local("z"))))
                        .build()));
        ClassInfo base = classInfo("db.base.Base", List.of(), Map.of("db_type", "volume"));
        modules.add(module("db.base", List.of(base), Map.of(),
                function("db.base.Base.__init__", 10, "self").owner("db.base.Base")
                        .block(ret(12), storeAttribute(11, local("self"), "db_type", constant("account")))
                        .build(),
                function("db.base.Base.count", 20, "self", "extra").owner("db.base.Base")
                        .block(ret(24, local("$1")),
                                assign(21, "$1", loadAttribute(local("self"), "db_type")),
                                assign(22, "$2", call(global("os.system"), local("$1"))),
                                assign(23, "$3", call(global("os.system"), local("extra"))))
                        .build()));
        return modules;
    }

    /**
     * {@code app<k>.handler}: the request's argument into the chain at link {@code k % CHAIN}, into one end of the
     * cycle, into a method of {@code Base} and into a helper of its own; a branch on a constant leaves a line dead.
     */
    private static SourceModule app(int k) {
        String m = "app" + k;
        Function handler = function(m + ".handler", 1)
                .block(branch(constant(k % 3 == 0), 1, 2),
                        assign(2, "q", use(global("web.request.args"))),
                        assign(3, "v", call(global("chain.f" + (k % CHAIN)), local("q"))),
                        assign(4, "w", call(global(k % 2 == 0 ? "cycle.even" : "cycle.odd"), local("q"))),
                        assign(5, "db", call(global("db.base.Base"))),
                        assign(6, "n", method(local("db"), "count", local(k % 4 == 0 ? "q" : "v"))))
                .block(jump(3), assign(7, "$1", call(global(m + ".helper"), local("q"))))
                .block(jump(3), assign(8, "s", call(global("shlex.quote"), local("q"))),
                        assign(8, "$2", call(global(m + ".helper"), local("s"))))
                .block(ret(10, local("w")), assign(9, "$3", call(global(m + ".format"), local("n"))))
                .build();
        Function helper = function(m + ".helper", 20, "x")
                .block(ret(23),
                        assign(21, "c", concat(constant("ls "), local("x"))),
                        assign(22, "$1", call(global("os.system"), local("c"))))
                .build();
        Function format = function(m + ".format", 30, "x")
                .block(ret(31, local("x")))
                .build();
        return module(m, helper, handler, format);
    }

    /** Everything a result says, in its order, paths step by step. */
    private static String describe(TaintResult result) {
        StringBuilder text = new StringBuilder();
        for (TaintFinding finding : result.findings()) {
            text.append(finding.kind().name()).append(' ').append(finding.sourceCategory()).append(' ')
                    .append(finding.sourceLabel()).append('\n');
            for (Step step : finding.path()) {
                text.append("  ").append(step.path()).append(' ').append(step.range()).append(' ').append(step.note()).append('\n');
            }
        }
        new TreeMap<>(result.verdicts().entrySet().stream().collect(java.util.stream.Collectors.toMap(
                e -> e.getKey().path() + ':' + e.getKey().line() + ':' + e.getKey().cwe(), e -> e.getValue())))
                .forEach((site, verdict) -> text.append(site).append(' ').append(verdict).append('\n'));
        new TreeMap<>(result.deadLines()).forEach((path, lines) -> text.append(path).append(" dead ").append(new TreeSet<>(lines)).append('\n'));
        new TreeMap<>(result.failures()).forEach((path, failure) -> text.append(path).append(" failed ").append(failure).append('\n'));
        return text.toString();
    }

    private static TaintEngine engine(int threads) {
        return new TaintEngine(new Program(tree()), MODELS, TestLanguage.INSTANCE, threads);
    }

    @Test
    void manyThreadsFindWhatOneThreadFinds() {
        String one = describe(engine(1).run());
        assertFalse(one.isEmpty());
        assertTrue(one.contains("os.system") || one.contains("command"), one);
        for (int threads : new int[] {2, 3, 4, 8, 16}) {
            for (int run = 0; run < 3; run++) {
                TaintEngine engine = engine(threads);
                String many = describe(engine.run());
                assertEquals(one, many, threads + " threads, run " + run);
            }
        }
    }

    @Test
    void theOtherThreadsDoMostOfTheWork() {
        TaintEngine engine = engine(4);
        engine.run();
        int[] work = engine.work();
        int functions = APPS * 3 + CHAIN + 2 + 2;
        assertEquals(functions, work[0] + work[1], "each function is summarised once");
        assertTrue(work[0] > functions / 2, () -> work[0] + " taken over, " + work[1] + " analysed again");
    }

    @Test
    void oneThreadTakesNothingOver() {
        TaintEngine engine = engine(1);
        engine.run();
        assertEquals(0, engine.work()[0]);
    }

    @Test
    void theDefaultIsTheSystemPropertyElseOneThreadAProcessor() {
        String before = System.getProperty(TaintEngine.THREADS_PROPERTY);
        try {
            System.setProperty(TaintEngine.THREADS_PROPERTY, "1");
            assertEquals(1, TaintEngine.defaultThreads());
            System.clearProperty(TaintEngine.THREADS_PROPERTY);
            assertEquals(Runtime.getRuntime().availableProcessors(), TaintEngine.defaultThreads());
        } finally {
            if (before != null) System.setProperty(TaintEngine.THREADS_PROPERTY, before);
        }
    }
}
