package app;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class AccountServlet extends HttpServlet {
    private final Accounts accounts = new Accounts();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String owner = request.getParameter("owner");
        try (Connection connection = Database.connect()) {
            Statement statement = connection.createStatement();
            // expect: java-sql-injection
            statement.executeQuery("SELECT * FROM accounts WHERE owner = '" + owner + "'");

            // ok: java-sql-injection
            PreparedStatement prepared = connection.prepareStatement("SELECT * FROM accounts WHERE owner = ?");
            prepared.setString(1, owner);
            ResultSet rows = prepared.executeQuery();
            rows.close();

            // A constant the request cannot change, built the same way as the query above.
            String table = "accounts";
            // ok: java-sql-injection
            statement.executeQuery("SELECT * FROM " + table + " WHERE owner = 'admin'");

            // Through a helper of another class: the helper's summary carries the request data back.
            String where = accounts.ownerClause(owner);
            // expect: java-sql-injection
            statement.execute("DELETE FROM accounts WHERE " + where);

            // The one-argument overload of the helper keeps nothing of its argument.
            String present = accounts.presentClause(owner);
            // ok: java-sql-injection
            statement.execute("DELETE FROM accounts WHERE " + present);

            // A StringBuilder chain.
            StringBuilder sql = new StringBuilder("UPDATE accounts SET seen = 1 WHERE owner = '");
            sql.append(owner).append("'");
            // expect: java-sql-injection
            statement.executeUpdate(sql.toString());

            // A list whose first element is constant: the request's value is the second.
            List<String> names = new ArrayList<>();
            names.add("guest");
            names.add(owner);
            String first = names.get(0);
            // ok: java-sql-injection
            statement.execute("SELECT * FROM accounts WHERE owner = '" + first + "'");
            String second = names.get(1);
            // expect: java-sql-injection
            statement.execute("SELECT * FROM accounts WHERE owner = '" + second + "'");

            // A map with constant keys.
            Map<String, String> filters = new HashMap<>();
            filters.put("fixed", "admin");
            filters.put("chosen", owner);
            // ok: java-sql-injection
            statement.execute("SELECT * FROM accounts WHERE owner = '" + filters.get("fixed") + "'");
            // expect: java-sql-injection
            connection.prepareStatement("SELECT * FROM accounts WHERE owner = '" + filters.get("chosen") + "'");

            // A condition the compiler can decide: only the constant arm runs.
            int limit = 106;
            String pick = (7 * 42) - limit > 200 ? owner : "nobody";
            // ok: java-sql-injection
            statement.execute("SELECT * FROM accounts WHERE owner = '" + pick + "'");

            // A switch on a constant character.
            String guess = "ABC";
            String chosen;
            switch (guess.charAt(1)) {
                case 'A':
                    chosen = owner;
                    break;
                case 'B':
                    chosen = "bob";
                    break;
                default:
                    chosen = owner;
                    break;
            }
            // ok: java-sql-injection
            statement.execute("SELECT * FROM accounts WHERE owner = '" + chosen + "'");
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }
}
