package dev.secreview.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The files a review request sends and the format it asks for. Either JSON, {@code {"files": [{"path", "code"}]}} or
 * {@code {"path", "code"}} for one file (path {@value #SNIPPET} when none is given), or {@code multipart/form-data}
 * with files or one {@code .zip}; the format is the {@code format} query parameter, form field or JSON member.
 */
record ReviewUpload(List<SubmittedFile> files, String format) {

    static final String SNIPPET = "snippet.py";

    static ReviewUpload from(Context ctx, ServeLimits limits) {
        String contentType = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (contentType.startsWith("multipart/form-data")) return fromForm(ctx, limits);
        return fromJson(ctx.bodyAsBytes(), ctx.queryParam("format"));
    }

    private static ReviewUpload fromForm(Context ctx, ServeLimits limits) {
        List<UploadedFile> uploads = ctx.uploadedFiles();
        List<SubmittedFile> files = new ArrayList<>();
        for (UploadedFile upload : uploads) {
            byte[] content = bytes(upload);
            String name = upload.filename();
            if (name != null && name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                files.addAll(new ZipUpload(limits).read(content, "'" + UploadPath.check(name, "uploaded file") + "'"));
            } else {
                files.add(new SubmittedFile(UploadPath.check(name, "uploaded file"), content));
            }
        }
        String code = ctx.formParam("code");
        if (code != null && !code.isEmpty()) {
            String path = ctx.formParam("path");
            files.add(new SubmittedFile(UploadPath.check(path == null || path.isBlank() ? SNIPPET : path, "path"),
                    code.getBytes(StandardCharsets.UTF_8)));
        }
        String format = ctx.queryParam("format");
        return new ReviewUpload(files, format != null ? format : ctx.formParam("format"));
    }

    static ReviewUpload fromJson(byte[] body, String queryFormat) {
        JsonNode request = JsonBody.object(body, "{\"files\": [{\"path\": ..., \"code\": ...}]}, or multipart/form-data");
        List<SubmittedFile> files = new ArrayList<>();
        if (request.has("files")) {
            JsonNode list = request.get("files");
            if (!list.isArray()) throw ApiError.badRequest("'files' must be an array of {\"path\", \"code\"}");
            for (JsonNode file : list) files.add(file(file, null));
        } else {
            files.add(file(request, SNIPPET));
        }
        String format = queryFormat != null ? queryFormat : JsonBody.text(request, "format", null);
        return new ReviewUpload(files, format);
    }

    private static SubmittedFile file(JsonNode file, String defaultPath) {
        if (!file.isObject()) throw ApiError.badRequest("each file must be an object {\"path\", \"code\"}");
        String path = UploadPath.check(JsonBody.text(file, "path", defaultPath), "file");
        String code = JsonBody.text(file, "code", null);
        if (code == null) throw ApiError.badRequest("file '" + path + "' has no 'code'");
        return new SubmittedFile(path, code.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(UploadedFile upload) {
        try (InputStream in = upload.content()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
