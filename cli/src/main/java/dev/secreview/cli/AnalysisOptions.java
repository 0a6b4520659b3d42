package dev.secreview.cli;

import dev.secreview.core.engine.ScanListener;
import dev.secreview.core.engine.ScanRequest;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What to leave out and how to analyse: the options {@code scan}, {@code review} and {@code baseline} share. */
final class AnalysisOptions {

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Leave out paths matching GLOB (relative to the scanned directory; repeatable), e.g. 'tests/**' or 'migrations'.")
    List<String> excludes = new ArrayList<>();

    @Option(names = {"-j", "--threads"}, paramLabel = "N", description = "Files reviewed in parallel (default: number of cores).")
    Integer threads;

    @Option(names = "--threat-model", paramLabel = "MODEL", split = ",", defaultValue = "remote",
            description = "Inputs that count as attacker-controlled for the dataflow rules: remote (network requests), "
                    + "local (command line, environment, console); comma-separated (default: ${DEFAULT-VALUE}).")
    List<ThreatModel> threatModels = new ArrayList<>();

    /** The source categories of the models files a user can choose. */
    enum ThreatModel { remote, local }

    @Option(names = "--progress", negatable = true,
            description = "Show progress on standard error (default: when it is a terminal).")
    Boolean progress;

    ScanRequest request(List<Path> paths, CommandLine commandLine) {
        int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (threadCount < 1) throw new CommandLine.ParameterException(commandLine, "--threads must be at least 1");
        Set<String> models = new HashSet<>();
        threatModels.forEach(model -> models.add(model.name()));
        return new ScanRequest(paths, excludes, threadCount, models);
    }

    ScanListener listener(PrintWriter err) {
        boolean show = progress != null ? progress : Terminal.isTerminal(Terminal.STDERR);
        return show ? new Progress(err) : ScanListener.NONE;
    }
}
