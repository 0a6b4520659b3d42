package dev.secreview.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The job's input. A list file has one repository a line, {@code REPOSITORY[,REVISION]} (a local path or a git URL,
 * then optionally a commit, tag or branch); blank lines, {@code #} comments and a {@code repository,revision} header
 * are skipped. A folder of repositories is read as one repository per sub-folder, in name order.
 */
final class RepositoryList {

    private RepositoryList() {
    }

    /** The repositories of a list file; a line that is not {@code REPOSITORY[,REVISION]} is an error naming it. */
    static List<RepositorySource> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<RepositorySource> sources = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (sources.isEmpty() && line.replace(" ", "").equalsIgnoreCase("repository,revision")) continue;
            String[] fields = line.split(",", -1);
            if (fields.length > 2 || fields[0].isBlank()) {
                throw new IllegalArgumentException(file + ": line " + (i + 1) + ": expected REPOSITORY[,REVISION], not '"
                        + line + "'");
            }
            sources.add(new RepositorySource(fields[0].strip(), fields.length == 2 ? fields[1].strip() : null));
        }
        return sources;
    }

    /** Every sub-folder of {@code folder} as one repository, in name order. */
    static List<RepositorySource> folder(Path folder) throws IOException {
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(Files::isDirectory).map(Path::toString).sorted()
                    .map(path -> new RepositorySource(path, null)).toList();
        }
    }
}
