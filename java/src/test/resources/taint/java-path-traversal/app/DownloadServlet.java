package app;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class DownloadServlet extends HttpServlet {
    private static final String BASE = "/srv/files/";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = "";
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (cookie.getName().equals("file")) {
                    name = java.net.URLDecoder.decode(cookie.getValue(), "UTF-8");
                }
            }
        }
        // expect: java-path-traversal
        File file = new File(BASE, name);
        file.exists();

        // expect: java-path-traversal
        Path path = Paths.get(BASE + name);
        path.toString();

        // ok: java-path-traversal
        try (FileInputStream in = new FileInputStream(new File(BASE, "index.html"))) {
            in.read();
        }

        String theme = new Themes().pick(name);
        // ok: java-path-traversal
        new File(BASE + theme).exists();
    }
}
