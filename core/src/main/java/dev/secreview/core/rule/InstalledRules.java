package dev.secreview.core.rule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Function;

/** The pattern rules a front end has registered as services of its rule interface. */
public final class InstalledRules {

    private InstalledRules() {
    }

    /** Every rule registered under {@code service}, in the order of their ids. */
    public static <R> List<R> load(Class<R> service, Function<R, RuleMetadata> metadata) {
        List<R> found = new ArrayList<>();
        ServiceLoader.load(service).forEach(found::add);
        found.sort(Comparator.comparing(rule -> metadata.apply(rule).id()));
        return found;
    }
}
