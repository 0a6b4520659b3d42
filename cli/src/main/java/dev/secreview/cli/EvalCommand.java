package dev.secreview.cli;

import dev.secreview.report.ControlCharacters;
import dev.secreview.report.JsonOutput;
import dev.secreview.core.engine.ScanListener;
import dev.secreview.core.engine.ScanRequest;
import dev.secreview.core.engine.ScanResult;
import dev.secreview.core.engine.Scanner;
import dev.secreview.core.model.Diagnostic;
import dev.secreview.core.model.FileReport;
import dev.secreview.eval.AnnotationScorer;
import dev.secreview.eval.BenchmarkScore;
import dev.secreview.eval.BenchmarkScorer;
import dev.secreview.eval.EvalInputException;
import dev.secreview.eval.ExpectedResults;
import dev.secreview.eval.FixCase;
import dev.secreview.eval.FixList;
import dev.secreview.eval.FixScore;
import dev.secreview.eval.FixScorer;
import dev.secreview.eval.InlineExpectations;
import dev.secreview.eval.Percent;
import dev.secreview.eval.SuiteScore;
import dev.secreview.eval.TestCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "eval",
        mixinStandardHelpOptions = true,
        description = {"Reviews DIR and scores the review against a suite's expectations.",
                "Prints a table; -o writes the same figures as JSON."},
        footer = {"", "Suites:",
                "  owasp-benchmark  --expected: an OWASP Benchmark expectedresults CSV. A test",
                "                   case is flagged when a finding in its file (base name =",
                "                   test name) has exactly its CWE. TP/FN/TN/FP, TPR, FPR and",
                "                   score = TPR - FPR per category; overall averages.",
                "  annotations      '# expect: rule-id' and '# ok: rule-id' comments above the",
                "                   lines of DIR. TP/FN/FP/TN, precision and recall per rule;",
                "                   every miss listed; score = F1.",
                "  fixes            --expected: a list of real security fixes (eval/fixes/",
                "                   fixes.csv); DIR holds <id>/before and <id>/after trees",
                "                   (eval/fixes/materialise.sh). Detected: a finding within 2",
                "                   lines of a vulnerable line with the same CWE or CWE-1000",
                "                   pillar; cleared: gone from the fixed file. Per class;",
                "                   score = share detected.",
                "", "Exit codes: 0 scored, 1 score below --min-score, 2 bad usage or input",
                "(missing DIR, bad CSV)."})
final class EvalCommand implements Callable<Integer> {

    private static final String OWASP_BENCHMARK = "owasp-benchmark";
    private static final String ANNOTATIONS = "annotations";
    private static final String FIXES = "fixes";
    private static final List<String> SUITES = List.of(OWASP_BENCHMARK, ANNOTATIONS, FIXES);

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The tree to review.")
    Path dir;

    @Option(names = "--suite", required = true, paramLabel = "SUITE",
            description = "How to score: " + OWASP_BENCHMARK + ", " + ANNOTATIONS + " or " + FIXES + ".")
    String suite;

    @Option(names = "--expected", paramLabel = "CSV",
            description = "The expected results: an OWASP Benchmark CSV for --suite " + OWASP_BENCHMARK
                    + ", a fixes list for --suite " + FIXES + ".")
    Path expected;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Also write the scores to FILE as JSON.")
    Path output;

    @Option(names = "--min-score", paramLabel = "N",
            description = "Exit with 1 when the score (in percent, as in the table) is below N.")
    Double minScore;

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Leave out paths matching GLOB (relative to DIR; repeatable), as in scan.")
    List<String> excludes = new ArrayList<>();

    @Option(names = {"-j", "--threads"}, paramLabel = "N", description = "Files reviewed in parallel (default: number of cores).")
    Integer threads;

    @Option(names = "--progress", negatable = true,
            description = "Show progress on standard error (default: when it is a terminal).")
    Boolean progress;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (threadCount < 1) throw new ParameterException(spec.commandLine(), "--threads must be at least 1");
        checkSuiteOptions();
        try {
            // The expected results are read first: a bad CSV should not cost a whole review.
            List<TestCase> cases = suite.equals(OWASP_BENCHMARK) ? ExpectedResults.read(expected) : List.of();
            List<FixCase> fixes = suite.equals(FIXES) ? FixList.read(expected) : List.of();
            if (!Files.isDirectory(dir)) {
                throw new EvalInputException(dir + (Files.exists(dir) ? ": not a directory" : ": no such directory"));
            }
            SuiteScore score;
            if (suite.equals(FIXES)) {
                score = scoreFixes(fixes, err, threadCount);
            } else {
                ScanResult result = review(Scanner.withInstalledFrontEnds(), List.of(dir), err, threadCount, showProgress());
                score = suite.equals(OWASP_BENCHMARK) ? BenchmarkScorer.score(cases, result.files())
                        : AnnotationScorer.score(InlineExpectations.read(result.files()), result.files());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(score.table());
            out.flush();
            if (score instanceof FixScore fixScore && fixScore.notReviewed() > 0) {
                err.println("secreview: warning: " + fixScore.notReviewed() + " of " + fixes.size()
                        + " fixes have no reviewed vulnerable file in " + dir + " (run eval/fixes/materialise.sh)");
            }
            if (score instanceof BenchmarkScore benchmark && benchmark.casesNotReviewed() > 0) {
                err.println("secreview: warning: " + benchmark.casesNotReviewed() + " of " + cases.size()
                        + " test cases have no reviewed file of their name in " + dir);
            }
            if (output != null && !write(score, err)) return ExitCode.USAGE_OR_IO_ERROR;
            return belowMinScore(score, err) ? ExitCode.BELOW_MIN_SCORE : ExitCode.SCORED;
        } catch (EvalInputException e) {
            err.println("secreview: error: " + e.getMessage());
            return ExitCode.USAGE_OR_IO_ERROR;
        }
    }

    private void checkSuiteOptions() {
        if (!SUITES.contains(suite)) {
            throw new ParameterException(spec.commandLine(),
                    "unknown suite '" + suite + "' (use " + String.join(", ", SUITES) + ")");
        }
        if (!suite.equals(ANNOTATIONS) && expected == null) {
            throw new ParameterException(spec.commandLine(), "--suite " + suite + " needs --expected CSV");
        }
        if (suite.equals(ANNOTATIONS) && expected != null) {
            throw new ParameterException(spec.commandLine(), "--expected is not for --suite " + ANNOTATIONS);
        }
    }

    private boolean showProgress() {
        return progress != null ? progress : System.console() != null;
    }

    /** The normal review of PATHS; parts of the tree that cannot be walked are reported and left out. */
    private ScanResult review(Scanner scanner, List<Path> paths, PrintWriter err, int threadCount, boolean showProgress) {
        ScanResult result = scanner.scan(new ScanRequest(paths, excludes, threadCount),
                showProgress ? new Progress(err) : ScanListener.NONE);
        for (Diagnostic problem : result.pathProblems()) {
            err.println("secreview: warning: " + ControlCharacters.escape(problem.render()));
        }
        return result;
    }

    /**
     * Each fix's two trees are reviewed on their own, as two projects, so that a module of one fix
     * never resolves to a module of another and the vulnerable and fixed versions never meet.
     */
    private SuiteScore scoreFixes(List<FixCase> fixes, PrintWriter err, int threadCount) {
        Map<String, List<FileReport>> before = new HashMap<>();
        Map<String, List<FileReport>> after = new HashMap<>();
        boolean showProgress = showProgress();
        Scanner scanner = Scanner.withInstalledFrontEnds();
        int done = 0;
        for (FixCase fix : fixes) {
            Path vulnerable = dir.resolve(fix.id()).resolve("before");
            Path fixed = dir.resolve(fix.id()).resolve("after");
            if (Files.isDirectory(vulnerable)) before.put(fix.id(), review(scanner, List.of(vulnerable), err, threadCount, false).files());
            if (Files.isDirectory(fixed)) after.put(fix.id(), review(scanner, List.of(fixed), err, threadCount, false).files());
            if (showProgress) {
                err.print("\rReviewed " + ++done + "/" + fixes.size() + " fixes" + (done == fixes.size() ? "\n" : ""));
                err.flush();
            }
        }
        return FixScorer.score(fixes, before, after);
    }

    private boolean write(SuiteScore score, PrintWriter err) {
        String problem = OutputFile.write(output, JsonOutput.render(score.json()));
        if (problem != null) err.println("secreview: error: cannot write " + output + " (" + problem + ")");
        return problem == null;
    }

    private boolean belowMinScore(SuiteScore score, PrintWriter err) {
        if (minScore == null || 100 * score.score() >= minScore) return false;
        err.println("secreview: score " + Percent.of(score.score()) + " is below --min-score " + minScore);
        return true;
    }
}
