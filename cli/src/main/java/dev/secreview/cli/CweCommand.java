package dev.secreview.cli;

import dev.secreview.core.cwe.CweCatalog;
import dev.secreview.core.cwe.CweEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.Locale;

@Command(name = "cwe", mixinStandardHelpOptions = true,
        description = "Looks up a CWE in the embedded MITRE catalog: official name, kind, abstraction, status and CWE-1000 pillar.")
final class CweCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "A CWE id: 79 or CWE-79.")
    String id;

    @Override
    public void run() {
        String digits = id.toUpperCase(Locale.ROOT).replaceFirst("^CWE-?", "");
        if (!digits.matches("\\d{1,5}")) {
            throw new ParameterException(spec.commandLine(), "not a CWE id: '" + id + "' (expected e.g. 79 or CWE-79)");
        }
        CweCatalog catalog = CweCatalog.embedded();
        CweEntry entry = catalog.find(Integer.parseInt(digits)).orElseThrow(() -> new ParameterException(
                spec.commandLine(), "CWE-" + Integer.parseInt(digits) + " is not in the CWE " + catalog.version() + " catalog"));
        PrintWriter out = spec.commandLine().getOut();
        out.println(entry.label());
        out.println("  Kind: " + entry.kind().name().toLowerCase(Locale.ROOT)
                + (entry.isWeakness() ? " (" + entry.abstraction() + ")" : ""));
        out.println("  Status: " + entry.status());
        out.println("  Pillar: " + catalog.pillarOf(entry.id()).map(p -> "CWE-" + p.id() + " " + p.name())
                .orElse("none (not in the CWE-1000 research view)"));
        out.println("  Catalog: CWE " + catalog.version());
        out.flush();
    }
}
