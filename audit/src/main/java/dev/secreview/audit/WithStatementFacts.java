package dev.secreview.audit;

import dev.secreview.python.semantic.Call;
import dev.secreview.python.tree.PyNode;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** A claim that a file or other resource is never closed, against a call made in a {@code with} statement. */
final class WithStatementFacts extends CallFacts {

    /** The words of a claim that something is never closed; {@link TryWithResourcesFacts} reads them too. */
    static final Pattern LEAK = Pattern.compile("(?i)\\bleak(?:s|ed|ing)?\\b|\\b(?:never|not|isn't)\\s+(?:\\w+\\s+)?closed\\b"
            + "|\\b(?:left|remains?|stays?)\\s+open\\b|\\b(?:not|never)\\s+released\\b|\\bmissing\\s+release\\b"
            + "|\\bwithout\\s+(?:a\\s+|using\\s+a\\s+)?(?:`?with`?\\s+(?:statement|block)|context\\s+manager)"
            + "|\\bno\\s+context\\s+manager|\\bnot\\s+(?:use|using)\\s+a\\s+context\\s+manager");
    /** Calls that acquire something that must be released. */
    private static final Set<String> OPENERS = Set.of("open", "connect", "urlopen", "socket", "create_connection",
            "Popen", "TemporaryFile", "NamedTemporaryFile", "SpooledTemporaryFile", "ZipFile", "TarFile", "fdopen",
            "Session", "SMTP", "SMTP_SSL", "FTP");

    @Override
    boolean claims(Claim claim, String assertion) {
        return LEAK.matcher(assertion).find();
    }

    @Override
    boolean concerns(Call call, PythonCode code) {
        return OPENERS.contains(call.name()) || managedByWith(call.node());
    }

    @Override
    Optional<String> refutation(Call call, PythonCode code) {
        return managedByWith(call.node())
                ? Optional.of(Evidence.at(call.node(), "is opened in a with statement, which closes it"))
                : Optional.empty();
    }

    /** Whether the call is in the header of a with statement ({@code with open(p) as f:}), not in its body. */
    private static boolean managedByWith(PyNode call) {
        PyNode holder = call.ancestor("with_item", "block", "function_definition");
        return holder != null && holder.is("with_item");
    }

    /** A call outside a with statement may still be closed later: not confirmed. */
    @Override
    Optional<String> confirmation(Call call, PythonCode code) {
        return Optional.empty();
    }
}
