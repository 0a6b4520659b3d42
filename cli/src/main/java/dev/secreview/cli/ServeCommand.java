package dev.secreview.cli;

import dev.secreview.server.ReviewServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the review as a web page (paste code or upload files or a zip) and a REST API "
                + "(POST /api/review, GET /api/rules, /api/rules/{id}, /api/cwe/{id}, POST /api/audit; described at "
                + "/api/openapi.json) until interrupted (Ctrl-C).",
                "Uploaded code is reviewed, never run, in a temporary folder deleted after each request."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8765", description = "The port (default: ${DEFAULT-VALUE}; 0: any free port).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) throw new UsageError("--port must be between 0 and 65535");
        ReviewServer server = new ReviewServer(SecreviewCommand.version()).start(host, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "secreview-serve-stop"));
        PrintWriter out = spec.commandLine().getOut();
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        out.println("secreview serves on http://" + shownHost + ":" + server.port() + "/ (Ctrl-C stops it)");
        out.flush();
        stopped.await();
        return ExitCode.CLEAN;
    }
}
