package dev.secreview.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The code the server tests review, and JSON in and out. */
final class Samples {

    /** A Flask view that runs a shell command built from a request parameter: py-command-injection, high, at line 8. */
    static final String COMMAND_INJECTION = """
            import subprocess
            from flask import Flask, request
            app = Flask(__name__)

            @app.route("/ping")
            def ping():
                host = request.args.get("host", "")
                subprocess.check_output("ping -c 1 " + host, shell=True)
                return "ok"
            """;
    static final int FINDING_LINE = 8;
    static final String PROBE = "</script><script>alert(1)</script>";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Samples() {
    }

    /** {@code {"files": [{"path": path, "code": code}]}}. */
    static String oneFile(String path, String code) {
        ObjectNode request = JSON.createObjectNode();
        ArrayNode files = request.putArray("files");
        files.addObject().put("path", path).put("code", code);
        return request.toString();
    }

    /** {@code text} as a JSON string literal. */
    static String quoted(String text) {
        return JSON.getNodeFactory().textNode(text).toString();
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
