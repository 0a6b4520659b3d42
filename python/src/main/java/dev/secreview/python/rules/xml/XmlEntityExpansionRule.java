package dev.secreview.python.rules.xml;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.tree.PyNode;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

@RuleInfo(
        id = "py-xml-entity-expansion",
        cwe = 776,
        severity = Severity.LOW,
        confidence = Confidence.MEDIUM,
        summary = "XML that is not a constant is parsed with a standard-library parser (xml.etree, minidom, "
                + "pulldom, sax, an XML-RPC server), which expands entities declared in the document's DTD.",
        fix = "Parse untrusted XML with defusedxml, which rejects entity declarations: "
                + "defusedxml.ElementTree.fromstring(data), defusedxml.minidom.parseString(data), "
                + "defusedxml.sax.parseString(data, handler); for XML-RPC servers call "
                + "defusedxml.xmlrpc.monkey_patch() at start-up.",
        altNames = {"B313", "B314", "B315", "B316", "B317", "B318", "B319", "B411"},
        judgedBy = "xxe")
public final class XmlEntityExpansionRule implements CallRule {

    /** Standard-library functions whose first argument is the XML (text, file or path). */
    private static final Set<String> PARSERS = parsers();
    private static final Set<String> XMLRPC_SERVERS = Set.of("xmlrpc.server.SimpleXMLRPCServer",
            "xmlrpc.server.DocXMLRPCServer", "xmlrpc.server.CGIXMLRPCRequestHandler",
            "xmlrpc.server.DocCGIXMLRPCRequestHandler", "SimpleXMLRPCServer.SimpleXMLRPCServer",
            "SimpleXMLRPCServer.CGIXMLRPCRequestHandler", "DocXMLRPCServer.DocXMLRPCServer");

    private static Set<String> parsers() {
        Set<String> names = new HashSet<>();
        for (String module : List.of("xml.etree.ElementTree", "xml.etree.cElementTree")) {
            for (String function : List.of("parse", "fromstring", "XML", "iterparse", "fromstringlist", "XMLID")) {
                names.add(module + "." + function);
            }
        }
        for (String module : List.of("xml.dom.minidom", "xml.dom.pulldom", "xml.dom.expatbuilder", "xml.sax")) {
            names.add(module + ".parse");
            names.add(module + ".parseString");
        }
        return Set.copyOf(names);
    }

    @Override
    public void visitCall(Call call, RuleContext context) {
        String callee = null;
        for (String candidate : context.file().qualifiedNames(call.function())) {
            if (PARSERS.contains(candidate) || XMLRPC_SERVERS.contains(candidate)) {
                callee = candidate;
                break;
            }
        }
        if (callee == null) return;
        String what = "`" + call.function().text() + "`";
        if (XMLRPC_SERVERS.contains(callee)) {
            context.report(call.node(), what + " parses every XML-RPC request body with the standard-library "
                    + "expat parser, which expands entities declared in the request's DTD; with expat older than "
                    + "2.4.1 a request of a few hundred bytes can expand into gigabytes (billion laughs).",
                    Severity.LOW, Confidence.MEDIUM);
            return;
        }
        PyNode data = call.argument(0, null);
        if (data == null) data = call.keyword(callee.endsWith("String") || callee.endsWith("fromstring")
                || callee.endsWith(".XML") ? "text" : "source");
        if (data == null || context.values().isConstant(data)) return;
        // A could-be twice over (an expat older than 2.4.1 and a document from outside): it stands where the
        // dataflow shows request data reaching the parse, and says nothing where the data is unknown.
        context.report(call.node(), what + " parses " + quote(data) + " with the standard-library parser, which "
                + "expands entities declared in the document's DTD; with expat older than 2.4.1 a few hundred "
                + "bytes of nested entities (billion laughs) expand into gigabytes and exhaust memory and CPU.",
                Severity.LOW, Confidence.LOW);
    }

    private static String quote(PyNode expr) {
        String text = expr.text().replaceAll("\\s+", " ");
        return "`" + (text.length() > 60 ? text.substring(0, 57) + "..." : text) + "`";
    }
}
