package dev.secreview.python.rules.web;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Identifiers;
import dev.secreview.python.semantic.PythonFile;
import dev.secreview.python.tree.PyNode;

import java.util.Set;

@RuleInfo(
        id = "py-oauth-no-state",
        cwe = 352,
        severity = Severity.MEDIUM,
        confidence = Confidence.MEDIUM,
        summary = "An OAuth login is started without an unguessable state value bound to the session (state turned "
                + "off, fixed, or carrying the next path), so the callback accepts a login another site started.",
        fix = "Let the OAuth library generate the state (authlib, requests-oauthlib and django-allauth do by "
                + "default), or use secrets.token_urlsafe(32) stored in the session and compared on the callback; "
                + "keep the next path in the session, not in the state.")
public final class OAuthStateRule implements NodeRule {
    /** Methods that build the authorization redirect of an OAuth client (authlib, Flask-OAuthlib, requests-oauthlib). */
    private static final Set<String> AUTHORIZE = Set.of("authorize", "authorize_redirect", "authorization_url",
            "create_authorization_url", "get_authorize_url", "authorize_url", "prepare_request_uri");
    /** Words of a name that says the value is where to go next, not a secret. */
    private static final Set<String> DESTINATION_WORDS = Set.of("next", "redirect", "return", "came", "url", "path",
            "destination", "target");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("assignment", "keyword_argument");
    }

    @Override
    public void visitNode(PyNode node, RuleContext context) {
        if (node.is("assignment")) {
            stateSwitchedOff(node, context);
        } else {
            stateArgument(node, context);
        }
    }

    /** {@code supports_state = False} in the body of a django-allauth OAuth adapter (or any OAuth class). */
    private static void stateSwitchedOff(PyNode assignment, RuleContext context) {
        PyNode left = assignment.field("left");
        if (left == null || !left.is("identifier") || !left.text().equals("supports_state")
                || !context.values().isFalse(assignment.field("right"))) {
            return;
        }
        PyNode owner = assignment.ancestor("class_definition", "function_definition");
        if (owner == null || !owner.is("class_definition") || !oauthClass(owner, context.file())) return;
        context.report(assignment, "This OAuth adapter turns the `state` parameter off: the callback cannot tell a login "
                + "this user started from one an attacker started and sent the user to, so the attacker's account can "
                + "be signed into the user's session (login CSRF), and an authorization code can be injected.");
    }

    private static boolean oauthClass(PyNode owner, PythonFile file) {
        PyNode bases = owner.field("superclasses");
        if (bases == null) return false;
        for (PyNode base : bases.namedChildren()) {
            String name = String.valueOf(file.qualifiedName(base));
            if (name.contains("OAuth")) return true;
        }
        return false;
    }

    /** {@code client.authorize_redirect(uri, state=next_path)} or {@code state="fixed"}. */
    private static void stateArgument(PyNode keyword, RuleContext context) {
        PyNode name = keyword.field("name");
        PyNode value = keyword.field("value");
        PyNode call = keyword.parent() == null ? null : keyword.parent().parent();
        if (name == null || value == null || !name.text().equals("state") || call == null || !call.is("call")) return;
        PyNode function = call.field("function");
        if (function == null || !function.is("attribute") || function.field("attribute") == null
                || !AUTHORIZE.contains(function.field("attribute").text())) {
            return;
        }
        String problem;
        if (context.values().isConstant(value) && !value.is("identifier")) {
            problem = "is the fixed value `" + value.text() + "`";
        } else if (destination(value, context)) {
            problem = "carries where to go after the login (`" + value.text() + "`), which anyone can know or choose";
        } else {
            return;
        }
        context.report(keyword, "The OAuth `state` " + problem + ", not a secret bound to the user's session: the "
                + "callback cannot tell a login this user started from one an attacker started, so the attacker can "
                + "sign the user into the attacker's account (login CSRF).");
    }

    /** A value named as a destination, or read from the request ({@code request.args.get("next")}). */
    private static boolean destination(PyNode value, RuleContext context) {
        if (!value.is("identifier") && !value.is("attribute") && !value.is("call") && !value.is("subscript")) {
            return false;
        }
        PyNode defined = value.is("identifier") ? context.values().singleAssignedValue(value) : value;
        if (defined != null && defined.text().startsWith("request.")) return true;
        String last = value.is("attribute") && value.field("attribute") != null ? value.field("attribute").text()
                : value.is("identifier") ? value.text() : null;
        return last != null && Identifiers.words(last).stream().anyMatch(DESTINATION_WORDS::contains);
    }
}
