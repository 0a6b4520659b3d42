package dev.secreview.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/**
 * The run the build archives the loaded classes of (class-data sharing, see cli/pom.xml and docs/SPEED.md): a scan
 * of the bundled examples (as JSON and as the default text) and a review of their uncommitted changes in the project's repository, in one JVM, so that
 * the archive holds what both commands load (JGit and the in-memory checkouts too). Outside a git repository (a
 * source archive) the review is skipped and the archive serves scans only.
 */
final class ClassDataTraining {

    private ClassDataTraining() {
    }

    /** {@code examples output}: the folder to review and a folder for the reports, which nobody reads. */
    public static void main(String[] args) {
        String examples = args[0];
        Path output = Path.of(args[1]);
        PrintWriter quiet = new PrintWriter(new StringWriter());
        Main.run(new String[] {"scan", "--no-cache", "--no-progress", "--exit-zero", "-f", "json",
                "-o", output.resolve("class-data-scan.json").toString(), examples}, quiet, quiet);
        // The text report too: what a scan writes unless told otherwise.
        Main.run(new String[] {"scan", "--no-cache", "--no-progress", "--exit-zero",
                "-o", output.resolve("class-data-scan.txt").toString(), examples}, quiet, quiet);
        StringWriter why = new StringWriter();
        int reviewed = Main.run(new String[] {"review", "--no-cache", "--no-progress", "--exit-zero", "--git", "HEAD",
                "-f", "json", "-o", output.resolve("class-data-review.json").toString(), examples},
                quiet, new PrintWriter(why, true));
        if (reviewed == ExitCode.USAGE_OR_IO_ERROR) {
            System.out.println("class-data training: the review was skipped (" + why.toString().strip() + ")");
        }
    }
}
