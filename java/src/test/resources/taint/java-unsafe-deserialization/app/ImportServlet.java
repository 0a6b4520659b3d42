package app;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class ImportServlet extends HttpServlet {
    private static final byte[] DEFAULTS = new byte[0];

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // expect: java-unsafe-deserialization
        try (ObjectInputStream in = new ObjectInputStream(request.getInputStream())) {
            in.readObject();
        } catch (ClassNotFoundException e) {
            throw new IOException(e);
        }
        // ok: java-unsafe-deserialization
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(DEFAULTS))) {
            in.readObject();
        } catch (ClassNotFoundException e) {
            throw new IOException(e);
        }
    }
}
