package dev.secreview.server;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The page, its script and stylesheet, and the OpenAPI document: resources of this module, read once. */
final class StaticAssets {

    private static final String FOLDER = "/dev/secreview/server/static/";
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "json", "application/json; charset=utf-8");

    private final Map<String, byte[]> assets = Map.of("index.html", load("index.html"), "app.js", load("app.js"),
            "app.css", load("app.css"), "openapi.json", load("openapi.json"));

    void serve(String name, Context ctx) {
        ctx.contentType(TYPES.get(name.substring(name.lastIndexOf('.') + 1))).result(assets.get(name));
    }

    private static byte[] load(String name) {
        try (InputStream in = StaticAssets.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) throw new IllegalStateException("missing resource " + FOLDER + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
