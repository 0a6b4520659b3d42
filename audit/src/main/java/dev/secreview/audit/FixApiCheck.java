package dev.secreview.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * In Python code, every API the claim's fix tells the reader to use exists ({@link FixApis}, looked up by {@link ApiLookup}):
 * a fix built on a method the library does not have is as wrong as a claim about a function the file does
 * not have ({@link Verdict#UNKNOWN_SYMBOL}); one from a library that cannot be found cannot be checked
 * ({@link Verdict#UNVERIFIED}). The libraries of Java code are not read, so the APIs of a fix for it are not looked up.
 */
final class FixApiCheck implements ClaimCheck {

    @Override
    public Outcome check(Claim claim, AuditInput input) {
        if (!(input.code() instanceof PythonCode code)) return Outcome.passed(List.of());
        List<String> evidence = new ArrayList<>();
        for (String api : FixApis.of(claim, code)) {
            ApiLookup.Lookup lookup = input.apis().resolve(api, code);
            switch (lookup.outcome()) {
                case FOUND -> evidence.add("the fix's " + lookup.evidence());
                case MISSING -> {
                    return Outcome.failed(Verdict.UNKNOWN_SYMBOL, List.of("the fix names `" + api + "`, which does not exist: "
                            + lookup.evidence()));
                }
                case UNKNOWN_LIBRARY -> {
                    return Outcome.failed(Verdict.UNVERIFIED, List.of("the fix names `" + api + "`: " + lookup.evidence()));
                }
            }
        }
        return Outcome.passed(evidence);
    }
}
