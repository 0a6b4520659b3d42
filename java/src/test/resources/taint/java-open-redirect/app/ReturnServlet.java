package app;

import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class ReturnServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String next = request.getParameter("next");
        if (request.getParameter("fixed") != null) {
            // ok: java-open-redirect
            response.sendRedirect("/home");
            return;
        }
        // expect: java-open-redirect
        response.sendRedirect(next);
    }
}
