package app;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** The path info is the container's, decoded and normalised; a parameter is the client's text as sent. */
public class JspSourceServlet extends HttpServlet {
    private final File root = new File("/srv/pages");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String page = request.getPathInfo();
        // ok: java-path-traversal
        try (FileInputStream in = new FileInputStream(new File(root, page + ".jsp"))) {
            in.transferTo(response.getOutputStream());
        }
        String name = request.getParameter("page");
        // expect: java-path-traversal
        try (FileInputStream in = new FileInputStream(new File(root, name))) {
            in.transferTo(response.getOutputStream());
        }
    }
}
