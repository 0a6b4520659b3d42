package dev.secreview.audit;

import dev.secreview.core.model.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static dev.secreview.audit.Verdict.BAD_LINE;
import static dev.secreview.audit.Verdict.SUPPORTED;
import static dev.secreview.audit.Verdict.UNSUPPORTED;
import static dev.secreview.audit.Verdict.MISNAMED_CWE;
import static dev.secreview.audit.Verdict.NOT_A_WEAKNESS;
import static dev.secreview.audit.Verdict.UNKNOWN_SYMBOL;
import static dev.secreview.audit.Verdict.UNVERIFIED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checks before the facts, one claim at a time, on one small file. */
class ClaimChecksTest {

    private static final SourceFile CODE = Fixtures.source("service.py", """
            import subprocess
            from functools import wraps


            def admin_only(view):
                @wraps(view)
                def wrapper(*args):
                    return view(*args)
                return wrapper


            class Report:
                def render(self, name):
                    # eval(name) would be worse
                    output = subprocess.check_output(["report", name])
                    with open("/tmp/report.txt", "w") as out:
                        out.write(output.decode())

                    return sorted(output, key=lambda line: len(line))
            """);

    static Stream<Arguments> claims() {
        return Stream.of(
                // the CWE
                Arguments.of("1. CWE-99999 (Made Up), line 15: bad.", NOT_A_WEAKNESS, "CWE-99999 is not in the CWE 4.15 catalog"),
                Arguments.of("1. CWE-1000, line 15: bad.", NOT_A_WEAKNESS, "CWE-1000 is a View, not a weakness (Research Concepts, status Draft)"),
                Arguments.of("1. CWE-16, line 15: bad.", NOT_A_WEAKNESS, "CWE-16 is a Category, not a weakness (Configuration, status Obsolete)"),
                Arguments.of("1. CWE-78 (OS Command Injection), pillar CWE-664, line 15: bad.", MISNAMED_CWE,
                        "the CWE-1000 pillar of CWE-78 is CWE-707: Improper Neutralization, not CWE-664"),
                Arguments.of("1. Pillar: CWE-20. Line 15 is bad.", MISNAMED_CWE, "CWE-20 is not a CWE-1000 pillar"),
                // lines
                Arguments.of("1. CWE-78, line 0: bad.", BAD_LINE, "line 0 is not a line number"),
                Arguments.of("1. CWE-78, line 11: bad.", BAD_LINE, "line 11 holds no code (only blanks or comments)"),
                Arguments.of("1. CWE-78, line 14: bad.", BAD_LINE, "line 14 holds no code (only blanks or comments)"),
                Arguments.of("1. CWE-78, lines 18-25: bad.", BAD_LINE, "lines 18-25 goes past the end of the file (19 lines)"),
                Arguments.of("1. CWE-78, line 5: `subprocess.check_output` runs a command.", BAD_LINE,
                        "`subprocess.check_output` is on line 15, not within 3 lines of line 5"),
                Arguments.of("1. CWE-20, line 19 in `render`: `sorted` is called.", UNSUPPORTED, "`render` is on line 13"),
                // names and code
                Arguments.of("1. CWE-20, line 15: `subprocess.check_output` starts `subprocess.Popen` underneath.", UNSUPPORTED,
                        "`subprocess.Popen` is the class on line 4 of subprocess.py (library)"),
                Arguments.of("1. CWE-95, line 15: `eval` runs the name.", UNKNOWN_SYMBOL, "`eval` does not occur in the file"),
                Arguments.of("1. CWE-20, line 15: `name` is a `str`, `None` is never checked.", UNSUPPORTED, "`name` is on lines 13, 15"),
                Arguments.of("1. CWE-20, line 15:\n   ```\n   15 | output = subprocess.check_output(['report', name])\n   ```", UNSUPPORTED,
                        "`15 | output = subprocess.check_output(['report', name])` is on line 15"),
                Arguments.of("1. CWE-78, line 15: `subprocess.check_output([...], name)` is bad.", UNKNOWN_SYMBOL,
                        "the code `subprocess.check_output([...], name)` does not occur in the file"),
                Arguments.of("1. CWE-20, line 15: `subprocess.check_output([..., name])` is bad.", UNSUPPORTED,
                        "`subprocess.check_output([..., name])` is on line 15"),
                // constructs
                Arguments.of("1. CWE-703, line 16: the `try...except` block hides errors.", UNKNOWN_SYMBOL,
                        "the claim speaks of a try/except block, but the file has none"),
                Arguments.of("1. CWE-703, line 15: there is no try/except around the call.", UNSUPPORTED, "line 15 is in the file (19 lines)"),
                Arguments.of("1. CWE-703, line 16: the with statement writes a fixed path.", UNSUPPORTED, "a with statement is on line 16"),
                Arguments.of("1. CWE-703, line 15: the try/except block is missing around the call.", UNSUPPORTED,
                        "line 15 is in the file (19 lines)"),
                Arguments.of("1. CWE-703, line 19: the lambda sorts lines.", UNSUPPORTED, "a lambda is on line 19"),
                Arguments.of("1. CWE-703, line 6: the decorator copies metadata.", UNSUPPORTED, "a decorator is on line 6"),
                Arguments.of("1. CWE-617, line 15: the assert statement guards the call.", UNKNOWN_SYMBOL,
                        "the claim speaks of an assert statement, but the file has none"),
                Arguments.of("1. CWE-703, line 15: the finally clause swallows errors.", UNKNOWN_SYMBOL,
                        "the claim speaks of a finally clause, but the file has none"),
                Arguments.of("1. CWE-285, line 13: class ReportAdmin skips the check.", UNKNOWN_SYMBOL,
                        "the claim speaks of class `ReportAdmin`, but the file defines no such class"),
                Arguments.of("1. CWE-285, line 13: class Report skips the check.", UNSUPPORTED, "line 13 is in the file (19 lines)"),
                Arguments.of("1. CWE-285, line 13: the function check_admin lets every caller in.", UNKNOWN_SYMBOL,
                        "the claim speaks of function `check_admin`, but the file neither defines nor calls it"),
                Arguments.of("1. CWE-285, line 5: the function admin_only forwards every call.", UNSUPPORTED, "line 5 is in the file (19 lines)"),
                // nothing to check
                Arguments.of("1. CWE-78: the service may run commands it should not.", UNVERIFIED,
                        "the claim names no line and no code of the file, so nothing in it could be checked"),
                Arguments.of("1. CWE-78: `subprocess.call` could be misused.", UNVERIFIED,
                        "`subprocess.call` is defined on line 24 of subprocess.py (library)"),
                // names the file does not have, looked up where they would come from
                Arguments.of("1. CWE-20, line 15: `subprocess.Popen.kill_all` stops the report.", UNKNOWN_SYMBOL,
                        "`subprocess.Popen.kill_all` does not exist: class `Popen` (line 4 of subprocess.py (library)) and its "
                                + "base classes define no `kill_all`"),
                Arguments.of("1. CWE-20, line 19: `Report.render` sorts lines, `Report.export` writes them.", UNKNOWN_SYMBOL,
                        "`Report.export` does not exist: class `Report` (line 12 of service.py) and its base classes define no "
                                + "`export`"),
                Arguments.of("1. Line 15 runs a command built from `name`.", UNSUPPORTED, "no CWE id given"));
    }

    @ParameterizedTest
    @MethodSource("claims")
    void verdictAndEvidence(String review, Verdict verdict, String evidence) {
        AuditedClaim audited = Fixtures.only(Fixtures.audit(CODE, review));
        assertEquals(verdict, audited.verdict(), () -> audited.evidence().toString());
        assertTrue(audited.evidence().contains(evidence), () -> audited.evidence() + " lacks: " + evidence);
    }

    @Test
    void aNameOnlyInACommentIsNotInTheFile() {
        AuditedClaim audited = Fixtures.only(Fixtures.audit(CODE, "1. CWE-95, line 15: `eval(name)` runs input."));
        assertEquals(UNKNOWN_SYMBOL, audited.verdict());
    }

    @Test
    void aFileWithSyntaxErrorsIsAuditedAsFarAsItParses() {
        SourceFile broken = Fixtures.source("broken.py", "import os\n\ndef f(:\n    pass\n\nos.system(cmd)\n");
        AuditReport report = Fixtures.audit(broken, "1. CWE-78, line 6: `os.system` runs a shell command.");
        assertEquals(List.of(SUPPORTED), Fixtures.verdicts(report));
    }

    @Test
    void everyLineOfAnEmptyFileIsPastTheEnd() {
        AuditedClaim audited = Fixtures.only(Fixtures.audit(Fixtures.source("empty.py", ""), "1. CWE-78, line 1: bad."));
        assertEquals(BAD_LINE, audited.verdict());
        assertEquals(List.of("CWE-78 is a Base weakness", "line 1 is past the end of the file (0 lines)"), audited.evidence());
    }
}
