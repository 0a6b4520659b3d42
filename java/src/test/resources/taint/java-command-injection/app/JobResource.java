package app;

import java.io.IOException;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.QueryParam;

@Path("/jobs")
public class JobResource {
    @GET
    public String run(@QueryParam("name") String name) throws IOException {
        // expect: java-command-injection
        new ProcessBuilder("sh", "-c", "run-job " + name).start();
        // ok: java-command-injection
        new ProcessBuilder("run-job", "--list").start();
        return "started";
    }
}
