package dev.secreview.cli;

import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

@Command(name = "secreview",
        mixinStandardHelpOptions = true,
        versionProvider = SecreviewCommand.Version.class,
        description = "Reviews source code for security defects and explains each one: CWE, place, why, and how to fix it.",
        subcommands = {ScanCommand.class, ReviewCommand.class, BaselineCommand.class, AuditCommand.class, RulesCommand.class, ExplainCommand.class, CweCommand.class, EvalCommand.class, ServeCommand.class},
        footer = {"", ExitCode.HELP})
final class SecreviewCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "a command is required: scan, review, baseline, audit, rules, explain, cwe, eval or serve");
    }

    /** The version Maven wrote into the jar's resources. */
    static String version() {
        try (InputStream in = SecreviewCommand.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) properties.load(in);
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }

    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"secreview " + version()};
        }
    }
}
