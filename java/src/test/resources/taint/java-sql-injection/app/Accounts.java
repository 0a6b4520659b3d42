package app;

public class Accounts {
    public String ownerClause(String owner) {
        return clause("owner", owner);
    }

    /** Overloads: the one-argument form quotes nothing the caller gave; the two-argument form does. */
    String clause(String column) {
        return column + " IS NOT NULL";
    }

    String clause(String column, String value) {
        return column + " = '" + value + "'";
    }

    public String presentClause(String column) {
        return clause("owner");
    }
}
