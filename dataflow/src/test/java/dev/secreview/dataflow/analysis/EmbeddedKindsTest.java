package dev.secreview.dataflow.analysis;

import dev.secreview.dataflow.ir.SourceModule;
import dev.secreview.dataflow.model.TaintModels;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.secreview.dataflow.analysis.Ir.assign;
import static dev.secreview.dataflow.analysis.Ir.call;
import static dev.secreview.dataflow.analysis.Ir.concat;
import static dev.secreview.dataflow.analysis.Ir.constant;
import static dev.secreview.dataflow.analysis.Ir.function;
import static dev.secreview.dataflow.analysis.Ir.global;
import static dev.secreview.dataflow.analysis.Ir.list;
import static dev.secreview.dataflow.analysis.Ir.local;
import static dev.secreview.dataflow.analysis.Ir.method;
import static dev.secreview.dataflow.analysis.Ir.module;
import static dev.secreview.dataflow.analysis.Ir.ret;
import static dev.secreview.dataflow.analysis.Ir.use;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Kinds whose harm needs the data placed in text around a marker ({@code embedded}): built XML, not a parsed document. */
class EmbeddedKindsTest {

    private static final TaintModels MODELS = TaintModels.parse(List.of(new TaintModels.ModelFile("test.models", """
            kind       command  78  remote
            kind       xml      91  remote
            embedded   xml      <
            kind       crlf     93  remote
            embedded   crlf     \\n \\r
            source     remote   web.request.args   query parameters
            sink       command  os.system          0
            sink       xml      xml.parse          0
            sink       crlf     mail.send          0
            sanitizer  xml      xml.escape
            sanitizer  all      int
            rejects    crlf     \\n
            method     replace  replace
            """ + TestLanguage.MODELS)));

    private static TaintResult run(SourceModule... modules) {
        return new TaintEngine(new Program(List.of(modules)), MODELS, TestLanguage.INSTANCE).run();
    }

    private static List<String> kinds(TaintResult result) {
        return result.findings().stream().map(f -> f.kind().name() + "@" + f.sink().range().startLine()).toList();
    }

    @Test
    void dataTakenWholeIsNoInjection() {
        TaintResult result = run(module("m", function("m.handler", 1)
                .block(ret(4),
                        assign(2, "q", use(global("web.request.args"))),
                        assign(3, "$1", call(global("xml.parse"), local("q"))))
                .build()));
        assertTrue(result.findings().isEmpty(), () -> "findings: " + result.findings());
    }

    @Test
    void dataPlacedAroundTheMarkerIsInjection() {
        TaintResult result = run(module("m", function("m.handler", 1)
                .block(ret(7),
                        assign(2, "q", use(global("web.request.args"))),
                        assign(3, "doc", concat(constant("<a>"), local("q"), constant("</a>"))),
                        assign(4, "$1", call(global("xml.parse"), local("doc"))),
                        assign(5, "greeting", concat(constant("Hello "), local("q"))),
                        assign(6, "$2", call(global("xml.parse"), local("greeting"))))
                .build()));
        assertEquals(List.of("xml@4"), kinds(result));
    }

    @Test
    void otherKindsDoNotWaitForAMarker() {
        TaintResult result = run(module("m", function("m.handler", 1)
                .block(ret(3),
                        assign(2, "$1", call(global("os.system"), global("web.request.args"))))
                .build()));
        assertEquals(List.of("command@2"), kinds(result));
    }

    @Test
    void sanitisedBeforePlacingStaysSafe() {
        TaintResult result = run(module("m", function("m.handler", 1)
                .block(ret(5),
                        assign(2, "q", call(global("xml.escape"), global("web.request.args"))),
                        assign(3, "doc", concat(constant("<a>"), local("q"))),
                        assign(4, "$1", call(global("xml.parse"), local("doc"))))
                .build()));
        assertTrue(result.findings().isEmpty(), () -> "findings: " + result.findings());
    }

    @Test
    void aMarkerOfOneKindDoesNotPlaceTheDataForAnother() {
        TaintResult result = run(module("m", function("m.handler", 1)
                .block(ret(5),
                        assign(2, "q", use(global("web.request.args"))),
                        assign(3, "doc", concat(constant("<a>"), local("q"))),
                        assign(4, "$1", call(global("mail.send"), local("doc"))))
                .build()));
        assertTrue(result.findings().isEmpty(), () -> "findings: " + result.findings());
    }

    @Test
    void placedByAConstantStringsMethod() {
        // "Subject: {}\r\n".format(q) and "\n".join([q, "x"])
        TaintResult result = run(module("m", function("m.handler", 1)
                .block(ret(6),
                        assign(2, "q", use(global("web.request.args"))),
                        assign(3, "header", method(constant("Subject: {}\r\n"), "format", local("q"))),
                        assign(4, "lines", method(constant("\n"), "join", local("items"))),
                        assign(5, "$1", call(global("mail.send"), local("header"))))
                .build()));
        assertEquals(List.of("crlf@5"), kinds(result));
    }

    @Test
    void aTestThatRejectsTheLineFeedIsASanitiser() {
        TaintResult result = run(module("m", function("m.handler", 1)
                .block(ret(5),
                        assign(2, "q", method(global("web.request.args"), "replace", constant("\n"), constant(""))),
                        assign(3, "line", concat(local("q"), constant("\n"))),
                        assign(4, "$1", call(global("mail.send"), local("line"))))
                .build()));
        assertTrue(result.findings().isEmpty(), () -> "findings: " + result.findings());
    }

    @Test
    void aCalleeThatPlacesItsParameterPlacesTheCallersData() {
        SourceModule documents = module("docs", function("docs.envelope", 1, "item")
                .block(ret(3, local("body")),
                        assign(2, "body", concat(constant("<Order><Item>"), local("item"), constant("</Item></Order>"))))
                .build());
        SourceModule handler = module("m", function("m.handler", 10)
                .block(ret(14),
                        assign(11, "q", use(global("web.request.args"))),
                        assign(12, "doc", call(global("docs.envelope"), local("q"))),
                        assign(13, "$1", call(global("xml.parse"), local("doc"))))
                .build());
        assertEquals(List.of("xml@13"), kinds(run(documents, handler)));
    }

    @Test
    void aCalleeThatParsesItsParameterIsReportedOnlyForPlacedData() {
        SourceModule parser = module("p", function("p.load", 1, "text")
                .block(ret(3),
                        assign(2, "$1", call(global("xml.parse"), local("text"))))
                .build());
        SourceModule whole = module("m", function("m.upload", 10)
                .block(ret(12),
                        assign(11, "$1", call(global("p.load"), global("web.request.args"))))
                .build());
        assertTrue(run(parser, whole).findings().isEmpty());
        SourceModule built = module("m", function("m.create", 10)
                .block(ret(13),
                        assign(11, "doc", concat(constant("<a>"), global("web.request.args"))),
                        assign(12, "$1", call(global("p.load"), local("doc"))))
                .build());
        assertEquals(List.of("xml@2"), kinds(run(parser, built)));
    }

    @Test
    void aTupleReturnedKeepsItsItemsApart() {
        SourceModule pagination = module("p", function("p.limit_and_marker", 1, "params")
                .block(ret(4, local("pair")),
                        assign(2, "n", call(global("int"), local("params"))),
                        assign(3, "pair", list(local("n"), local("params"))))
                .build());
        SourceModule handler = module("m", function("m.handler", 10)
                .block(ret(14),
                        assign(11, "pair", call(global("p.limit_and_marker"), global("web.request.args"))),
                        assign(12, "limit", Ir.loadItem(local("pair"), constant(0L))),
                        assign(13, "$1", call(global("os.system"), local("limit"))))
                .build());
        assertTrue(run(pagination, handler).findings().isEmpty(), () -> "the int() item is not the raw one");
    }
}
