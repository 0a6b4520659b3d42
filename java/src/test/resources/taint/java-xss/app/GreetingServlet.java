package app;

import java.io.IOException;
import java.io.PrintWriter;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.owasp.encoder.Encode;
import org.springframework.web.util.HtmlUtils;

public class GreetingServlet extends HttpServlet {
    private String greeting;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        // expect: java-xss
        response.getWriter().println("<p>Hello " + name + "</p>");

        PrintWriter out = response.getWriter();
        // ok: java-xss
        out.println("<p>Hello " + Encode.forHtml(name) + "</p>");
        // ok: java-xss
        out.print(HtmlUtils.htmlEscape(name));
        Object[] values = {"visitor", name};
        // expect: java-xss
        out.format("<p>%s and %s</p>", values);

        // A field written here and read by a method this one calls.
        this.greeting = "Welcome back, " + name;
        render(out);
    }

    private void render(PrintWriter out) {
        // expect: java-xss
        out.write(greeting);
        // ok: java-xss
        out.write("<footer>static</footer>");
    }
}
