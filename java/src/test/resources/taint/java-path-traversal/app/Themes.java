package app;

class Themes {
    String pick(String requested) {
        if (requested.equals("dark")) {
            return "dark.css";
        }
        return "light.css";
    }
}
