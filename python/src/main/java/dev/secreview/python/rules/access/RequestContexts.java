package dev.secreview.python.rules.access;

import dev.secreview.python.semantic.Identifiers;

/** How services name the request context that carries the caller's project, user and roles. */
final class RequestContexts {

    private RequestContexts() {
    }

    /** {@code context}, {@code ctxt}, {@code ctx}, {@code req_context}, {@code admin_context}. */
    static boolean isContextName(String identifier) {
        return Identifiers.words(identifier).stream().anyMatch(w -> w.equals("context") || w.equals("ctxt")
                || w.equals("ctx"));
    }
}
