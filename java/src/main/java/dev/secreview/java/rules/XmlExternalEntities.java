package dev.secreview.java.rules;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.java.api.JavaRule;
import dev.secreview.java.api.RuleContext;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A JAXP parser factory (DOM, SAX, StAX, XSLT, schema) or a SAX {@code XMLReader} created and used to parse without
 * any of the settings that close external entities: {@code disallow-doctype-decl}, {@code FEATURE_SECURE_PROCESSING}
 * (which, set explicitly, also empties the JDK's external-access properties), {@code external-general-entities} off,
 * {@code ACCESS_EXTERNAL_DTD} set to "", StAX's {@code SUPPORT_DTD} or {@code IS_SUPPORTING_EXTERNAL_ENTITIES} off, or
 * an entity resolver. A factory is judged by its binding: a local by its method, a field by its class (configured in
 * the constructor or a static block); one handed to another method, or returned, is that code's to configure.
 */
@RuleInfo(id = "java-xml-external-entities", cwe = 611, severity = Severity.MEDIUM, confidence = Confidence.MEDIUM,
        summary = "An XML parser (DocumentBuilderFactory, SAXParserFactory, XMLInputFactory, TransformerFactory, SchemaFactory, XMLReader) parses with external entities and DTDs allowed, the JDK's default.",
        fix = "Before parsing, call factory.setFeature(\"http://apache.org/xml/features/disallow-doctype-decl\", true) (DOM, SAX), or set XMLInputFactory.SUPPORT_DTD to false (StAX), or XMLConstants.ACCESS_EXTERNAL_DTD to \"\" (XSLT, schemas).")
public final class XmlExternalEntities implements JavaRule {

    /**
     * A factory type: the calls that create one, the calls on it that parse (or make a parser, which can still be
     * given a resolver), and whether those parse only when given a document.
     */
    private record Factory(String type, Set<String> creators, Set<String> parses, boolean makesParser,
                           boolean parsesOnlyWithArguments) {
        String simpleName() {
            return type.substring(type.lastIndexOf('.') + 1);
        }
    }

    private static final Set<String> NEW_INSTANCE = Set.of("newInstance", "newDefaultInstance", "newNSInstance",
            "newDefaultNSInstance");
    private static final List<Factory> FACTORIES = List.of(
            new Factory("javax.xml.parsers.DocumentBuilderFactory", NEW_INSTANCE, Set.of("newDocumentBuilder"), true, false),
            new Factory("javax.xml.parsers.SAXParserFactory", NEW_INSTANCE, Set.of("newSAXParser"), true, false),
            new Factory("javax.xml.stream.XMLInputFactory", Set.of("newInstance", "newFactory", "newDefaultFactory"),
                    Set.of("createXMLStreamReader", "createXMLEventReader"), false, false),
            // A transformer reads XML when it is given a stylesheet; without one it mostly serialises a DOM.
            new Factory("javax.xml.transform.TransformerFactory", Set.of("newInstance", "newDefaultInstance"),
                    Set.of("newTransformer", "newTemplates"), false, true),
            new Factory("javax.xml.validation.SchemaFactory", Set.of("newInstance", "newDefaultInstance"),
                    Set.of("newSchema"), false, true),
            new Factory("org.xml.sax.helpers.XMLReaderFactory", Set.of("createXMLReader"), Set.of("parse"), false, false));

    /** Options that close external entities when set to true. */
    private static final Set<String> ON_CLOSES = Set.of("http://apache.org/xml/features/disallow-doctype-decl",
            "FEATURE_SECURE_PROCESSING", "http://javax.xml.XMLConstants/feature/secure-processing");
    /** Options that close external entities when set to false. */
    private static final Set<String> OFF_CLOSES = Set.of("http://xml.org/sax/features/external-general-entities",
            "SUPPORT_DTD", "javax.xml.stream.supportDTD", "IS_SUPPORTING_EXTERNAL_ENTITIES",
            "javax.xml.stream.isSupportingExternalEntities");
    /** Properties that close external access when set to the empty string. */
    private static final Set<String> EMPTY_CLOSES = Set.of("ACCESS_EXTERNAL_DTD", "ACCESS_EXTERNAL_SCHEMA",
            "ACCESS_EXTERNAL_STYLESHEET", "http://javax.xml.XMLConstants/property/accessExternalDTD",
            "http://javax.xml.XMLConstants/property/accessExternalSchema",
            "http://javax.xml.XMLConstants/property/accessExternalStylesheet");
    private static final Set<String> SETTERS = Set.of("setFeature", "setProperty", "setAttribute");
    private static final Set<String> RESOLVERS = Set.of("setEntityResolver", "setXMLResolver");

    @Override
    public void check(CompilationUnit unit, RuleContext context) {
        for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
            Factory factory = created(call, context);
            if (factory == null) continue;
            Optional<MethodCallExpr> parse = unguardedParse(call, factory);
            parse.ifPresent(p -> context.report(call, "this " + factory.simpleName() + " is used to parse (`"
                    + p.getNameAsString() + "`, line " + p.getBegin().map(b -> b.line).orElse(0) + ") without disallowing "
                    + "DOCTYPEs or external entities: a document can read local files or make the server send requests."));
        }
    }

    private static Factory created(MethodCallExpr call, RuleContext context) {
        String callee = context.staticCallee(call);
        if (callee == null) return null;
        for (Factory f : FACTORIES) {
            if (!f.creators().contains(call.getNameAsString())) continue;
            String type = callee.substring(0, callee.lastIndexOf('.'));
            if (type.equals(f.type()) || type.equals(f.simpleName())) return f;
        }
        return null;
    }

    /** The first call that parses with this factory where nothing closes external entities; empty if none. */
    private static Optional<MethodCallExpr> unguardedParse(MethodCallExpr creation, Factory factory) {
        if (creation.getParentNode().orElse(null) instanceof MethodCallExpr chained
                && chained.getScope().filter(s -> s == creation).isPresent()) {
            return parses(chained, factory) && !guarded(chained) ? Optional.of(chained) : Optional.empty();
        }
        Optional<Binding> binding = Binding.of(creation);
        if (binding.isEmpty()) return Optional.empty();
        MethodCallExpr first = null;
        for (Expression use : binding.get().uses()) {
            Node parent = use.getParentNode().orElse(null);
            if (parent instanceof MethodCallExpr m && m.getScope().filter(s -> s == use).isPresent()) {
                if (closes(m)) return Optional.empty();
                if (first == null && parses(m, factory) && !guarded(m)) first = m;
            } else if (parent instanceof MethodCallExpr || parent instanceof ObjectCreationExpr || parent instanceof ReturnStmt) {
                return Optional.empty(); // handed on: configured, or used, where it goes
            }
        }
        return Optional.ofNullable(first);
    }

    /**
     * Whether a call on the factory parses here: it makes a parser this method keeps (one it returns, stores or hands
     * on is configured, or given a resolver, where it goes) or parses itself.
     */
    private static boolean parses(MethodCallExpr call, Factory factory) {
        if (!factory.parses().contains(call.getNameAsString()) || factory.makesParser() && handedOn(call)) return false;
        return !factory.parsesOnlyWithArguments() || !call.getArguments().isEmpty() || transformsAStream(call);
    }

    private static boolean handedOn(MethodCallExpr product) {
        Node parent = product.getParentNode().orElse(null);
        if (parent instanceof ReturnStmt) return true;
        Optional<Binding> kept = Binding.of(product);
        return kept.isPresent() && (kept.get().field() || kept.get().uses().stream()
                .anyMatch(use -> use.getParentNode().orElse(null) instanceof ReturnStmt));
    }

    /** A transformer made without a stylesheet still parses what it transforms when that is a stream. */
    private static boolean transformsAStream(MethodCallExpr newTransformer) {
        return Binding.callable(newTransformer).map(method -> !method.findAll(MethodCallExpr.class, c ->
                c.getNameAsString().equals("transform") && c.getArguments().size() == 2
                        && c.getArgument(0) instanceof ObjectCreationExpr source
                        && Set.of("StreamSource", "SAXSource").contains(source.getType().getNameAsString())).isEmpty())
                .orElse(false);
    }

    /** The method that parses also configures what it parses with (the builder's or reader's own settings). */
    private static boolean guarded(MethodCallExpr parse) {
        return Binding.callable(parse).map(method -> !method.findAll(MethodCallExpr.class, XmlExternalEntities::closes)
                .isEmpty()).orElse(false);
    }

    /** A call that closes external entities, or may: an option it cannot read, a resolver. */
    private static boolean closes(MethodCallExpr call) {
        String name = call.getNameAsString();
        if (RESOLVERS.contains(name)) return true;
        if (!SETTERS.contains(name) || call.getArguments().size() != 2) return false;
        Optional<String> option = option(call.getArgument(0));
        if (option.isEmpty()) return true;
        Expression value = call.getArgument(1);
        if (ON_CLOSES.contains(option.get())) return !isBoolean(value, false);
        if (OFF_CLOSES.contains(option.get())) return !isBoolean(value, true);
        if (EMPTY_CLOSES.contains(option.get())) return Constants.text(value).map(String::isEmpty).orElse(true);
        return false;
    }

    /**
     * An option's name: its text, or the simple name of a JAXP constant ({@code XMLConstants.ACCESS_EXTERNAL_DTD},
     * also statically imported); empty for a constant of another class, whose text this file does not show.
     */
    private static Optional<String> option(Expression e) {
        Optional<String> text = Constants.text(e);
        if (text.isPresent()) return text;
        String name = e instanceof FieldAccessExpr f ? f.getNameAsString() : e instanceof NameExpr n ? n.getNameAsString() : null;
        if (name == null) return Optional.empty();
        boolean jaxp = e instanceof FieldAccessExpr f && Set.of("XMLConstants", "XMLInputFactory", "javax.xml.XMLConstants",
                "javax.xml.stream.XMLInputFactory").contains(f.getScope().toString());
        return jaxp || ON_CLOSES.contains(name) || OFF_CLOSES.contains(name) || EMPTY_CLOSES.contains(name)
                ? Optional.of(name) : Optional.empty();
    }

    private static boolean isBoolean(Expression e, boolean value) {
        if (e instanceof BooleanLiteralExpr b) return b.getValue() == value;
        return e instanceof FieldAccessExpr f && f.getScope().toString().equals("Boolean")
                && f.getNameAsString().equals(value ? "TRUE" : "FALSE");
    }
}
