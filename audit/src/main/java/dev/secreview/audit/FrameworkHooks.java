package dev.secreview.audit;

import java.util.Optional;

/**
 * Module-level functions that frameworks call by their name, from outside the code: nothing in the file
 * calls them, and that is how they are meant to be used.
 */
final class FrameworkHooks {

    private FrameworkHooks() {
    }

    /** Who calls a module-level function of this name in this file, if a framework does. */
    static Optional<String> caller(String function, PythonCode code) {
        if (code.definitionsOf(function).isEmpty()) return Optional.empty();
        return switch (function) {
            case "list_opts" -> OsloOption.in(code).isEmpty() ? Optional.empty()
                    : Optional.of("`list_opts` is a module-level function of an options module: oslo-config-generator and "
                    + "the sample configuration call it through the oslo.config.opts entry point");
            case "filter_factory", "app_factory" -> Optional.of("`" + function + "` is a module-level function PasteDeploy "
                    + "calls by its name from a paste.ini pipeline");
            default -> Optional.empty();
        };
    }
}
