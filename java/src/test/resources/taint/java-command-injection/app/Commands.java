package app;

final class Commands {
    private static final String UPTIME = "uptime";

    private Commands() {
    }

    static String uptime() {
        return UPTIME;
    }
}
