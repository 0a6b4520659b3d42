package dev.secreview.spark;

import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;

/** {@code secreview-spark}: reviews many repositories on Apache Spark; see the README's section on Spark. */
@Command(name = "secreview-spark",
        mixinStandardHelpOptions = true,
        versionProvider = SparkReview.Version.class,
        description = {"Reviews many repositories on Apache Spark, each as `secreview scan --no-cache .` in its root"
                + " reviews it (its own configuration, what git ignores left out), one Spark task per repository.",
                "Writes under --output: findings/ (Parquet, one row per finding: repository, revision, path, line, rule,"
                        + " cwe, pillar, severity, confidence, fingerprint, suppressed), errors/ (Parquet: repository,"
                        + " revision, stage, message: a repository that could not be checked out or reviewed),"
                        + " repositories/ (Parquet: one row per repository reviewed, with its SARIF file's name) and"
                        + " sarif/ (one SARIF 2.1.0 file per repository reviewed).",
                "Runs where spark.master says (spark-submit --master …); without one, in local[*]."},
        footer = {"", "A list file has one repository a line: REPOSITORY[,REVISION], a local folder (reviewed as it is),"
                + " a local bare repository or a git URL (cloned with JGit on the executor, at REVISION or HEAD);"
                + " blank lines, # comments and a 'repository,revision' header are skipped.",
                "", "Exit codes: 0 nothing to act on, 1 findings (0 with --exit-zero), 2 the job could not do what was"
                + " asked: bad usage, an unreadable input, an output that exists (without --overwrite) or cannot be"
                + " written. A repository that cannot be checked out or reviewed is a row of errors/ and does not"
                + " change the exit code."})
public final class SparkReview implements Callable<Integer> {

    static final int CLEAN = 0;
    static final int FINDINGS = 1;
    static final int USAGE_OR_IO_ERROR = 2;

    @ArgGroup(multiplicity = "1")
    Input input;

    /** Where the repositories are listed. */
    static final class Input {
        @Option(names = "--repositories", paramLabel = "FILE", required = true,
                description = "A list of repositories, one a line: REPOSITORY[,REVISION] (see below).")
        Path list;

        @Option(names = "--folder", paramLabel = "DIR", required = true,
                description = "A folder whose every sub-folder is one repository (a bare one is cloned at HEAD).")
        Path folder;
    }

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true,
            description = "Where to write the datasets and SARIF files: a folder or a Hadoop URI (hdfs://…, s3a://…)"
                    + " that the driver and every executor can write.")
    String output;

    @Option(names = "--overwrite", description = "Replace --output if it exists (default: an error).")
    boolean overwrite;

    @Option(names = {"-j", "--threads"}, paramLabel = "N", defaultValue = "1",
            description = "Files of one repository reviewed in parallel, within its task (default: ${DEFAULT-VALUE};"
                    + " Spark runs one task per executor core).")
    int threads;

    @Option(names = "--exit-zero", description = "Exit with 0 even when there are findings (still 2 when the job failed).")
    boolean exitZero;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = run(args, out, err);
        SparkSession.getDefaultSession().foreach(session -> {
            session.stop();
            return null;
        });
        System.exit(code);
    }

    /** Runs the command line and returns the exit code; a Spark session it needs is made, or the active one used. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return new CommandLine(new SparkReview())
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler((e, ignoredArgs) -> {
                    // picocli starts some messages with its own "Error: ".
                    err.println("secreview-spark: error: " + e.getMessage().replaceFirst("^Error: ", ""));
                    err.println("Try 'secreview-spark --help' for usage.");
                    return USAGE_OR_IO_ERROR;
                })
                .setExecutionExceptionHandler((e, failed, ignoredResult) -> {
                    err.println("secreview-spark: error: " + (e.getMessage() != null ? e.getMessage()
                            : e.getClass().getSimpleName()));
                    return USAGE_OR_IO_ERROR;
                })
                .execute(args);
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (threads < 1) throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
        List<RepositorySource> sources;
        try {
            sources = input.list != null ? RepositoryList.read(input.list) : RepositoryList.folder(input.folder);
        } catch (NoSuchFileException e) {
            err.println("secreview-spark: error: " + e.getFile() + ": no such file or directory");
            return USAGE_OR_IO_ERROR;
        } catch (IOException | IllegalArgumentException e) {
            err.println("secreview-spark: error: " + e.getMessage());
            return USAGE_OR_IO_ERROR;
        }
        SparkSession spark = session();
        if (!clearOutput(spark, err)) return USAGE_OR_IO_ERROR;
        ReviewJob.Summary summary = ReviewJob.run(spark, sources, output, threads, "secreview " + version());
        err.println("secreview-spark: " + summary.repositories() + " repositories: " + summary.reviewed() + " reviewed, "
                + summary.failed() + " failed (" + output + "/" + ReviewTables.ERRORS + "); " + summary.findings()
                + " findings (" + output + "/" + ReviewTables.FINDINGS + "), " + summary.unsuppressed() + " not suppressed");
        return summary.unsuppressed() > 0 && !exitZero ? FINDINGS : CLEAN;
    }

    /** The active session, or a new one: in local[*] when nothing (spark-submit, spark.master) says where. */
    private static SparkSession session() {
        SparkConf conf = new SparkConf();
        if (!conf.contains("spark.master") && SparkSession.getDefaultSession().isEmpty()) conf.setMaster("local[*]");
        return SparkSession.builder().appName("secreview-spark").config(conf).getOrCreate();
    }

    /** False, with an error line, when the output exists and may not be replaced. */
    private boolean clearOutput(SparkSession spark, PrintWriter err) {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(output);
        try {
            FileSystem files = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!files.exists(path)) return true;
            if (!overwrite) {
                err.println("secreview-spark: error: " + output + " exists (choose another --output, or --overwrite)");
                return false;
            }
            files.delete(path, true);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + output + ": " + e.getMessage(), e);
        }
    }

    /** The version Maven wrote into the jar's resources. */
    static String version() {
        try (InputStream in = SparkReview.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) properties.load(in);
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"secreview-spark " + version()};
        }
    }
}
