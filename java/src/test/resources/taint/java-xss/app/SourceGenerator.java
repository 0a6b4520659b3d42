package app;

import java.io.File;
import java.io.FileWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Writers of files are not responses: what a request names is written to them, not to a browser. */
public class SourceGenerator extends HttpServlet {
    private final PrintWriter log;

    public SourceGenerator(PrintWriter log) {
        this.log = log;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        try (PrintWriter out = new PrintWriter(new FileWriter(new File("/var/generated/Page.java")))) {
            // ok: java-xss
            out.println("// generated for " + name);
            emit(out, name);
        }
        try (Writer writer = Files.newBufferedWriter(Path.of("/var/generated/list.txt"))) {
            // ok: java-xss
            writer.write(name);
            emit(new PrintWriter(writer), name);
        }
        // ok: java-xss
        log.println("generated " + name);
        // The same helper handed the response's writer writes HTML.
        emit(response.getWriter(), name);
        // A writer around the response's stream writes to the response.
        PrintWriter page = new PrintWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        // expect: java-xss
        page.printf("<p>%s</p>", name);
        // ok: java-xss
        page.printf("<p>%s</p>", "static");
    }

    private void emit(PrintWriter out, String name) {
        // expect: java-xss
        out.print("String name = \"" + name + "\";");
    }
}
