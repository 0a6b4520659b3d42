package dev.secreview.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.secreview.core.cwe.CweCatalog;
import dev.secreview.core.engine.Scanner;
import dev.secreview.report.HtmlReportWriter;
import dev.secreview.report.JsonOutput;
import dev.secreview.report.ReportFormat;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code secreview serve}: the page ({@code /}, with its script and stylesheet) and the REST API over the scanner,
 * the report writers, the rules, the CWE catalog and the audit, on an embedded Javalin. Every answer carries a
 * Content-Security-Policy that allows no inline script but the HTML review's own (by hash: the page shows that
 * review in an {@code <iframe srcdoc>}, which inherits the page's policy), and every error is one JSON object
 * {@code {"error": "..."}}, never a stack trace.
 */
public final class ReviewServer implements AutoCloseable {

    /** A route the server answers; {@code /api/openapi.json} describes every one. */
    record Route(String method, String path, Handler handler) {
    }

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' "
            + HtmlReportWriter.inlineScriptSource() + "; style-src 'self' " + HtmlReportWriter.inlineStyleSource()
            + "; base-uri 'none'; form-action 'self'";
    /** Every answer: no inline script but the review's, no guessing a type from content, no referrer to follow. */
    static final Map<String, String> SECURITY_HEADERS = Map.of("Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff", "Referrer-Policy", "no-referrer");
    private static final List<ReportFormat> REVIEW_FORMATS = List.of(ReportFormat.JSON, ReportFormat.SARIF, ReportFormat.HTML);

    private final ServeLimits limits;
    private final ReviewService reviews;
    private final AuditService audits = new AuditService();
    private final RuleCatalogJson catalog;
    private final StaticAssets assets = new StaticAssets();
    private final List<Route> routes;
    private final Javalin app;

    public ReviewServer(String toolVersion) {
        this(toolVersion, ServeLimits.DEFAULT, Path.of(System.getProperty("java.io.tmpdir")));
    }

    ReviewServer(String toolVersion, ServeLimits limits, Path temporaryFolder) {
        Scanner scanner = Scanner.withInstalledFrontEnds();
        this.limits = limits;
        this.reviews = new ReviewService(scanner, limits, toolVersion, temporaryFolder);
        this.catalog = new RuleCatalogJson(scanner.rules(), CweCatalog.embedded());
        this.routes = List.of(
                new Route("GET", "/", ctx -> assets.serve("index.html", ctx)),
                new Route("GET", "/app.js", ctx -> assets.serve("app.js", ctx)),
                new Route("GET", "/app.css", ctx -> assets.serve("app.css", ctx)),
                new Route("POST", "/api/review", this::review),
                new Route("GET", "/api/rules", ctx -> json(ctx, catalog.rules())),
                new Route("GET", "/api/rules/{id}", ctx -> json(ctx, catalog.rule(ctx.pathParam("id")))),
                new Route("GET", "/api/cwe/{id}", ctx -> json(ctx, catalog.cwe(ctx.pathParam("id")))),
                new Route("POST", "/api/audit", this::audit),
                new Route("GET", "/api/openapi.json", ctx -> assets.serve("openapi.json", ctx)));
        this.app = Javalin.create(this::configure);
    }

    private void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.http.maxRequestSize = limits.maxRequestBytes();
        // Uploads stay in memory (within the request limit): nothing is written before the request's own folder.
        config.jetty.multipartConfig.maxTotalRequestSize(limits.maxRequestBytes(), SizeUnit.BYTES);
        config.jetty.multipartConfig.maxFileSize(limits.maxRequestBytes(), SizeUnit.BYTES);
        config.jetty.multipartConfig.maxInMemoryFileSize((int) limits.maxRequestBytes(), SizeUnit.BYTES);
        config.routes.before(this::secure);
        for (Route route : routes) {
            if (route.method().equals("GET")) config.routes.get(route.path(), route.handler());
            else config.routes.post(route.path(), route.handler());
        }
        config.routes.exception(ApiError.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
        config.routes.exception(Exception.class, (e, ctx) -> error(ctx, 500, "the server failed to answer this request"));
    }

    /** The headers of every answer; a body announced larger than the limit is refused before it is read. */
    private void secure(Context ctx) {
        SECURITY_HEADERS.forEach(ctx::header);
        if (ctx.req().getContentLengthLong() > limits.maxRequestBytes()) {
            throw ApiError.tooLarge("the request is larger than " + limits.maxRequestBytes() + " bytes");
        }
    }

    private void review(Context ctx) {
        ReviewUpload upload = ReviewUpload.from(ctx, limits);
        ReportFormat format = format(upload.format());
        String review = reviews.review(upload.files(), format);
        ctx.contentType(switch (format) {
            case HTML -> "text/html; charset=utf-8";
            case SARIF -> "application/sarif+json; charset=utf-8";
            default -> "application/json; charset=utf-8";
        }).result(review);
    }

    private static ReportFormat format(String name) {
        if (name == null || name.isEmpty()) return ReportFormat.JSON;
        return REVIEW_FORMATS.stream().filter(f -> f.name().equals(name.toUpperCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> ApiError.badRequest("unknown format '" + name + "' (json, sarif or html)"));
    }

    private void audit(Context ctx) {
        JsonNode request = JsonBody.object(ctx.bodyAsBytes(), "{\"code\": ..., \"path\": ..., \"review\": ...}");
        String path = UploadPath.check(JsonBody.text(request, "path", ReviewUpload.SNIPPET), "path");
        String code = JsonBody.text(request, "code", null);
        String review = JsonBody.text(request, "review", null);
        if (code == null || review == null) throw ApiError.badRequest("an audit needs 'code' and 'review'");
        json(ctx, audits.audit(path, code, review));
    }

    private static void json(Context ctx, String body) {
        ctx.contentType("application/json; charset=utf-8").result(body);
    }

    private static void error(Context ctx, int status, String message) {
        ObjectNode error = JsonOutput.object();
        error.put("error", message == null || message.isBlank() ? "request refused" : message);
        ctx.status(status);
        json(ctx, JsonOutput.render(error));
    }

    List<Route> routes() {
        return routes;
    }

    /** Starts serving on {@code host}:{@code port} (0: any free port). */
    public ReviewServer start(String host, int port) {
        try {
            app.start(host, port);
        } catch (RuntimeException e) {
            close(); // a port in use leaves no threads behind
            throw e;
        }
        return this;
    }

    /** The port it serves on, once started. */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        reviews.close();
    }
}
