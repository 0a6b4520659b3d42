package dev.secreview.python.rules.web;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.Snippets;
import dev.secreview.python.tree.PyNode;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A stored file (an upload, an attachment, a portrait) sent back with the content type it was stored with, inline:
 * whoever uploaded it chose that type, and {@code image/svg+xml} or {@code text/html} runs the uploader's script on
 * the application's origin. A response the same function makes a download (Content-Disposition: attachment) or
 * sandboxes (a Content-Security-Policy) is left alone.
 */
@RuleInfo(
        id = "py-inline-stored-content-type",
        cwe = 79,
        severity = Severity.MEDIUM,
        confidence = Confidence.LOW,
        summary = "A stored file is served inline with the content type stored with it (obj.content_type, "
                + "obj.mimetype): an uploaded SVG or HTML file is rendered as a page on the application's origin "
                + "and its script runs with the viewer's session.",
        fix = "Serve stored files inline only for an allow-list of types that cannot carry script (image/png, "
                + "image/jpeg, image/gif, application/pdf); send the others with `Content-Disposition: attachment`, "
                + "`X-Content-Type-Options: nosniff` and a `Content-Security-Policy: sandbox`, or from a separate "
                + "domain.",
        altNames = {})
public final class InlineStoredContentTypeRule implements CallRule, NodeRule {

    /** Attributes that hold the type a stored file was declared with. */
    private static final Set<String> DECLARED_TYPE = Set.of("content_type", "mimetype", "mime_type", "contentType",
            "mimeType", "content_type_header");
    private static final Set<String> HEADER_SETTERS = Set.of("setHeader", "set_header", "add_header", "addHeader");
    /** The response makes the file a download or sandboxes it. */
    private static final Pattern PROTECTED = Pattern.compile("(?i)content-disposition|as_attachment|content-security-policy");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("assignment");
    }

    /** {@code response.setHeader("Content-Type", f.content_type)}, {@code HttpResponse(data, content_type=f.content_type)}. */
    @Override
    public void visitCall(Call call, RuleContext context) {
        if (HEADER_SETTERS.contains(call.name()) && call.positional().size() >= 2) {
            if (contentType(call.positional().get(0), context)) check(call.node(), call.positional().get(1), context);
            return;
        }
        String name = call.name();
        if (name == null || !(name.endsWith("Response") || name.equals("send_file"))) return;
        for (String keyword : new String[] {"content_type", "mimetype"}) {
            PyNode value = call.keyword(keyword);
            if (value != null) check(call.node(), value, context);
        }
    }

    /** {@code response["Content-Type"] = f.content_type}, {@code response.headers["Content-Type"] = ...}, {@code response.mimetype = ...}. */
    @Override
    public void visitNode(PyNode node, RuleContext context) {
        PyNode left = node.field("left");
        PyNode right = node.field("right");
        if (left == null || right == null) return;
        if (left.is("subscript") && contentType(left.field("subscript"), context)) {
            check(node, right, context);
        } else if (left.is("attribute") && left.field("attribute") != null
                && Set.of("content_type", "mimetype").contains(left.field("attribute").text())
                && left.field("object") != null && left.field("object").text().toLowerCase(Locale.ROOT).contains("response")) {
            check(node, right, context);
        }
    }

    private static boolean contentType(PyNode key, RuleContext context) {
        if (key == null) return false;
        Optional<String> text = context.values().string(key);
        return text.isPresent() && text.get().equalsIgnoreCase("content-type");
    }

    private static void check(PyNode at, PyNode value, RuleContext context) {
        PyNode declared = declaredType(value, context);
        if (declared == null) return;
        PyNode function = context.file().enclosingFunction(at);
        if (function == null || PROTECTED.matcher(function.text()).find()) return;
        context.report(at, "`" + Snippets.shortened(at.text(), 70) + "` serves a stored file inline with the type it was "
                + "stored with (`" + Snippets.shortened(declared.text(), 50) + "`), and nothing in `"
                + functionName(function) + "` makes it a download or sandboxes it: an uploaded `image/svg+xml` or "
                + "`text/html` file is rendered as a page of this application and its script runs with the viewer's "
                + "session.");
    }

    /** The value is an attribute naming a stored object's declared type, directly or through one local. */
    private static PyNode declaredType(PyNode value, RuleContext context) {
        PyNode expr = value;
        if (expr.is("identifier")) expr = context.values().singleAssignedValue(expr);
        if (expr == null || !expr.is("attribute")) return null;
        PyNode attribute = expr.field("attribute");
        PyNode object = expr.field("object");
        if (attribute == null || object == null || !DECLARED_TYPE.contains(attribute.text())) return null;
        // The request's own declared type, and a response's, are not a stored file's; nor is the type a handler was
        // configured with (`self.content_type`, set by the server's own routing).
        String owner = object.text().toLowerCase(Locale.ROOT);
        if (owner.contains("request") || owner.equals("req") || owner.contains("response") || owner.equals("resp")
                || owner.equals("self") || owner.equals("cls")) return null;
        return expr;
    }

    private static String functionName(PyNode function) {
        PyNode name = function.field("name");
        return name == null ? "the function" : name.text();
    }
}
