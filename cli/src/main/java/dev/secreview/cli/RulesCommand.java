package dev.secreview.cli;

import dev.secreview.core.cwe.CweCatalog;
import dev.secreview.core.engine.Scanner;
import dev.secreview.core.rule.RuleMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;

@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Lists every rule: id, CWE, CWE-1000 pillar, severity, confidence and what it finds.")
final class RulesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        CweCatalog catalog = CweCatalog.embedded();
        List<RuleMetadata> rules = Scanner.withInstalledFrontEnds().rules().stream()
                .sorted(Comparator.comparing(RuleMetadata::id)).toList();
        int idWidth = rules.stream().mapToInt(r -> r.id().length()).max().orElse(4);
        String row = "%-" + idWidth + "s  %-9s  %-8s  %-8s  %-10s  %s%n";
        out.printf(row, "RULE", "CWE", "PILLAR", "SEVERITY", "CONFIDENCE", "FINDS");
        for (RuleMetadata rule : rules) {
            String pillar = catalog.pillarOf(rule.cwe()).map(p -> "CWE-" + p.id()).orElse("-");
            out.printf(row, rule.id(), "CWE-" + rule.cwe(), pillar, rule.severity().label(),
                    rule.confidence().label(), rule.summary());
        }
        out.printf("%n%d rules. 'secreview explain RULE' shows a rule's documentation.%n", rules.size());
        out.flush();
    }
}
