package dev.secreview.audit;

import dev.secreview.python.semantic.Call;
import dev.secreview.python.tree.PyNode;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** A claim of a missing timeout, against a call that passes {@code timeout=}. */
final class TimeoutFacts extends CallFacts {

    private static final Pattern NO_TIMEOUT = Pattern.compile("(?i)\\b(?:no|without|missing|lacks?|lacking|omits?|never\\s+sets?)"
            + "\\s+(?:an?\\s+|any\\s+)?(?:explicit\\s+)?`?timeout\\b|\\btimeout\\s+(?:is\\s+|was\\s+)?(?:not|never)\\s+"
            + "(?:set|passed|given|specified|configured)|\\b(?:hang|block|wait)s?\\s+(?:\\w+\\s+){0,3}(?:indefinitely|forever)");
    /** Calls that block on a peer or a process and take a timeout. */
    private static final Set<String> BLOCKING = Set.of("get", "post", "put", "patch", "delete", "head", "options",
            "request", "urlopen", "create_connection", "connect", "run", "call", "check_call", "check_output",
            "communicate", "wait", "recv", "send", "sendall");

    @Override
    boolean claims(Claim claim, String assertion) {
        return NO_TIMEOUT.matcher(assertion).find();
    }

    @Override
    boolean concerns(Call call, PythonCode code) {
        return BLOCKING.contains(call.name()) || call.keyword("timeout") != null;
    }

    @Override
    Optional<String> refutation(Call call, PythonCode code) {
        PyNode timeout = call.keyword("timeout");
        if (timeout == null || timeout.is("none")) return Optional.empty();
        return Optional.of(Evidence.at(call.node(), "passes timeout=" + timeout.text()));
    }

    @Override
    Optional<String> confirmation(Call call, PythonCode code) {
        PyNode timeout = call.keyword("timeout");
        boolean none = timeout == null ? !call.unpacksArguments() : timeout.is("none");
        return none ? Optional.of(Evidence.at(call.node(), "passes no timeout")) : Optional.empty();
    }
}
