package dev.secreview.dataflow.analysis;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the dataflow found in a tree: the tainted paths; for every sink site it evaluated, its
 * verdict, by file, line and the CWE of the harm; by file, the lines of code no execution reaches
 * (branches on constants); and, by file, the first function the analysis failed on, if any.
 */
public record TaintResult(List<TaintFinding> findings, Map<Site, SinkVerdict> verdicts,
                          Map<String, Set<Integer>> deadLines, Map<String, String> failures) implements java.io.Serializable {

    /** A sink site: the file, the line and the CWE of the harm done there. */
    public record Site(String path, int line, int cwe) implements java.io.Serializable {
    }

    public TaintResult {
        findings = List.copyOf(findings);
        verdicts = Map.copyOf(verdicts);
        deadLines = Map.copyOf(deadLines);
        failures = Map.copyOf(failures);
    }

    public boolean dead(String path, int line) {
        Set<Integer> lines = deadLines.get(path);
        return lines != null && lines.contains(line);
    }
}
