package app;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

public final class Database {
    private Database() {
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:mem:accounts");
    }
}
