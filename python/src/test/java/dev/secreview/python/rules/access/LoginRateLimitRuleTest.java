package dev.secreview.python.rules.access;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.python.rules.RuleCheck;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The rule decides from the whole application: a login view without a limiter of its own is reported only when no
 * file reviewed with it limits attempts (a limiter built in the application factory, a throttle in the settings).
 */
class LoginRateLimitRuleTest {
    private static final String VIEWS = "app/auth/views.py";
    private static final String LOGIN = """
            from flask import Blueprint, request, session
            from werkzeug.security import check_password_hash

            from app.models import User

            auth = Blueprint("auth", __name__)


            @auth.route("/login", methods=["POST"])
            def login():
                user = User.query.filter_by(email=request.form["email"]).first()
                if user is None or not check_password_hash(user.password_hash, request.form["password"]):
                    return "invalid", 401
                session["user_id"] = user.id
                return "ok"
            """;
    private static List<Finding> reviewed(Map<String, String> files) {
        return RuleCheck.treeFindings(files, LoginRateLimitRule.ID);
    }

    @Test
    void aLoginViewOfAnApplicationWithoutALimiterIsReportedAtItsDefinition() {
        List<Finding> findings = reviewed(Map.of(VIEWS, LOGIN, "app/__init__.py", """
                from flask import Flask

                def create_app():
                    app = Flask(__name__)
                    return app
                """));
        assertEquals(1, findings.size(), findings::toString);
        Finding finding = findings.get(0);
        assertEquals(VIEWS, finding.path());
        assertEquals(10, finding.line());
        assertEquals(Severity.MEDIUM, finding.severity());
        assertEquals(Confidence.LOW, finding.confidence());
    }

    @Test
    void aLimiterSetUpInAnotherFileOfTheApplicationCoversTheLoginView() {
        List<Finding> findings = reviewed(Map.of(VIEWS, LOGIN, "app/__init__.py", """
                from flask import Flask
                from flask_limiter import Limiter
                from flask_limiter.util import get_remote_address

                def create_app():
                    app = Flask(__name__)
                    Limiter(get_remote_address, app=app, default_limits=["200 per day"])
                    return app
                """));
        assertEquals(List.of(), findings);
    }

    @Test
    void aThrottleInTheSettingsCoversEveryView() {
        List<Finding> findings = reviewed(Map.of(VIEWS, LOGIN, "project/settings.py", """
                REST_FRAMEWORK = {
                    "DEFAULT_THROTTLE_RATES": {"anon": "20/minute"},
                }
                """));
        assertEquals(List.of(), findings);
    }

    @Test
    void aCountOfFailedAttemptsOfTheApplicationsOwnCoversTheLoginView() {
        List<Finding> findings = reviewed(Map.of(VIEWS, LOGIN, "app/models.py", """
                class User:
                    failed_login_attempts = 0
                """));
        assertEquals(List.of(), findings);
    }

    @Test
    void aCommentThatPromisesALimitLimitsNothing() {
        List<Finding> findings = reviewed(Map.of(VIEWS, LOGIN + "\n# TODO: add a rate limiter\n"));
        assertEquals(1, findings.size(), findings::toString);
    }
}
