package dev.secreview.dataflow.analysis;

import dev.secreview.dataflow.ir.Operator;
import dev.secreview.dataflow.ir.SourceModule;
import dev.secreview.dataflow.model.TaintModels;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.secreview.dataflow.analysis.Ir.assign;
import static dev.secreview.dataflow.analysis.Ir.binary;
import static dev.secreview.dataflow.analysis.Ir.branch;
import static dev.secreview.dataflow.analysis.Ir.call;
import static dev.secreview.dataflow.analysis.Ir.concat;
import static dev.secreview.dataflow.analysis.Ir.constant;
import static dev.secreview.dataflow.analysis.Ir.function;
import static dev.secreview.dataflow.analysis.Ir.global;
import static dev.secreview.dataflow.analysis.Ir.jump;
import static dev.secreview.dataflow.analysis.Ir.kw;
import static dev.secreview.dataflow.analysis.Ir.list;
import static dev.secreview.dataflow.analysis.Ir.loadAttribute;
import static dev.secreview.dataflow.analysis.Ir.local;
import static dev.secreview.dataflow.analysis.Ir.method;
import static dev.secreview.dataflow.analysis.Ir.module;
import static dev.secreview.dataflow.analysis.Ir.ret;
import static dev.secreview.dataflow.analysis.Ir.use;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaintEngineTest {

    static final TaintModels MODELS = TaintModels.parse(List.of(new TaintModels.ModelFile("test.models", """
            kind       command  78  remote
            kind       xss      79  remote
            source     remote   web.request.args   query parameters
            entry      remote   *.route
            sink       command  os.system          0,command
            sink       command  proc.run           0 if shell=true
            argv       command  proc.run           0
            sanitizer  command  shlex.quote
            validator  command  *.isdigit          receiver
            kind       path     22  remote
            sink       path     open               0
            rejects    path     ..
            contained  path     os.path.realpath   startswith
            """ + TestLanguage.MODELS)));

    private static final String PATH = "m.py";

    private static TaintResult run(SourceModule... modules) {
        return new TaintEngine(new Program(List.of(modules)), MODELS, TestLanguage.INSTANCE).run();
    }

    private static SinkVerdict verdict(TaintResult result, int line) {
        return result.verdicts().get(new TaintResult.Site(PATH, line, 78));
    }

    private static List<String> notes(TaintFinding finding) {
        return finding.path().stream().map(Step::note).toList();
    }

    private static List<Integer> lines(TaintFinding finding) {
        return finding.path().stream().map(s -> s.range().startLine()).toList();
    }

    @Test
    void directFlowFromSourceToSink() {
        TaintResult result = run(module("m", function("m.handler", 1)
                .block(ret(5),
                        assign(2, "q", use(global("web.request.args"))),
                        assign(3, "cmd", concat(constant("ls "), local("q"))),
                        assign(4, "$1", call(global("os.system"), local("cmd"))))
                .build()));

        assertEquals(1, result.findings().size());
        TaintFinding finding = result.findings().get(0);
        assertEquals("command", finding.kind().name());
        assertEquals("remote", finding.sourceCategory());
        assertEquals("query parameters", finding.sourceLabel());
        assertEquals(List.of("`web.request.args`: query parameters", "assigned to `q`", "built into `cmd`",
                "reaches `os.system(…)`"), notes(finding));
        assertEquals(List.of(2, 2, 3, 4), lines(finding));
        assertTrue(finding.path().stream().allMatch(s -> s.path().equals(PATH)));
        assertEquals(4, finding.sink().range().startLine());
        assertEquals(SinkVerdict.TAINTED, verdict(result, 4));
        assertTrue(result.deadLines().isEmpty());
    }

    @Test
    void keywordArgumentReachesTheSink() {
        TaintResult result = run(module("m", function("m.handler", 1)
                .block(ret(4),
                        assign(2, "q", use(global("web.request.args"))),
                        assign(3, "$1", call(global("os.system"), kw("command", local("q")))))
                .build()));
        assertEquals(1, result.findings().size());
        assertEquals(3, result.findings().get(0).sink().range().startLine());
    }

    @Test
    void constantAtTheSinkIsSafe() {
        TaintResult result = run(module("m", function("m.handler", 1)
                .block(ret(4),
                        assign(2, "cmd", concat(constant("ls "), constant("-l"))),
                        assign(3, "$1", call(global("os.system"), local("cmd"))))
                .build()));
        assertTrue(result.findings().isEmpty());
        assertEquals(SinkVerdict.SAFE, verdict(result, 3));
    }

    @Test
    void sanitisedFlowIsSafe() {
        TaintResult result = run(module("m", function("m.handler", 1)
                .block(ret(5),
                        assign(2, "q", use(global("web.request.args"))),
                        assign(3, "safe", call(global("shlex.quote"), local("q"))),
                        assign(4, "$1", call(global("os.system"), local("safe"))))
                .build()));
        assertTrue(result.findings().isEmpty());
        assertEquals(SinkVerdict.SAFE, verdict(result, 4));
    }

    @Test
    void sanitiserForAnotherKindDoesNotHelp() {
        TaintModels models = TaintModels.parse(List.of(new TaintModels.ModelFile("t.models", """
                kind command 78 remote
                kind xss 79 remote
                source remote web.request.args
                sink command os.system 0
                sanitizer xss html.escape
                """)));
        SourceModule m = module("m", function("m.handler", 1)
                .block(ret(5),
                        assign(2, "q", use(global("web.request.args"))),
                        assign(3, "safe", call(global("html.escape"), local("q"))),
                        assign(4, "$1", call(global("os.system"), local("safe"))))
                .build());
        TaintResult result = new TaintEngine(new Program(List.of(m)), models, TestLanguage.INSTANCE).run();
        assertEquals(1, result.findings().size());
    }

    @Test
    void branchOnAConstantLeavesTheOtherArmDead() {
        TaintResult result = run(module("m", function("m.handler", 1)
                // 0: q = source; debug = False; if debug
                .block(branch(local("debug"), 1, 2),
                        assign(2, "q", use(global("web.request.args"))),
                        assign(3, "debug", use(constant(false))))
                // 1: os.system(q)      (never runs)
                .block(jump(2),
                        assign(5, "$1", call(global("os.system"), local("q"))))
                // 2: return "done"
                .block(ret(7, constant("done")),
                        assign(6, "x", use(constant("done"))))
                .build()));

        assertTrue(result.findings().isEmpty(), () -> "findings: " + result.findings());
        assertTrue(result.dead(PATH, 5));
        assertFalse(result.dead(PATH, 2));
        assertFalse(result.dead(PATH, 6));
        assertEquals(java.util.Set.of(5), result.deadLines().get(PATH));
        assertEquals(null, verdict(result, 5), "a dead sink is not judged");
    }

    @Test
    void lineLiveInAnotherFunctionIsNotDead() {
        // The same line in two functions (a lambda, a comprehension): dead in one, live in the other.
        TaintResult result = run(module("m",
                function("m.a", 1)
                        .block(branch(constant(true), 1, 2))
                        .block(ret(3), assign(2, "x", use(constant(1L))))
                        .block(ret(5), assign(4, "y", use(constant(2L))))
                        .build(),
                function("m.b", 6)
                        .block(ret(7), assign(4, "z", use(constant(3L))))
                        .build()));
        assertFalse(result.dead(PATH, 2));
        assertFalse(result.dead(PATH, 4), "line 4 runs in m.b");
    }

    @Test
    void interproceduralFlowCrossesBothFunctions() {
        SourceModule m = module("m",
                function("m.handler", 1)
                        .block(ret(5),
                                assign(2, "q", use(global("web.request.args"))),
                                assign(3, "v", call(global("m.ident"), local("q"))),
                                assign(4, "$1", call(global("m.run"), local("v"))))
                        .build(),
                function("m.ident", 10, "x")
                        .block(ret(11, local("x")))
                        .build(),
                function("m.run", 20, "c")
                        .block(ret(22),
                                assign(21, "$1", call(global("os.system"), local("c"))))
                        .build());
        TaintResult result = run(m);

        assertEquals(1, result.findings().size(), () -> "findings: " + result.findings());
        TaintFinding finding = result.findings().get(0);
        List<String> notes = notes(finding);
        List<Integer> lines = lines(finding);
        assertEquals("`web.request.args`: query parameters", notes.get(0));
        assertEquals("reaches `os.system(…)`", notes.get(notes.size() - 1));
        assertEquals(21, lines.get(lines.size() - 1), "the sink is in the callee");
        assertTrue(notes.contains("passed to `ident()`"), notes::toString);
        assertTrue(notes.contains("enters `ident` as `x`"), notes::toString);
        assertTrue(notes.contains("returned by `ident()`"), notes::toString);
        assertTrue(notes.contains("passed to `run()`"), notes::toString);
        assertTrue(notes.contains("enters `run` as `c`"), notes::toString);
        assertTrue(lines.contains(10) && lines.contains(20), "the path crosses both callees: " + lines);
        assertTrue(notes.indexOf("returned by `ident()`") < notes.indexOf("passed to `run()`"), notes::toString);
        assertEquals(SinkVerdict.TAINTED, verdict(result, 21));
    }

    @Test
    void calleeCalledWithAConstantOnlyIsNotAFinding() {
        SourceModule m = module("m",
                function("m.handler", 1)
                        .block(ret(3),
                                assign(2, "$1", call(global("m.run"), constant("ls"))))
                        .build(),
                function("m.run", 20, "c")
                        .block(ret(22),
                                assign(21, "$1", call(global("os.system"), local("c"))))
                        .build());
        TaintResult result = run(m);
        assertTrue(result.findings().isEmpty());
        assertEquals(SinkVerdict.UNKNOWN, verdict(result, 21), "the callee alone sees only its parameter");
    }

    @Test
    void flowAcrossModules() {
        SourceModule views = new SourceModule(new dev.secreview.core.model.SourceFile(java.nio.file.Path.of("app/views.py"),
                "app/views.py", ""), "app.views", List.of(function("app.views.handler", 1)
                .block(ret(4),
                        assign(2, "q", use(global("web.request.args"))),
                        // `from helpers import run` as the front end resolves it: matched by module suffix
                        assign(3, "$1", call(global("helpers.run"), local("q"))))
                .build()), List.of(), java.util.Map.of());
        SourceModule helpers = new SourceModule(new dev.secreview.core.model.SourceFile(java.nio.file.Path.of("src/app/helpers.py"),
                "src/app/helpers.py", ""), "src.app.helpers", List.of(function("src.app.helpers.run", 1, "c")
                .block(ret(3), assign(2, "$1", call(global("os.system"), local("c"))))
                .build()), List.of(), java.util.Map.of());
        TaintResult result = run(views, helpers);
        assertEquals(1, result.findings().size());
        TaintFinding finding = result.findings().get(0);
        assertEquals("app/views.py", finding.path().get(0).path());
        assertEquals("src/app/helpers.py", finding.sink().path());
    }

    @Test
    void recursionTerminatesAndStillReports() {
        SourceModule m = module("m",
                function("m.handler", 1)
                        .block(ret(3),
                                assign(2, "$1", call(global("m.even"), global("web.request.args"))))
                        .build(),
                // even(x): os.system(x); return odd(x)     odd(x): return even(x)
                function("m.even", 10, "x")
                        .block(ret(12, local("r")),
                                assign(11, "$1", call(global("os.system"), local("x"))),
                                assign(12, "r", call(global("m.odd"), local("x"))))
                        .build(),
                function("m.odd", 20, "y")
                        .block(ret(22, local("r")),
                                assign(21, "r", call(global("m.even"), local("y"))))
                        .build(),
                // self(x): return self(x)
                function("m.self", 30, "x")
                        .block(ret(32, local("r")),
                                assign(31, "r", call(global("m.self"), local("x"))))
                        .build());
        TaintResult result = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> run(m));
        assertEquals(1, result.findings().size(), () -> "findings: " + result.findings());
        assertEquals(11, result.findings().get(0).sink().range().startLine());
    }

    @Test
    void validatorRefinesOnlyTheTrueEdge() {
        TaintResult result = run(module("m", function("m.handler", 1)
                // 0: q = source; if q.isdigit()
                .block(branch(local("$c"), 1, 2),
                        assign(2, "q", use(global("web.request.args"))),
                        assign(3, "$c", method(local("q"), "isdigit")))
                // 1: os.system(q)   (q is all digits)
                .block(ret(5),
                        assign(4, "$1", call(global("os.system"), local("q"))))
                // 2: os.system(q)   (q is anything)
                .block(ret(7),
                        assign(6, "$2", call(global("os.system"), local("q"))))
                .build()));

        assertEquals(1, result.findings().size(), () -> "findings: " + result.findings());
        assertEquals(6, result.findings().get(0).sink().range().startLine());
        assertEquals(SinkVerdict.SAFE, verdict(result, 4));
        assertEquals(SinkVerdict.TAINTED, verdict(result, 6));
    }

    @Test
    void aValueEqualToItsSanitisedFormIsVouchedFor() {
        TaintResult result = run(module("m", function("m.handler", 1)
                // 0: q = source; if q == shlex.quote(q)
                .block(branch(local("$c"), 1, 2),
                        assign(2, "q", use(global("web.request.args"))),
                        assign(3, "$s", call(global("shlex.quote"), local("q"))),
                        assign(3, "$c", binary(Operator.EQUAL, local("q"), local("$s"))))
                .block(ret(5), assign(4, "$1", call(global("os.system"), local("q"))))
                .block(ret(7), assign(6, "$2", call(global("os.system"), local("q"))))
                .build()));
        assertEquals(SinkVerdict.SAFE, verdict(result, 4));
        assertEquals(SinkVerdict.TAINTED, verdict(result, 6));
    }

    @Test
    void aPathCheckOfAJoinVouchesForItsPiecesButNotForOtherValues() {
        TaintResult result = run(module("m", function("m.handler", 1)
                // 0: q = source; r = source; if ".." in "/srv/" + q: (raise) else open(q), open(r)
                .block(branch(local("$c"), 1, 2),
                        assign(2, "q", use(global("web.request.args"))),
                        assign(2, "r", use(global("web.request.args"))),
                        assign(3, "$j", binary(Operator.ADD, constant("/srv/"), local("q"))),
                        assign(3, "$c", binary(Operator.IN, constant(".."), local("$j"))))
                .block(ret(9), assign(8, "$3", call(global("open"), local("q"))))
                .block(ret(6),
                        assign(4, "$1", call(global("open"), local("q"))),
                        assign(5, "$2", call(global("open"), local("r"))))
                .build()));
        assertEquals(SinkVerdict.SAFE, result.verdicts().get(new TaintResult.Site(PATH, 4, 22)));
        assertEquals(SinkVerdict.TAINTED, result.verdicts().get(new TaintResult.Site(PATH, 5, 22)));
        assertEquals(SinkVerdict.TAINTED, result.verdicts().get(new TaintResult.Site(PATH, 8, 22)));
    }

    @Test
    void aValueFoundAmongTheServersOwnKeysIsVouchedFor() {
        TaintResult result = run(module("m", function("m.handler", 1)
                // 0: q = source; if q not in store.watches: return; os.system(q)
                .block(branch(local("$c"), 1, 2),
                        assign(2, "q", use(global("web.request.args"))),
                        assign(3, "$w", loadAttribute(global("m.store"), "watches")),
                        assign(3, "$c", binary(Operator.NOT_IN, local("q"), local("$w"))))
                .block(ret(4))
                .block(ret(6), assign(5, "$1", call(global("os.system"), local("q"))))
                .build()));
        assertEquals(SinkVerdict.SAFE, verdict(result, 5));
    }

    @Test
    void aValueFoundInTheRequestIsNotVouchedFor() {
        TaintResult result = run(module("m", function("m.handler", 1)
                // 0: q = source; if q in request.args: os.system(q)
                .block(branch(local("$c"), 1, 2),
                        assign(2, "q", use(global("web.request.args"))),
                        assign(3, "$c", binary(Operator.IN, local("q"), global("web.request.args"))))
                .block(ret(5), assign(4, "$1", call(global("os.system"), local("q"))))
                .block(ret(6))
                .build()));
        assertEquals(SinkVerdict.TAINTED, verdict(result, 4));
    }

    @Test
    void aCheckOfAJoinVouchesForNoPieceOfAKindThatIsNotAPath() {
        TaintResult result = run(module("m", function("m.handler", 1)
                // 0: q = source; if ("/srv/" + q).isdigit(): os.system(q)
                .block(branch(local("$c"), 1, 2),
                        assign(2, "q", use(global("web.request.args"))),
                        assign(3, "$j", binary(Operator.ADD, constant("/srv/"), local("q"))),
                        assign(3, "$c", method(local("$j"), "isdigit")))
                .block(ret(5), assign(4, "$1", call(global("os.system"), local("q"))))
                .block(ret(7), assign(6, "$2", call(global("os.system"), local("q"))))
                .build()));
        assertEquals(SinkVerdict.TAINTED, verdict(result, 4));
    }

    @Test
    void aPieceReassignedAfterTheJoinIsNotVouchedFor() {
        TaintResult result = run(module("m", function("m.handler", 1)
                // 0: q = source; j = "/srv/" + q; q = source again; if ".." in j: (raise) else open(q)
                .block(branch(local("$c"), 1, 2),
                        assign(2, "q", use(global("web.request.args"))),
                        assign(3, "$j", binary(Operator.ADD, constant("/srv/"), local("q"))),
                        assign(4, "q", use(global("web.request.args"))),
                        assign(5, "$c", binary(Operator.IN, constant(".."), local("$j"))))
                .block(ret(7), assign(6, "$1", call(global("os.system"), local("q"))))
                .block(ret(9), assign(8, "$2", call(global("open"), local("q"))))
                .build()));
        assertEquals(SinkVerdict.TAINTED, result.verdicts().get(new TaintResult.Site(PATH, 8, 22)));
    }

    @Test
    void refinementDoesNotOutliveTheBranchJoin() {
        TaintResult result = run(module("m", function("m.handler", 1)
                .block(branch(local("$c"), 1, 2),
                        assign(2, "q", use(global("web.request.args"))),
                        assign(3, "$c", method(local("q"), "isdigit")))
                .block(jump(2), assign(4, "ok", use(constant(true))))
                .block(ret(6), assign(5, "$1", call(global("os.system"), local("q"))))
                .build()));
        assertEquals(1, result.findings().size());
        assertEquals(5, result.findings().get(0).sink().range().startLine());
    }

    @Test
    void entryDecoratorTaintsParameters() {
        TaintResult result = run(module("m", function("m.view", 1, "name")
                .decorators("app.route")
                .block(ret(3), assign(2, "$1", call(global("os.system"), local("name"))))
                .build()));
        assertEquals(1, result.findings().size());
        TaintFinding finding = result.findings().get(0);
        assertEquals("parameter `name`", finding.sourceLabel());
        assertEquals(List.of(1, 2), lines(finding));
        assertEquals("`name` is remote input: a parameter of `view`", finding.path().get(0).note());
    }

    @Test
    void conditionalSinkAppliesOnlyWithTheKeywordTrue() {
        TaintResult result = run(module("m", function("m.handler", 1)
                .block(ret(5),
                        assign(2, "q", use(global("web.request.args"))),
                        assign(3, "$1", call(global("proc.run"), local("q"), kw("shell", constant(true)))),
                        assign(4, "$2", call(global("proc.run"), local("q"))))
                .build()));
        assertEquals(1, result.findings().size());
        assertEquals(3, result.findings().get(0).sink().range().startLine());
        assertEquals("reaches `proc.run(…)` with shell=true", result.findings().get(0).sink().note(), "as the language writes the constant");
    }

    @Test
    void argumentVectorProgramAndShellCommandAreSinks() {
        TaintResult result = run(module("m", function("m.handler", 1)
                .block(ret(9),
                        assign(2, "q", use(global("web.request.args"))),
                        assign(3, "cmd", concat(constant("echo "), local("q"))),
                        assign(4, "argv", list(constant("sh"), constant("-c"), local("cmd"))),
                        assign(5, "$1", call(global("proc.run"), local("argv"))),
                        assign(6, "safe", list(constant("ls"), constant("--"), local("q"))),
                        assign(7, "$2", call(global("proc.run"), local("safe"))))
                .build()));
        assertEquals(1, result.findings().size(), () -> "findings: " + result.findings());
        assertEquals(5, result.findings().get(0).sink().range().startLine());
        assertEquals("reaches `proc.run(…)` as the command a shell runs with -c", result.findings().get(0).sink().note());
        assertEquals(SinkVerdict.SAFE, verdict(result, 7));
    }
}
