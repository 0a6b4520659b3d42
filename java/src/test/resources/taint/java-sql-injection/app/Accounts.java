package app;

public class Accounts {
    public String ownerClause(String owner) {
        return "owner = '" + owner + "'";
    }
}
