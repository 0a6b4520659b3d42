package dev.secreview.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * Every name and piece of code the claim quotes is in the file. A dotted name that is not, but whose first
 * part is a module the file imports or a class it defines, is looked up where it would come from
 * ({@code subprocess.Popen} in the subprocess module of the library path, {@link ApiLookup}): missing there, it is
 * an unknown symbol; in a library that cannot be found, the claim cannot be checked. In Java, whose libraries are
 * not read, a dotted name passes when the file calls its last part ({@code Statement.executeQuery} where
 * {@code stmt.executeQuery(q)} is), and one of an imported class cannot be checked. Python keywords and builtin
 * types are accepted; a builtin function such as {@code eval} must be in the file.
 */
final class SymbolCheck implements ClaimCheck {

    @Override
    public Outcome check(Claim claim, AuditInput input) {
        CodeUnderAudit code = input.code();
        List<String> evidence = new ArrayList<>();
        boolean found = false;
        for (String name : claim.identifiers()) {
            if (PythonNames.isKeyword(name) || PythonNames.isBuiltinType(name)) continue;
            List<Integer> lines = code.linesOfName(name);
            if (!lines.isEmpty()) {
                evidence.add("`" + name + "` is on " + Evidence.lines(lines));
                found = true;
            } else if (code instanceof JavaCode java && !java.callsOfLastPart(name).isEmpty()) {
                evidence.add("`" + name.substring(name.lastIndexOf('.') + 1) + "` is called on " + Evidence.lines(java.callsOfLastPart(name)));
                found = true;
            } else if (code instanceof JavaCode && code.isImportedName(name)) {
                return Outcome.failed(Verdict.UNVERIFIED, List.of("`" + name + "` is of a library the file imports, which"
                        + " the audit does not read for Java code"));
            } else if (code instanceof PythonCode python && (python.isImportedName(name) || python.definesClass(name.split("\\.")[0]))) {
                ApiLookup.Lookup lookup = input.apis().resolve(name, python);
                switch (lookup.outcome()) {
                    case FOUND -> evidence.add(lookup.evidence());
                    case MISSING -> {
                        return Outcome.failed(Verdict.UNKNOWN_SYMBOL, List.of("`" + name + "` does not exist: " + lookup.evidence()));
                    }
                    case UNKNOWN_LIBRARY -> {
                        return Outcome.failed(Verdict.UNVERIFIED, List.of(lookup.evidence()));
                    }
                }
            } else {
                return Outcome.failed(Verdict.UNKNOWN_SYMBOL, List.of("`" + name + "` does not occur in the file"));
            }
        }
        for (String fragment : claim.codeFragments()) {
            List<Integer> lines = code.linesOfCode(fragment);
            if (lines.isEmpty()) {
                return Outcome.failed(Verdict.UNKNOWN_SYMBOL, List.of("the code " + Evidence.quote(fragment) + " does not occur in the file"));
            }
            evidence.add(Evidence.quote(fragment) + " is on " + Evidence.lines(lines));
            found = true;
        }
        return found ? Outcome.confirmed(evidence) : Outcome.passed(evidence);
    }
}
