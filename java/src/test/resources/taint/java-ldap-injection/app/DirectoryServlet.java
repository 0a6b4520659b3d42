package app;

import java.io.IOException;
import javax.naming.NamingException;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import javax.naming.directory.SearchControls;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class DirectoryServlet extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = request.getParameter("user");
        try {
            DirContext context = new InitialDirContext();
            SearchControls controls = new SearchControls();
            // expect: java-ldap-injection
            context.search("ou=people,dc=example,dc=org", "(uid=" + user + ")", controls);
            // ok: java-ldap-injection
            context.search("ou=people,dc=example,dc=org", "(uid={0})", new Object[] {user}, controls);
        } catch (NamingException e) {
            throw new IOException(e);
        }
    }
}
