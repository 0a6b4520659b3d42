package dev.secreview.eval;

/**
 * One row of an OWASP Benchmark expected-results file: the test case {@code name} (the base name of
 * its source file), its {@code category}, whether it is a real vulnerability, and the CWE a tool
 * must report for it.
 */
public record TestCase(String name, String category, boolean vulnerable, int cwe) {
}
