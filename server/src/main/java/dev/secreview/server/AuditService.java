package dev.secreview.server;

import dev.secreview.audit.AuditFormat;
import dev.secreview.audit.AuditInput;
import dev.secreview.audit.AuditReport;
import dev.secreview.audit.Claim;
import dev.secreview.audit.ClaimAuditor;
import dev.secreview.audit.CodeUnderAudit;
import dev.secreview.audit.LibraryPath;
import dev.secreview.audit.MalformedReviewException;
import dev.secreview.audit.ReviewParser;
import dev.secreview.core.cwe.CweCatalog;
import dev.secreview.core.engine.ScanRequest;
import dev.secreview.core.model.SourceFile;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Audits a review of one pasted file as {@code secreview audit -f json} does: the audit module's parser, auditor
 * and JSON writer; the file alone (no tree), libraries from the {@code python3} on {@code PATH}, parsed and never
 * imported. Code that does not parse and a malformed JSON review are 400s, as they are usage errors in the CLI.
 */
final class AuditService {

    private final CweCatalog catalog = CweCatalog.embedded();
    private final LibraryPath libraries = LibraryPath.ofPythonOnPath(System.getenv("PATH"));

    String audit(String path, String code, String review) {
        SourceFile file = new SourceFile(Path.of(path), path, code);
        AuditInput input = AuditInput.of(file, List.of(), libraries, ScanRequest.DEFAULT_THREAT_MODELS);
        if (!input.code().syntaxErrors().isEmpty()) {
            CodeUnderAudit.SyntaxError first = input.code().syntaxErrors().get(0);
            throw ApiError.badRequest(path + ":" + first.line() + ": " + first.message()
                    + "; only code that parses can be audited");
        }
        List<Claim> claims;
        try {
            claims = new ReviewParser().parse(review);
        } catch (MalformedReviewException e) {
            throw ApiError.badRequest("review: " + e.getMessage());
        }
        AuditReport report = new ClaimAuditor(catalog).audit(input, claims);
        StringWriter rendered = new StringWriter();
        try {
            AuditFormat.JSON.writer(catalog).write(report, rendered);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rendered.toString();
    }
}
