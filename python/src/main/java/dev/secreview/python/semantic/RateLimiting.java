package dev.secreview.python.semantic;

import dev.secreview.python.tree.PyNode;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether code limits how often a client may try: a rate-limiting library (flask-limiter's {@code Limiter} and
 * {@code @limiter.limit}, django-ratelimit's {@code @ratelimit}, slowapi, django-axes), Django REST framework's
 * throttling ({@code throttle_classes}, {@code DEFAULT_THROTTLE_CLASSES}), or an application's own count of failed
 * attempts or lockout. Read from identifiers and strings (an installed app's name, a settings key), never comments:
 * a comment that promises a limit limits nothing.
 */
public final class RateLimiting {

    /** Names of limiters, throttles and lockouts, and of counters of failed attempts. */
    private static final Pattern LIMITER = Pattern.compile("(?i)limiter|rate_?limit|throttl|slowapi|lockout|locked_out"
            + "|login_?attempt|fail\\w*_?attempt|attempt\\w*_?fail|failed_?login");
    /** django-axes is installed by its app's name ({@code "axes"}) and configured by {@code AXES_*} settings. */
    private static final Pattern AXES = Pattern.compile("axes(\\..*)?|AXES_\\w+");

    private RateLimiting() {
    }

    /**
     * Parts of every name {@link #LIMITER} and {@link #AXES} match, in the two cases names are written in: searched for
     * in the file's text first, because most files hold none, and a case-blind pattern tried at every character of a
     * file took 15% of a review's time.
     */
    private static final List<String> HINTS = List.of("imit", "IMIT", "hrottl", "HROTTL", "lowapi", "LOWAPI", "ockout",
            "OCKOUT", "ocked_out", "OCKED_OUT", "ttempt", "TTEMPT", "ailed", "AILED", "axes", "AXES_");

    /** Whether the file's code names a limiter or a count of failed attempts. */
    public static boolean named(PythonFile file) {
        String text = file.source().text();
        return HINTS.stream().anyMatch(text::contains) && named(file.root());
    }

    private static boolean named(PyNode node) {
        if ((node.is("identifier") || node.is("string_content"))
                && (LIMITER.matcher(node.text()).find() || AXES.matcher(node.text()).matches())) {
            return true;
        }
        for (PyNode child : node.namedChildren()) {
            if (named(child)) return true;
        }
        return false;
    }
}
