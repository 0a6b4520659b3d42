package dev.secreview.dataflow.analysis;

import dev.secreview.dataflow.ir.ClassInfo;
import dev.secreview.dataflow.ir.Function;
import dev.secreview.dataflow.ir.Instruction;
import dev.secreview.dataflow.ir.SourceModule;
import dev.secreview.dataflow.model.TaintModels;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.secreview.dataflow.analysis.Ir.assign;
import static dev.secreview.dataflow.analysis.Ir.call;
import static dev.secreview.dataflow.analysis.Ir.constant;
import static dev.secreview.dataflow.analysis.Ir.function;
import static dev.secreview.dataflow.analysis.Ir.global;
import static dev.secreview.dataflow.analysis.Ir.kw;
import static dev.secreview.dataflow.analysis.Ir.loadAttribute;
import static dev.secreview.dataflow.analysis.Ir.local;
import static dev.secreview.dataflow.analysis.Ir.method;
import static dev.secreview.dataflow.analysis.Ir.module;
import static dev.secreview.dataflow.analysis.Ir.ret;
import static dev.secreview.dataflow.analysis.Ir.storeAttribute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Calls dispatched by name ({@code dispatch} lines) to the methods of endpoint classes ({@code endpoint} lines), the
 * endpoint parameters as input of the line's category, and an attribute stored with instances of one tree class.
 */
class DispatchTest {
    private static final TaintModels MODELS = TaintModels.parse(List.of(new TaintModels.ModelFile("test.models", """
            kind       command  78  remote,rpc
            entry      remote   *.route
            sink       command  os.system  0
            endpoint   rpc      msg.Target 1
            dispatch   *.cast   1
            """ + TestLanguage.MODELS)));

    /** {@code class Manager: target = msg.Target(); def run(self, ctx, cmd): os.system(cmd)}, and a helper class with no target. */
    private static SourceModule manager() {
        ClassInfo endpoint = new ClassInfo("svc.manager.Manager", List.of(), Map.of(), Map.of(), Set.of("target", "run"),
                Set.of(), Map.of("target", "msg.Target"));
        ClassInfo helper = new ClassInfo("svc.manager.Helper", List.of(), Map.of(), Map.of(), Set.of("stop"));
        Function run = function("svc.manager.Manager.run", 10, "self", "ctx", "cmd").owner("svc.manager.Manager")
                .block(ret(12), assign(11, "$1", call(global("os.system"), local("cmd")))).build();
        Function stop = function("svc.manager.Helper.stop", 20, "self", "ctx", "cmd").owner("svc.manager.Helper")
                .block(ret(22), assign(21, "$1", call(global("os.system"), local("cmd")))).build();
        return module("svc.manager", List.of(endpoint, helper), Map.of(), run, stop);
    }

    /** A route that casts {@code method} with {@code cmd=} the value given. */
    private static SourceModule api(String method, Object cmd) {
        Function handle = function("svc.api.handle", 1, "q").decorators("app.route")
                .block(ret(3), assign(2, "$1", method(local("cctxt"), "cast", local("ctx"), constant(method),
                        kw("cmd", cmd == null ? local("q") : constant(cmd))))).build();
        return module("svc.api", handle);
    }

    private static TaintResult run(Set<String> threatModels, SourceModule... modules) {
        return new TaintEngine(new Program(List.of(modules)), MODELS.withSourceCategories(threatModels), TestLanguage.INSTANCE, 1).run();
    }

    @Test
    void aCastCarriesTheRequestToTheEndpointMethodOfTheNameItSends() {
        TaintResult result = run(Set.of("remote"), api("run", null), manager());
        assertEquals(1, result.findings().size(), result.findings().toString());
        TaintFinding finding = result.findings().get(0);
        assertEquals("remote", finding.sourceCategory());
        List<String> notes = finding.path().stream().map(Step::note).toList();
        assertTrue(notes.contains("passed to `Manager.run()` by remote call"), notes.toString());
        Step sink = finding.path().get(finding.path().size() - 1);
        assertEquals("svc/manager.py", sink.path());
        assertEquals(11, sink.range().startLine());
    }

    @Test
    void aConstantArgumentOrAMethodNoEndpointHasReachesNothing() {
        assertEquals(List.of(), run(Set.of("remote"), api("run", "ls"), manager()).findings());
        assertEquals(List.of(), run(Set.of("remote"), api("stop", null), manager()).findings());
    }

    @Test
    void endpointParametersAfterTheContextAreInputOnlyUnderTheirThreatModel() {
        assertEquals(List.of(), run(Set.of("remote"), manager()).findings());
        TaintResult result = run(Set.of("remote", "rpc"), manager());
        assertEquals(1, result.findings().size(), result.findings().toString());
        assertEquals("rpc", result.findings().get(0).sourceCategory());
        assertEquals("`cmd` is rpc input: a parameter of `run`", result.findings().get(0).path().get(0).note());
    }

    /**
     * {@code class Api: __init__: self.client = Client(); @route handle(self, q): self.client.send(q)}, where
     * {@code Client.send(self, v)} does {@code body} with {@code v} on line 11.
     */
    private static SourceModule api(Instruction body) {
        ClassInfo api = new ClassInfo("svc.api.Api", List.of(), Map.of(), Map.of(), Set.of("__init__", "handle"));
        ClassInfo client = new ClassInfo("svc.api.Client", List.of(), Map.of(), Map.of(), Set.of("send"));
        Function init = function("svc.api.Api.__init__", 1, "self").owner("svc.api.Api")
                .block(ret(3), assign(2, "$1", call(global("svc.api.Client"))), storeAttribute(2, local("self"), "client", local("$1")))
                .build();
        Function handle = function("svc.api.Api.handle", 5, "self", "q").owner("svc.api.Api").decorators("app.route")
                .block(ret(8), assign(6, "$2", loadAttribute(local("self"), "client")), assign(7, "$3", method(local("$2"), "send", local("q"))))
                .build();
        Function send = function("svc.api.Client.send", 10, "self", "v").owner("svc.api.Client").block(ret(12), body).build();
        return module("svc.api", List.of(api, client), Map.of(), init, handle, send);
    }

    @Test
    void anAttributeStoredWithInstancesOfOneClientIsOneSoTheRequestReachesItsCasts() {
        SourceModule client = api(assign(11, "$4", method(local("cctxt"), "cast", local("ctx"), constant("run"), kw("cmd", local("v")))));
        TaintResult result = run(Set.of("remote"), client, manager());
        assertEquals(1, result.findings().size(), result.findings().toString());
        List<Integer> lines = result.findings().get(0).path().stream().map(s -> s.range().startLine()).toList();
        assertEquals(List.of(5, 7, 10, 11, 10, 11), lines);
    }

    @Test
    void anAttributeHoldingAnyOtherClassIsNotTyped() {
        SourceModule other = api(assign(11, "$4", call(global("os.system"), local("v"))));
        assertEquals(List.of(), run(Set.of("remote"), other, manager()).findings());
    }
}
