package app;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class PingServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String host = request.getHeader("X-Host");
        Runtime runtime = Runtime.getRuntime();
        // expect: java-command-injection
        runtime.exec("ping -c 1 " + host);

        String[] shell = {"sh", "-c", "ping -c 1 " + host};
        // expect: java-command-injection
        Runtime.getRuntime().exec(shell);

        // ok: java-command-injection
        Runtime.getRuntime().exec(new String[] {"ping", "-c", "1", "localhost"});

        List<String> command = new ArrayList<>();
        command.add("nslookup");
        command.add(host);
        ProcessBuilder builder = new ProcessBuilder();
        // expect: java-command-injection
        builder.command(command);

        String fixed = Commands.uptime();
        // ok: java-command-injection
        new ProcessBuilder(fixed).start();
    }
}
