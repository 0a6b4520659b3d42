package dev.secreview.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** rules, explain, cwe, --version and --help. */
class InfoCommandsTest {

    private static final String CWE_78 =
            "CWE-78: Improper Neutralization of Special Elements used in an OS Command ('OS Command Injection')";
    private static final String CWE_79 =
            "CWE-79: Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')";

    // ---------------------------------------------------------------- rules

    @Test
    void rulesListsEveryRuleWithCweAndPillarColumns() {
        CliRun run = CliRun.run("rules").assertNoStackTrace();

        assertEquals(ExitCode.CLEAN, run.exitCode(), run::toString);
        assertEquals("", run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).matches("RULE\\s+CWE\\s+PILLAR\\s+SEVERITY\\s+CONFIDENCE\\s+FINDS"), lines.get(0));

        Pattern row = Pattern.compile("((?:py|tpl)-[a-z0-9-]+)\\s+CWE-(\\d+)\\s+(CWE-\\d+|-)\\s+(high|medium|low)\\s+"
                + "(high|medium|low)\\s+\\S.*");
        List<String> rows = lines.stream().skip(1).takeWhile(l -> !l.isBlank()).toList();
        for (String line : rows) {
            assertTrue(row.matcher(line).matches(), "not a rule row: " + line);
        }
        List<String> ids = rows.stream().map(l -> l.substring(0, l.indexOf(' '))).toList();
        assertEquals(ids.stream().sorted().distinct().toList(), ids, "rules sorted by id, no duplicates");
        assertTrue(rows.stream().anyMatch(l -> l.matches("py-subprocess-shell\\s+CWE-78\\s+CWE-707\\s+high\\s+medium\\s+.*")),
                run::toString);

        Matcher footer = Pattern.compile("\n(\\d+) rules\\. 'secreview explain RULE' shows").matcher(run.out());
        assertTrue(footer.find(), run::toString);
        assertEquals(rows.size(), Integer.parseInt(footer.group(1)));
    }

    // ---------------------------------------------------------------- explain

    @ParameterizedTest
    @ValueSource(strings = {"py-subprocess-shell", "B602", "b602", "PY-SUBPROCESS-SHELL"})
    void explainPrintsTheRuleAndItsDocumentation(String name) {
        CliRun run = CliRun.run("explain", name).assertNoStackTrace();

        assertEquals(ExitCode.CLEAN, run.exitCode(), run::toString);
        assertEquals("", run.err());
        String out = run.out();
        assertTrue(out.startsWith("py-subprocess-shell: "), out);
        assertTrue(out.contains("\n  " + CWE_78 + "\n"), out);
        assertTrue(out.contains("\n  Pillar: CWE-707 Improper Neutralization\n"), out);
        assertTrue(out.contains("also answers to: B602"), out);
        assertTrue(out.contains("\n  Fix: "), out);
        // The documentation page from docs/rules, not the placeholder.
        assertTrue(out.contains("\n# py-subprocess-shell\n"), out);
        assertTrue(out.contains("## What it does"), out);
        assertTrue(!out.contains("(no documentation page)"), out);
    }

    @Test
    void explainUnknownRuleIsExit2WithOneLine() {
        CliRun run = CliRun.run("explain", "nope").assertNoStackTrace();

        assertEquals(ExitCode.USAGE_OR_IO_ERROR, run.exitCode(), run::toString);
        assertEquals("", run.out());
        assertEquals(List.of("secreview: error: unknown rule 'nope'; 'secreview rules' lists them",
                "Try 'secreview explain --help' for usage."), run.errLines());
    }

    @Test
    void explainWithoutARuleIsExit2() {
        CliRun run = CliRun.run("explain").assertNoStackTrace();

        assertEquals(ExitCode.USAGE_OR_IO_ERROR, run.exitCode(), run::toString);
        assertTrue(run.errLines().get(0).startsWith("secreview: error: "), run::toString);
    }

    // ---------------------------------------------------------------- cwe

    @ParameterizedTest
    @ValueSource(strings = {"79", "CWE-79", "cwe-79", "CWE79"})
    void cwePrintsTheOfficialNameAndPillar(String id) {
        CliRun run = CliRun.run("cwe", id).assertNoStackTrace();

        assertEquals(ExitCode.CLEAN, run.exitCode(), run::toString);
        assertEquals("", run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(CWE_79, lines.get(0));
        assertTrue(lines.contains("  Kind: weakness (Base)"), run::toString);
        assertTrue(lines.contains("  Pillar: CWE-707 Improper Neutralization"), run::toString);
        assertTrue(lines.stream().anyMatch(l -> l.matches("  Catalog: CWE \\d+\\.\\d+")), run::toString);
    }

    @Test
    void cweOfAPillarIsItsOwnPillar() {
        CliRun run = CliRun.run("cwe", "707").assertNoStackTrace();

        assertEquals(ExitCode.CLEAN, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("CWE-707: Improper Neutralization\n"), run::toString);
        assertTrue(run.out().contains("  Kind: weakness (Pillar)\n"), run::toString);
        assertTrue(run.out().contains("  Pillar: CWE-707 Improper Neutralization\n"), run::toString);
    }

    @Test
    void cwe711IsAView() {
        CliRun run = CliRun.run("cwe", "711").assertNoStackTrace();

        assertEquals(ExitCode.CLEAN, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("CWE-711: Weaknesses in OWASP Top Ten (2004)\n"), run::toString);
        assertTrue(run.out().contains("\n  Kind: view\n"), run::toString);
        assertTrue(run.out().contains("\n  Pillar: none (not in the CWE-1000 research view)\n"), run::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999", "abc", "CWE-", "-79", "79.5", "123456", ""})
    void cweOfSomethingThatIsNotInTheCatalogIsExit2WithOneLine(String id) {
        CliRun run = CliRun.run("cwe", id).assertNoStackTrace();

        assertEquals(ExitCode.USAGE_OR_IO_ERROR, run.exitCode(), run::toString);
        assertEquals("", run.out());
        assertEquals(2, run.errLines().size(), run::toString);
        assertTrue(run.errLines().get(0).startsWith("secreview: error: "), run::toString);
        assertEquals("Try 'secreview cwe --help' for usage.", run.errLines().get(1));
    }

    @Test
    void cwe99999SaysItIsNotInTheCatalog() {
        CliRun run = CliRun.run("cwe", "99999");

        assertTrue(run.errLines().get(0).matches("secreview: error: CWE-99999 is not in the CWE \\d+\\.\\d+ catalog"),
                run::toString);
    }

    // ---------------------------------------------------------------- version and help

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V"})
    void versionExits0(String option) {
        CliRun run = CliRun.run(option).assertNoStackTrace();

        assertEquals(ExitCode.CLEAN, run.exitCode(), run::toString);
        assertTrue(run.out().matches("secreview \\S+\n"), run::toString);
        assertEquals("", run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h"})
    void helpExits0AndListsTheCommands(String option) {
        CliRun run = CliRun.run(option).assertNoStackTrace();

        assertEquals(ExitCode.CLEAN, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("Usage: secreview"), run::toString);
        for (String command : List.of("scan", "rules", "explain", "cwe")) {
            assertTrue(run.out().contains("\n  " + command + " "), "help lists " + command + ":\n" + run.out());
        }
        assertTrue(run.out().contains("Exit codes: 0"), run::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"scan", "rules", "explain", "cwe"})
    void subcommandHelpExits0(String command) {
        CliRun run = CliRun.run(command, "--help").assertNoStackTrace();

        assertEquals(ExitCode.CLEAN, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("Usage: secreview " + command), run::toString);
    }

    @Test
    void scanHelpDocumentsExitCodesAndSuppressions() {
        CliRun run = CliRun.run("scan", "--help");

        assertTrue(run.out().contains("--format"), run::toString);
        assertTrue(run.out().contains("--exclude"), run::toString);
        assertTrue(run.out().replaceAll("\\s+", " ").contains(ExitCode.HELP), run::toString);
        assertTrue(run.out().contains("# nosec"), run::toString);
    }
}
