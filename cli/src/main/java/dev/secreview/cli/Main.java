package dev.secreview.cli;

import picocli.CommandLine;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/** The {@code secreview} command: sets up picocli so that bad input gives one line and exit code 2, never a stack trace. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Straight to the file descriptor: System.out is a PrintStream, which would hide a failed write.
        PrintWriter out = new PrintWriter(new FileOutputStream(FileDescriptor.out), true, Charset.defaultCharset());
        System.exit(run(args, out, new PrintWriter(System.err, true)));
    }

    /** Runs the command line and returns the exit code (see {@link ExitCode}). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new SecreviewCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler((e, ignoredArgs) -> {
                    CommandLine failed = e.getCommandLine();
                    failed.getErr().println("secreview: error: " + e.getMessage());
                    failed.getErr().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for usage.");
                    return ExitCode.USAGE_OR_IO_ERROR;
                })
                .setExecutionExceptionHandler((e, failed, ignoredResult) -> {
                    failed.getErr().println("secreview: error: " + (e.getMessage() != null ? e.getMessage()
                            : e.getClass().getSimpleName()));
                    return ExitCode.USAGE_OR_IO_ERROR;
                });
        try {
            int code = commandLine.execute(args);
            // A PrintWriter keeps write errors to itself: a review that never reached its reader is an error.
            if (out.checkError()) {
                err.println("secreview: error: cannot write to standard output; the output is lost or incomplete");
                err.flush();
                return ExitCode.USAGE_OR_IO_ERROR;
            }
            return code;
        } catch (RuntimeException | LinkageError | VirtualMachineError e) {
            // Last line of defence: a user sees one line, never a stack trace.
            err.println("secreview: internal error (" + e.getClass().getSimpleName() + ")"
                    + (e.getMessage() != null ? ": " + e.getMessage() : ""));
            err.flush();
            return ExitCode.USAGE_OR_IO_ERROR;
        }
    }
}
