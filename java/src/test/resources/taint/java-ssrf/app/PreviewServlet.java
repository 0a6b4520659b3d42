package app;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class PreviewServlet extends HttpServlet {
    private static final String STATUS = "https://status.example.org/health";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String target = request.getParameter("url");
        // expect: java-ssrf
        try (InputStream in = new URL(target).openStream()) {
            in.read();
        }
        // ok: java-ssrf
        try (InputStream in = new URL(STATUS).openStream()) {
            in.read();
        }
    }
}
