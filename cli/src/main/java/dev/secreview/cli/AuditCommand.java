package dev.secreview.cli;

import dev.secreview.report.ControlCharacters;
import dev.secreview.audit.AuditFormat;
import dev.secreview.audit.AuditInput;
import dev.secreview.audit.AuditedLanguage;
import dev.secreview.audit.AuditReport;
import dev.secreview.audit.Claim;
import dev.secreview.audit.ClaimAuditor;
import dev.secreview.audit.CodeUnderAudit;
import dev.secreview.audit.LibraryPath;
import dev.secreview.audit.MalformedReviewException;
import dev.secreview.audit.ReviewParser;
import dev.secreview.core.cwe.CweCatalog;
import dev.secreview.core.engine.FileDiscovery;
import dev.secreview.core.engine.ScanRequest;
import dev.secreview.core.engine.SourceReader;
import dev.secreview.core.model.SourceFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "audit",
        mixinStandardHelpOptions = true,
        description = {"Checks every claim of a security review (an LLM's or a person's) against the Python or Java code it is about, "
                + "secreview's own static review of that code and the CWE catalog, without any LLM.",
                "The review may be Markdown or plain text (numbered or bulleted findings or headings, 'CWE-89 (Name)', "
                        + "'line 42', 'lines 10-12', backticked names and code, 'Fix:' sections) or a JSON array of "
                        + "{cwe, line, code, explanation, fix}.",
                "Each claim gets one verdict, with the evidence: SUPPORTED (the only one accepted), UNSUPPORTED, "
                        + "CONTRADICTED, UNKNOWN_SYMBOL, BAD_LINE, MISNAMED_CWE, NOT_A_WEAKNESS or UNVERIFIED; then the "
                        + "static findings the review misses, with its precision and recall (see docs/AUDIT.md)."},
        footer = {"", "Exit codes: 0 every claim supported (or the review states none), 1 some claim not supported, "
                + "2 usage or I/O error (missing or binary file, code that does not parse, a JSON review that is malformed)."})
final class AuditCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--code", required = true, paramLabel = "FILE", description = "The Python or Java file (*.java) the review is about.")
    Path code;

    @Option(names = "--review", required = true, paramLabel = "REVIEW", description = "The review to audit: Markdown, text or JSON.")
    Path review;

    @Option(names = "--tree", paramLabel = "DIR",
            description = "The project the file belongs to: reviewed with it, so the dataflow follows calls into its other "
                    + "modules (default: the file alone).")
    Path tree;

    @Option(names = "--library-path", paramLabel = "DIR",
            description = "Where the libraries the file imports are read from (parsed, never imported), e.g. a virtualenv's "
                    + "site-packages; repeatable (default: the standard library and site-packages of the python3 on PATH).")
    List<Path> libraryPath = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: text or json (default: ${DEFAULT-VALUE}).")
    AuditFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the audit to FILE instead of standard output.")
    Path output;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        SourceFile codeFile = read("--code", code, err);
        SourceFile reviewFile = read("--review", review, err);
        if (codeFile == null || reviewFile == null) return ExitCode.USAGE_OR_IO_ERROR;
        if (tree != null && !Files.isDirectory(tree)) {
            err.println("secreview: error: --tree " + ControlCharacters.escape(tree.toString()) + ": not a directory");
            return ExitCode.USAGE_OR_IO_ERROR;
        }
        for (Path folder : libraryPath) {
            if (!Files.isDirectory(folder)) {
                err.println("secreview: error: --library-path " + ControlCharacters.escape(folder.toString()) + ": not a directory");
                return ExitCode.USAGE_OR_IO_ERROR;
            }
        }
        LibraryPath libraries = libraryPath.isEmpty() ? LibraryPath.ofPythonOnPath(System.getenv("PATH")) : LibraryPath.of(libraryPath);
        AuditInput input = AuditInput.of(inTree(codeFile), treeFiles(AuditedLanguage.of(codeFile)), libraries, ScanRequest.DEFAULT_THREAT_MODELS);
        if (!input.code().syntaxErrors().isEmpty()) {
            CodeUnderAudit.SyntaxError first = input.code().syntaxErrors().get(0);
            err.println("secreview: error: " + codeFile.displayPath() + ":" + first.line() + ": " + first.message()
                    + "; only code that parses can be audited");
            return ExitCode.USAGE_OR_IO_ERROR;
        }
        List<Claim> claims;
        try {
            claims = new ReviewParser().parse(reviewFile.text());
        } catch (MalformedReviewException e) {
            err.println("secreview: error: --review " + reviewFile.displayPath() + ": " + e.getMessage());
            return ExitCode.USAGE_OR_IO_ERROR;
        }
        CweCatalog catalog = CweCatalog.embedded();
        AuditReport report = new ClaimAuditor(catalog).audit(input, claims);
        StringWriter rendered = new StringWriter();
        try {
            format.writer(catalog).write(report, rendered);
        } catch (IOException e) {
            throw new IllegalStateException("cannot render the audit: " + e.getMessage(), e);
        }
        if (!write(rendered.toString(), err)) return ExitCode.USAGE_OR_IO_ERROR;
        return report.allSupported() ? ExitCode.CLEAN : ExitCode.FINDINGS;
    }

    /** The audited file with its path inside {@code --tree} as its project path, when it is in the tree (its imports resolve from there). */
    private SourceFile inTree(SourceFile file) {
        if (tree == null) return file;
        Path root = tree.toAbsolutePath().normalize();
        Path audited = code.toAbsolutePath().normalize();
        if (!audited.startsWith(root)) return file;
        return new SourceFile(file.path(), file.displayPath(), root.relativize(audited).toString().replace('\\', '/'), file.text());
    }

    /** The files of {@code --tree} in the audited file's language, other than it; those that cannot be read are left out. */
    private List<SourceFile> treeFiles(AuditedLanguage language) {
        if (tree == null) return List.of();
        Path audited = code.toAbsolutePath().normalize();
        List<SourceFile> files = new ArrayList<>();
        for (FileDiscovery.Candidate candidate : new FileDiscovery(List.of()).discover(List.of(tree), file -> language.includes(file.getFileName().toString())).files()) {
            if (candidate.path().toAbsolutePath().normalize().equals(audited)) continue;
            SourceReader.Result read = new SourceReader().read(candidate.path(), candidate.displayPath(), candidate.projectPath());
            if (read.problem() == null) files.add(read.file());
        }
        return files;
    }

    /** The file as text, or null after a one-line error (missing, unreadable, binary, undecodable). */
    private static SourceFile read(String option, Path path, PrintWriter err) {
        SourceReader.Result result = new SourceReader().read(path, path.toString().replace('\\', '/'));
        if (result.problem() == null) return result.file();
        err.println("secreview: error: " + option + " " + ControlCharacters.escape(result.problem().render()));
        return null;
    }

    /** Writes the audit; if the output file cannot be written, the audit goes to standard output instead of being lost. */
    private boolean write(String rendered, PrintWriter err) {
        return OutputFile.deliver(output, rendered, "audit", spec.commandLine().getOut(), err);
    }
}
