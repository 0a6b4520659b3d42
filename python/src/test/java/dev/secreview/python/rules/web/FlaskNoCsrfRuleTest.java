package dev.secreview.python.rules.web;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.python.rules.RuleCheck;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlaskNoCsrfRuleTest {

    private static List<Finding> review(String code) {
        return RuleCheck.findings(new FlaskNoCsrfRule(), "notes/app.py", code);
    }

    @Test
    void anApplicationWithLoginsAndNoProtectionIsReportedAtTheLoginSetUp() {
        List<Finding> findings = review("""
                from flask import Flask
                from flask_login import LoginManager

                app = Flask(__name__)
                login_manager = LoginManager()
                login_manager.init_app(app)
                """);
        assertEquals(List.of(6), findings.stream().map(Finding::line).toList());
        assertEquals(Confidence.LOW, findings.get(0).confidence());
        assertTrue(findings.get(0).message().contains("registers CSRF protection"), findings.get(0).message());
    }

    @Test
    void csrfProtectRegisteredInTheModuleIsEnough() {
        assertEquals(List.of(), review("""
                from flask import Flask
                from flask_login import LoginManager
                from flask_wtf.csrf import CSRFProtect

                app = Flask(__name__)
                LoginManager(app)
                CSRFProtect(app)
                """));
    }

    @Test
    void anExtensionRegisteredThroughAnotherModulesInstanceIsEnough() {
        assertEquals(List.of(), review("""
                from flask import Flask
                from flask_login import LoginManager
                from .extensions import csrf

                app = Flask(__name__)
                LoginManager().init_app(app)
                csrf.init_app(app)
                """));
    }

    @Test
    void aTokenCheckOfTheApplicationsOwnIsEnough() {
        assertEquals(List.of(), review("""
                from flask import Flask
                from flask_login import LoginManager
                from .security import check_xsrf_token

                app = Flask(__name__)
                LoginManager(app)
                app.before_request(check_xsrf_token)
                """));
    }
}
