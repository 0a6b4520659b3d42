package dev.secreview.audit;

import dev.secreview.core.cwe.CweCatalog;
import dev.secreview.core.engine.ScanRequest;
import dev.secreview.core.model.SourceFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** The fixture code and reviews under src/test/resources, and the one-call audit the tests make of them. */
final class Fixtures {

    static final ClaimAuditor AUDITOR = new ClaimAuditor(CweCatalog.embedded());
    static final ReviewParser PARSER = new ReviewParser();
    static final LibraryPath LIBRARY = LibraryPath.of(List.of(folder("library")));

    private Fixtures() {
    }

    static String text(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + resource)) {
            if (in == null) throw new IllegalArgumentException("no test resource " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SourceFile code(String resource) {
        return source(resource, text(resource));
    }

    static SourceFile source(String path, String text) {
        return new SourceFile(Path.of(path), path, text);
    }

    static AuditReport audit(String codeResource, String reviewResource) {
        return audit(code(codeResource), text(reviewResource));
    }

    /** Audits a review (Markdown or JSON) given inline against code given inline, with the static review of that code. */
    static AuditReport audit(SourceFile code, String review) {
        return AUDITOR.audit(input(code), PARSER.parse(review));
    }

    static AuditInput input(SourceFile code) {
        return AuditInput.of(code, List.of(), LIBRARY, ScanRequest.DEFAULT_THREAT_MODELS);
    }

    /** The folder of a test resource: {@code library}, the stand-in packages the fixture code imports. */
    static Path folder(String resource) {
        try {
            return Path.of(Fixtures.class.getResource("/" + resource).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static List<Verdict> verdicts(AuditReport report) {
        return report.claims().stream().map(AuditedClaim::verdict).toList();
    }

    /** The verdict of a review's only claim. */
    static AuditedClaim only(AuditReport report) {
        if (report.claims().size() != 1) throw new AssertionError("expected one claim, got " + report.claims());
        return report.claims().get(0);
    }
}
