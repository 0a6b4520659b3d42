package app;

import java.io.IOException;
import java.io.PrintWriter;
import javax.servlet.ServletOutputStream;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** A text and JSON interface beside an HTML one: what the response's content type says the browser does with it. */
public class StatusServlet extends HttpServlet {
    private static final String CHARSET = "utf-8";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        response.setContentType("text/plain; charset=" + CHARSET);
        PrintWriter writer = response.getWriter();
        // ok: java-xss
        writer.println("OK - unknown application " + name);
        report(writer, name);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        response.setContentType("text/html;charset=UTF-8");
        PrintWriter writer = response.getWriter();
        // expect: java-xss
        writer.println("<p>" + name + "</p>");
        report(writer, name);
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        if (request.getParameter("json") != null) {
            response.setContentType("application/json");
        }
        // expect: java-xss
        response.getWriter().print("{\"name\": \"" + name + "\"}");
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        // The content type still applies to a stream obtained before it was set, as long as nothing was written.
        ServletOutputStream out = response.getOutputStream();
        response.setContentType("application/json");
        // ok: java-xss
        out.print("{\"deleted\": \"" + name + "\"}");
    }

    @Override
    protected void doOptions(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String type = request.getParameter("type");
        String name = request.getParameter("name");
        // A content type the client chooses may be text/html.
        response.setContentType(type);
        // expect: java-xss
        response.getWriter().print(name);
    }

    /** A JSON answer whose content type is set as a header; a header of another name says nothing of it. */
    protected void doPatch(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        response.setHeader("Content-Type", "application/json;charset=UTF-8");
        // ok: java-xss
        response.getWriter().print("{\"patched\": \"" + name + "\"}");
    }

    protected void doReport(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        response.setHeader("X-Content-Kind", "text/plain");
        // expect: java-xss
        response.getWriter().print(name);
    }

    /** Writes to whatever writer its callers hand it: the text one of doGet, the HTML one of doPost. */
    private void report(PrintWriter writer, String name) {
        // expect: java-xss
        writer.println("deployed " + name);
        line(writer, name);
    }

    private static void line(PrintWriter writer, String name) {
        // expect: java-xss
        writer.print(name);
        writer.flush();
    }
}
