package dev.secreview.python.rules.xml;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RewriteInfo;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.Values;
import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@RuleInfo(
        id = "py-xml-external-entities",
        cwe = 611,
        severity = Severity.MEDIUM,
        confidence = Confidence.MEDIUM,
        summary = "XML is parsed with external entities enabled: lxml with resolve_entities=True or with its "
                + "default parser (which resolves them before lxml 5.0), or a SAX parser with "
                + "feature_external_ges/feature_external_pes turned on.",
        fix = "Give lxml an explicit hardened parser, "
                + "etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True)), "
                + "or parse untrusted XML with defusedxml.ElementTree.fromstring(data); leave SAX "
                + "feature_external_ges/feature_external_pes off.",
        altNames = {"B320"},
        judgedBy = "xxe",
        rewrites = {
                @RewriteInfo(find = "\\bresolve_entities(\\s*)=(\\s*)True\\b", replace = "resolve_entities$1=$2False"),
                @RewriteInfo(find = "(\\bfeature_external_[gp]es\\s*,\\s*)(?:True|1)\\b", replace = "$1False")})
public final class XmlExternalEntitiesRule implements CallRule {

    private static final Set<String> LXML_PARSERS = Set.of("lxml.etree.XMLParser", "lxml.etree.ETCompatXMLParser",
            "lxml.objectify.makeparser");
    /** lxml functions that take (data, parser=None, ...). */
    private static final Set<String> LXML_PARSE = Set.of("lxml.etree.parse", "lxml.etree.fromstring",
            "lxml.etree.XML", "lxml.etree.fromstringlist", "lxml.etree.XMLID", "lxml.etree.XMLDTDID",
            "lxml.objectify.parse", "lxml.objectify.fromstring", "lxml.objectify.XML");
    private static final Set<String> SAX_FEATURES = Set.of("xml.sax.handler.feature_external_ges",
            "xml.sax.handler.feature_external_pes", "http://xml.org/sax/features/external-general-entities",
            "http://xml.org/sax/features/external-parameter-entities");

    @Override
    public void visitCall(Call call, RuleContext context) {
        if (call.name().equals("setFeature")) {
            checkSaxFeature(call, context);
            return;
        }
        String callee = null;
        for (String candidate : context.file().qualifiedNames(call.function())) {
            if (LXML_PARSERS.contains(candidate) || LXML_PARSE.contains(candidate) || candidate.equals("lxml.etree.iterparse")) {
                callee = candidate;
                break;
            }
        }
        if (callee == null) return;
        Values values = context.values();
        String what = "`" + call.function().text() + "`";
        if (LXML_PARSERS.contains(callee)) {
            PyNode resolve = call.keyword("resolve_entities");
            if (resolve != null && values.isTrue(resolve)) {
                context.report(call.node(), what + " is created with `resolve_entities=True`: a document parsed "
                        + "with it can declare `<!ENTITY x SYSTEM \"file:///etc/passwd\">` and have the file's "
                        + "contents inserted into the result (XXE).", Severity.HIGH, Confidence.HIGH);
            } else if (resolve == null && !call.unpacksArguments()) {
                context.report(call.node(), what + " is created without `resolve_entities=False`; before lxml 5.0 "
                        + "its default resolves external entities, so a document parsed with it can pull in local "
                        + "files (`<!ENTITY x SYSTEM \"file:///etc/passwd\">`).", Severity.LOW, Confidence.LOW);
            }
            return;
        }
        PyNode data = call.argument(0, "source");
        if (data == null) data = call.keyword("text");
        if (data == null || values.isConstant(data)) return;
        if (callee.equals("lxml.etree.iterparse")) {
            PyNode resolve = call.keyword("resolve_entities");
            if (resolve != null && !values.isTrue(resolve)) return;
            if (resolve == null && call.unpacksArguments()) return;
            boolean explicit = resolve != null;
            context.report(call.node(), what + " parses " + quote(data) + (explicit
                    ? " with `resolve_entities=True`" : " with its default settings, which resolve external "
                    + "entities before lxml 6.1") + "; a document can declare `<!ENTITY x SYSTEM \"file:///...\">` "
                    + "and read local files (XXE).", explicit ? Severity.HIGH : Severity.LOW,
                    explicit ? Confidence.HIGH : Confidence.LOW);
            return;
        }
        if (!usesDefaultParser(call, callee, values)) return;
        // One choice of parser, made once for the file: reported once, at its first use, with the others beside it.
        List<PyNode> uses = context.fileState(() -> defaultParserUses(context));
        if (uses.isEmpty() || uses.get(0) != call.node()) return;
        List<Map.Entry<PyNode, String>> others = uses.stream().skip(1)
                .map(use -> Map.entry(use, "also parses with lxml's default parser"))
                .toList();
        context.report(call.node(), what + " parses " + quote(data) + " with lxml's default parser, which resolves "
                + "external entities before lxml 5.0; a document can declare `<!ENTITY x SYSTEM \"file:///...\">` "
                + "and read local files (XXE); pin lxml >= 5.0 or pass a parser with "
                + "`resolve_entities=False` if the document can come from outside."
                + (others.isEmpty() ? "" : " The file parses with the default parser in " + uses.size()
                        + " calls (the others are listed beside this one); one hardened parser fixes them all."),
                Severity.LOW, Confidence.LOW, others);
    }

    /** A parse call that takes its data from a non-constant and gives no parser of its own. */
    private static boolean usesDefaultParser(Call call, String callee, Values values) {
        if (!LXML_PARSE.contains(callee) || call.unpacksArguments()) return false;
        PyNode data = call.argument(0, "source");
        if (data == null) data = call.keyword("text");
        if (data == null || values.isConstant(data)) return false;
        PyNode parser = call.argument(1, "parser");
        // A parser given here is judged where it is created.
        return parser == null || values.constant(parser).map(v -> v == Values.NONE).orElse(false);
    }

    private static List<PyNode> defaultParserUses(RuleContext context) {
        List<PyNode> uses = new ArrayList<>();
        context.file().root().forEachDescendant(node -> {
            if (!node.is("call")) return;
            Call call = Call.of(node, context.file());
            for (String candidate : context.file().qualifiedNames(call.function())) {
                if (LXML_PARSE.contains(candidate) && usesDefaultParser(call, candidate, context.values())) {
                    uses.add(node);
                    return;
                }
            }
        });
        return uses;
    }

    /** {@code parser.setFeature(feature_external_ges, True)} on a SAX parser. */
    private static void checkSaxFeature(Call call, RuleContext context) {
        PyNode feature = call.argument(0, "name");
        PyNode state = call.argument(1, "state");
        if (feature == null || state == null) return;
        Values values = context.values();
        String name = context.file().qualifiedName(feature);
        if (name == null) name = values.string(feature).orElse(null);
        if (name == null || !SAX_FEATURES.contains(name)) return;
        Optional<Object> on = values.constant(state);
        boolean enabled = on.isPresent() && (Boolean.TRUE.equals(on.get()) || Long.valueOf(1).equals(on.get()));
        if (!enabled) return;
        boolean parameter = name.endsWith("pes") || name.endsWith("parameter-entities");
        context.report(call.node(), "`" + call.function().text() + "` turns on external "
                + (parameter ? "parameter" : "general") + " entities for this SAX parser: a document it parses can "
                + "declare `<!ENTITY x SYSTEM \"file:///etc/passwd\">` and read local files or make the server "
                + "fetch URLs (XXE).", Severity.HIGH, Confidence.HIGH);
    }

    private static String quote(PyNode expr) {
        String text = expr.text().replaceAll("\\s+", " ");
        return "`" + (text.length() > 60 ? text.substring(0, 57) + "..." : text) + "`";
    }
}
