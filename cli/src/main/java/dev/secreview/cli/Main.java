package dev.secreview.cli;

import picocli.CommandLine;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/** The {@code secreview} command: sets up picocli so that bad input gives one line and exit code 2, never a stack trace. */
public final class Main {
    /**
     * The whole-tree analysis recurses as deep as the code nests; the main thread's stack is fixed at start-up and
     * `java -jar` cannot widen it, so the command runs on a thread of its own with this much stack.
     */
    private static final long COMMAND_STACK_BYTES = 64L * 1024 * 1024;

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        // Straight to the file descriptor: System.out is a PrintStream, which would hide a failed write.
        PrintWriter out = new PrintWriter(new FileOutputStream(FileDescriptor.out), true, Charset.defaultCharset());
        PrintWriter err = new PrintWriter(System.err, true);
        int[] code = {ExitCode.USAGE_OR_IO_ERROR};
        Thread command = new Thread(null, () -> code[0] = run(args, out, err), "secreview", COMMAND_STACK_BYTES);
        command.start();
        command.join();
        System.exit(code[0]);
    }

    /** Runs the command line and returns the exit code (see {@link ExitCode}). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = SecreviewCommand.commandLine(args)
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
