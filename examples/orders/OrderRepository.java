package orders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.owasp.encoder.Encode;

/** Orders by id: parameterised queries, and values escaped before they go into a page. */
public class OrderRepository {
    private static final String TABLE = "orders";
    private static final String BY_ID = "SELECT item FROM " + TABLE + " WHERE id = ?";
    private final DataSource dataSource;

    public OrderRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The escaped item name of an order, or an empty string. */
    public String itemOf(String id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(BY_ID)) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Encode.forHtml(row.getString("item")) : "";
            }
        } catch (SQLException e) {
            return "";
        }
    }
}
