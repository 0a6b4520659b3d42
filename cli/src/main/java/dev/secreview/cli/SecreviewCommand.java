package dev.secreview.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

@Command(name = "secreview",
        mixinStandardHelpOptions = true,
        versionProvider = SecreviewCommand.Version.class,
        description = "Reviews source code for security defects and explains each one: CWE, place, why, and how to fix it.",
        footer = {"", ExitCode.HELP})
final class SecreviewCommand implements Runnable {

    /**
     * The commands, in the order help lists them. Picocli builds a command's model by reflection when it is added,
     * which is a good part of a small review's start-up: a command line that names one gets that one only. Lambdas,
     * not constructor references: linking a reference loads its class at once (and {@code EvalCommand} and
     * {@code AuditCommand} bring Jackson), a lambda's body only when it runs.
     */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("scan", () -> new ScanCommand());
        commands.put("review", () -> new ReviewCommand());
        commands.put("baseline", () -> new BaselineCommand());
        commands.put("audit", () -> new AuditCommand());
        commands.put("rules", () -> new RulesCommand());
        commands.put("explain", () -> new ExplainCommand());
        commands.put("cwe", () -> new CweCommand());
        commands.put("eval", () -> new EvalCommand());
        commands.put("serve", () -> new ServeCommand());
        return commands;
    }

    /** The command line for {@code args}: with the command its first argument names, or with all of them. */
    static CommandLine commandLine(String[] args) {
        CommandLine commandLine = new CommandLine(new SecreviewCommand());
        Supplier<Object> named = args.length > 0 ? COMMANDS.get(args[0]) : null;
        if (named != null) {
            commandLine.addSubcommand(args[0], named.get());
        } else {
            COMMANDS.forEach((name, command) -> commandLine.addSubcommand(name, command.get()));
        }
        return commandLine;
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "a command is required: " + String.join(", ", COMMANDS.keySet()));
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
