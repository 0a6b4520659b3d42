package app;

import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

public class LoginServlet extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = request.getParameter("user");
        HttpSession session = request.getSession();
        // expect: java-trust-boundary
        session.setAttribute("userid", user);
        // expect: java-trust-boundary
        request.getSession().putValue(user, "visited");
        // ok: java-trust-boundary
        session.setAttribute("theme", "dark");
    }
}
