package dev.secreview.python.rules.secrets;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.python.rules.RuleCheck;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PlaintextPasswordRuleTest {

    @Test
    void aPlaintextComparisonIsHighWhileAStoreAModelMayHashIsALowConfidenceNote() {
        String code = """
                from flask import request

                from .models import User, db


                def login():
                    user = User.query.filter_by(name=request.form["name"]).first()
                    return user is not None and user.password == request.form["password"]


                def reset():
                    user = User.query.get(request.form["id"])
                    user.password = request.form["new_password"]
                    db.session.commit()
                """;
        List<Finding> findings = RuleCheck.findings(new PlaintextPasswordRule(), "app/views.py", code);
        assertEquals(List.of(8, 13), findings.stream().map(Finding::line).toList());
        assertEquals(Severity.HIGH, findings.get(0).severity());
        assertEquals(Confidence.MEDIUM, findings.get(0).confidence());
        assertEquals(256, findings.get(0).cwe());
        assertEquals(Severity.MEDIUM, findings.get(1).severity());
        assertEquals(Confidence.LOW, findings.get(1).confidence());
        assertEquals("The password from the request (`request.form[\"new_password\"]`) is stored as it is into "
                + "`user.password` (unless the model's `password` setter hashes it): whoever reads the database, a "
                + "backup or the session store reads every user's password, which opens their other accounts too.",
                findings.get(1).message());
    }

    @Test
    void aHashedPasswordIsNotReported() {
        String code = """
                from flask import request
                from werkzeug.security import generate_password_hash


                def reset(user):
                    password = request.form["password"]
                    password = generate_password_hash(password)
                    user.password = password
                """;
        assertEquals(List.of(), RuleCheck.findings(new PlaintextPasswordRule(), "app/views.py", code));
    }
}
