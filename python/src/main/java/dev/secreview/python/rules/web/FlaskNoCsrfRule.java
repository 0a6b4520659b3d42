package dev.secreview.python.rules.web;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.tree.PyNode;

import java.util.regex.Pattern;

/**
 * Flask has no CSRF protection of its own: an application that logs users in with Flask-Login's session cookie
 * accepts a form post a cross-site page makes the browser send, unless an extension checks a token. The rule looks
 * at the module that builds the application and sets its login up, where an application's extensions are
 * registered; a module that names CSRF at all (an extension, a token check of its own, a comment) is left alone.
 */
@RuleInfo(
        id = "py-flask-no-csrf",
        cwe = 352,
        severity = Severity.MEDIUM,
        confidence = Confidence.LOW,
        summary = "A Flask application logs users in with Flask-Login's session cookie, and the module that sets it up "
                + "registers no CSRF protection (Flask-WTF's CSRFProtect, Flask-SeaSurf): its state-changing form "
                + "posts can be made by any site the user visits.",
        fix = "Register CSRF protection for the whole application where it is built: `from flask_wtf.csrf import "
                + "CSRFProtect` and `CSRFProtect(app)` (or `csrf.init_app(app)` in an application factory), and put "
                + "`{{ csrf_token() }}` in every form; exempt only endpoints that authenticate by a token, not the cookie.",
        altNames = {})
public final class FlaskNoCsrfRule implements CallRule {

    private static final String LOGIN_MANAGER = "flask_login.LoginManager";
    private static final String FLASK_APP = "flask.Flask()";
    private static final Pattern CSRF = Pattern.compile("(?i)csrf|seasurf|xsrf");

    /** Whether a name or a string of the module's code (not a comment) names CSRF protection. */
    private static boolean namesCsrf(PyNode node) {
        if ((node.is("identifier") || node.is("string")) && CSRF.matcher(node.text()).find()) return true;
        for (PyNode child : node.namedChildren()) {
            if (namesCsrf(child)) return true;
        }
        return false;
    }

    @Override
    public void visitCall(Call call, RuleContext context) {
        String callee = call.callee();
        PyNode app;
        if ((LOGIN_MANAGER + "().init_app").equals(callee)) {
            app = call.argument(0, "app");
        } else if (LOGIN_MANAGER.equals(callee)) {
            app = call.argument(0, "app");
        } else {
            return;
        }
        if (app == null || !FLASK_APP.equals(context.file().qualifiedName(app))) return;
        boolean protectedHere = context.fileState(() -> namesCsrf(context.file().root()));
        if (protectedHere) return;
        context.report(call.node(), "`" + call.function().text() + "(" + app.text() + ")` lets users log in to this "
                + "Flask application with a session cookie, and nothing in the module that builds the application "
                + "registers CSRF protection: Flask checks no token itself, so a page on any site can make a logged-in "
                + "browser post this application's forms (Flask-WTF forms carry a token, but only the views that "
                + "validate one check it).", Severity.MEDIUM, Confidence.LOW);
    }

}
