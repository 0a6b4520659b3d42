package dev.secreview.dataflow.analysis;

import dev.secreview.dataflow.ir.SourceModule;
import dev.secreview.dataflow.model.TaintModels;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.secreview.dataflow.analysis.Ir.assign;
import static dev.secreview.dataflow.analysis.Ir.branch;
import static dev.secreview.dataflow.analysis.Ir.call;
import static dev.secreview.dataflow.analysis.Ir.constant;
import static dev.secreview.dataflow.analysis.Ir.function;
import static dev.secreview.dataflow.analysis.Ir.global;
import static dev.secreview.dataflow.analysis.Ir.jump;
import static dev.secreview.dataflow.analysis.Ir.local;
import static dev.secreview.dataflow.analysis.Ir.method;
import static dev.secreview.dataflow.analysis.Ir.module;
import static dev.secreview.dataflow.analysis.Ir.ret;
import static dev.secreview.dataflow.analysis.Ir.use;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Properties a call sets on an object ({@code property} models) and the sinks they exempt ({@code unless @...}); and
 * methods called on a parameter of a {@code polymorphic} type, judged by the object each caller hands in; a wrapper
 * around an object the models name ({@code wraps}) is that object.
 */
class ObjectPropertiesTest {

    static final TaintModels MODELS = TaintModels.parse(List.of(new TaintModels.ModelFile("test.models", """
            kind         xss  79  remote
            source       remote   web.request.args   query parameters
            property     content-type  web.Response().set_type  0
            sink         xss  web.Response().writer().write  0  unless @content-type=text/plain*
            polymorphic  io.Writer
            wraps        io.Buffered  0
            """ + TestLanguage.MODELS)));

    private static TaintResult run(SourceModule... modules) {
        return new TaintEngine(new Program(List.of(modules)), MODELS, TestLanguage.INSTANCE).run();
    }

    private static List<Integer> sinkLines(TaintResult result) {
        return result.findings().stream().map(f -> f.sink().range().startLine()).sorted().toList();
    }

    @Test
    void aPropertySetOnEveryPathExemptsTheSinkAndOnOnePathDoesNot() {
        TaintResult result = run(module("m", function("m.handler", 1, "resp").type("resp", "web.Response")
                .block(branch(local("c"), 1, 2),
                        assign(2, "q", use(global("web.request.args"))),
                        assign(3, "$1", method(local("resp"), "set_type", constant("text/plain; charset=utf-8"))))
                .block(jump(3),
                        assign(4, "$2", method(local("resp"), "set_type", constant("text/html"))))
                .block(jump(3),
                        assign(5, "$3", method(local("resp"), "set_type", constant("text/plain"))))
                .block(ret(9),
                        assign(6, "w", method(local("resp"), "writer")),
                        assign(7, "$4", method(local("w"), "write", local("q"))))
                .build()));
        assertEquals(List.of(7), sinkLines(result), "text/html on one path: the write is a sink");

        TaintResult plain = run(module("m", function("m.handler", 1, "resp").type("resp", "web.Response")
                .block(ret(9),
                        assign(2, "q", use(global("web.request.args"))),
                        assign(3, "w", method(local("resp"), "writer")),
                        assign(4, "$1", method(local("resp"), "set_type", constant("text/plain"))),
                        assign(5, "$2", method(local("w"), "write", local("q"))),
                        assign(6, "$3", method(local("resp"), "set_type", local("q"))),
                        assign(7, "$4", method(local("w"), "write", local("q"))))
                .build()));
        assertEquals(List.of(7), sinkLines(plain),
                "the writer obtained before is set as its response is; a type not known to be text/plain is not exempt");
    }

    @Test
    void aPolymorphicParameterIsJudgedByWhatEachCallerHandsIn() {
        SourceModule m = module("m",
                function("m.handler", 1, "resp").type("resp", "web.Response")
                        .block(ret(9),
                                assign(2, "q", use(global("web.request.args"))),
                                assign(3, "w", method(local("resp"), "writer")),
                                assign(4, "$1", call(global("m.render"), local("w"), local("q"))),
                                assign(5, "f", call(global("io.open"), constant("out.txt"))),
                                assign(6, "$2", call(global("m.render"), local("f"), local("q"))),
                                assign(7, "b", call(global("io.Buffered"), local("f"))),
                                assign(8, "$3", method(local("b"), "write", local("q"))),
                                assign(9, "r", call(global("io.Buffered"), local("w"))),
                                assign(10, "$4", method(local("r"), "write", local("q"))))
                        .build(),
                function("m.render", 20, "out", "text").type("out", "io.Writer")
                        .block(ret(23),
                                assign(21, "$1", method(local("out"), "write", local("text"))),
                                assign(22, "$2", call(global("m.line"), local("out"), local("text"))))
                        .build(),
                function("m.line", 30, "out", "text").type("out", "io.Writer")
                        .block(ret(32),
                                assign(31, "$1", method(local("out"), "write", local("text"))))
                        .build());
        TaintResult result = run(m);
        assertEquals(List.of(10, 21, 31), sinkLines(result), () -> "findings: " + result.findings());
        List<String> notes = result.findings().get(1).path().stream().map(Step::note).toList();
        assertEquals("reaches `web.Response().writer().write(…)`", notes.get(notes.size() - 1));
    }
}
