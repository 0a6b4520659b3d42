package app;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.owasp.encoder.Encode;

/** Lambdas and method references: their bodies write what they capture and what they are handed. */
public class ListingServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> names = Arrays.asList(request.getParameterValues("name"));
        List<String> fixed = Arrays.asList("alpha", "beta");
        String title = request.getParameter("title");
        PrintWriter out = response.getWriter();
        // expect: java-xss
        names.forEach(n -> out.println("<li>" + n + "</li>"));
        // ok: java-xss
        fixed.forEach(n -> out.println("<li>" + n + "</li>"));
        // ok: java-xss
        names.forEach(n -> out.println("<li>" + Encode.forHtml(n) + "</li>"));
        // expect: java-xss
        names.forEach(out::println);
        // ok: java-xss
        fixed.forEach(out::println);
        Runnable heading = () -> {
            // expect: java-xss
            out.print("<h1>" + title + "</h1>");
        };
        heading.run();
        String label = "Names";
        Runnable caption = () -> {
            // ok: java-xss
            out.print("<caption>" + label + "</caption>");
        };
        caption.run();
    }
}
