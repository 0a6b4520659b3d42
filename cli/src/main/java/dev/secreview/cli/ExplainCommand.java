package dev.secreview.cli;

import dev.secreview.core.cwe.CweCatalog;
import dev.secreview.core.engine.Scanner;
import dev.secreview.core.rule.RuleDocs;
import dev.secreview.core.rule.RuleMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Shows a rule's documentation: what it finds, why it matters, examples and the fix.")
final class ExplainCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RULE", description = "A rule id (e.g. py-weak-hash) or a Bandit id it answers to (e.g. B303).")
    String name;

    @Override
    public void run() {
        List<RuleMetadata> rules = Scanner.withInstalledFrontEnds().rules();
        RuleMetadata rule = rules.stream().filter(r -> r.answersTo(name)).findFirst()
                .orElseThrow(() -> new ParameterException(spec.commandLine(), "unknown rule '" + name
                        + "'; 'secreview rules' lists them"));
        CweCatalog catalog = CweCatalog.embedded();
        PrintWriter out = spec.commandLine().getOut();
        out.println(rule.id() + ": " + rule.summary());
        out.println("  " + catalog.require(rule.cwe()).label());
        catalog.pillarOf(rule.cwe()).ifPresent(p -> out.println("  Pillar: CWE-" + p.id() + " " + p.name()));
        out.println("  Severity: " + rule.severity().label() + ", confidence: " + rule.confidence().label()
                + (rule.altNames().isEmpty() ? "" : ", also answers to: " + String.join(", ", rule.altNames())));
        out.println("  Fix: " + rule.fix());
        out.println();
        out.print(RuleDocs.page(rule.id()).orElse("(no documentation page)\n"));
        out.flush();
    }
}
