package dev.secreview.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** Runs the real command line through {@link Main#run} and captures what it prints. */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            code = Main.run(args, o, e);
        }
        return new CliRun(code, out.toString(), err.toString());
    }

    /** {@code scan --no-progress ARGS...}: the progress line would only add noise to standard error. */
    static CliRun scan(Object... args) {
        String[] all = new String[args.length + 2];
        all[0] = "scan";
        all[1] = "--no-progress";
        for (int i = 0; i < args.length; i++) all[i + 2] = args[i].toString();
        return run(all);
    }

    /** Non-empty lines of standard error. */
    List<String> errLines() {
        return Arrays.stream(err.split("\\R")).filter(l -> !l.isBlank()).toList();
    }

    /** No Java stack trace or exception name leaked to either stream. */
    CliRun assertNoStackTrace() {
        for (String stream : List.of(out, err)) {
            assertFalse(stream.contains("Exception in thread"), () -> "stack trace leaked:\n" + this);
            assertFalse(stream.contains("\tat "), () -> "stack trace leaked:\n" + this);
        }
        assertFalse(err.contains("Exception"), () -> "exception name on stderr:\n" + this);
        return this;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
    }

    static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static Path write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, bytes);
    }

    /** A file with one py-subprocess-shell finding on line 5, column 5 (medium: its command is unknown data). */
    static final String SHELL_BUILT = """
            import subprocess


            def run(y):
                subprocess.run("x" + y, shell=True)
            """;

    /** Request data run through a shell: one high-severity, high-confidence py-command-injection finding on line 9. */
    static final String SHELL_REQUEST = """
            import subprocess
            from flask import Flask, request

            app = Flask(__name__)


            @app.route("/ping")
            def ping():
                subprocess.run("ping " + request.args["host"], shell=True)
                return "ok"
            """;

    /** A command from a parameter no caller fills: one medium-severity, low-confidence py-subprocess-shell finding on line 5. */
    static final String SHELL_VARIABLE = """
            import subprocess


            def run(cmd):
                subprocess.run(cmd, shell=True)
            """;

    /** Nothing any rule should flag. */
    static final String CLEAN = """
            def add(a, b):
                return a + b
            """;
}
