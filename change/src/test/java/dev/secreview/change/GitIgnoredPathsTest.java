package dev.secreview.change;

import dev.secreview.core.engine.FileDiscovery;
import dev.secreview.core.engine.PathFilter;
import dev.secreview.core.model.SkippedPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** What a walk leaves out as git-ignored in a real repository: what git itself ignores. */
class GitIgnoredPathsTest {

    private static final Predicate<Path> PYTHON = p -> p.getFileName().toString().endsWith(".py");

    @TempDir
    Path dir;
    GitRepoFixture repo;

    @BeforeEach
    void init() throws Exception {
        repo = new GitRepoFixture(dir);
    }

    @AfterEach
    void close() {
        repo.close();
    }

    /** The files a walk of the repository reviews, relative to it. */
    private Set<String> reviewed(Path root) {
        return relative(new FileDiscovery(List.of(), List.of(), new GitIgnoredPaths(), null)
                .discover(List.of(root), PYTHON).files().stream().map(FileDiscovery.Candidate::path).toList());
    }

    private Set<String> relative(List<Path> paths) {
        Set<String> names = new TreeSet<>();
        paths.forEach(p -> names.add(dir.relativize(p).toString().replace('\\', '/')));
        return names;
    }

    @Test
    void nestedIgnoreFilesApplyBelowThemAndTheNearerOneWins() throws Exception {
        repo.write(".gitignore", "*.gen.py\n/generated/\n")
                .write("app/.gitignore", "local_*.py\n!keep.gen.py\n")
                .write("app/views.py", "").write("app/local_settings.py", "").write("app/keep.gen.py", "")
                .write("app/other.gen.py", "").write("local_tool.py", "").write("generated/api.py", "")
                .write("lib/generated/api.py", "");

        assertEquals(Set.of("app/views.py", "app/keep.gen.py", "local_tool.py", "lib/generated/api.py"), reviewed(dir));
    }

    @Test
    void infoExcludeCounts() throws Exception {
        repo.write("app.py", "").write("scratch.py", "");
        Files.writeString(Files.createDirectories(dir.resolve(".git/info")).resolve("exclude"), "scratch.py\n");

        assertEquals(Set.of("app.py"), reviewed(dir));
    }

    @Test
    void aTrackedFileIsNeverIgnoredButItsUntrackedNeighbourIs() throws Exception {
        repo.write("build/keep.py", "").write("app.py", "").commit("tracked before the ignore rule");
        repo.write(".gitignore", "build/\n").write("build/new.py", "");

        assertEquals(Set.of("app.py", "build/keep.py"), reviewed(dir));
    }

    @Test
    void ignoredFoldersAreLeftOutWholeAndCounted() throws Exception {
        repo.write(".gitignore", ".venv-old/\ndist/\n").write("app.py", "")
                .write(".venv-old/lib/a.py", "").write(".venv-old/lib/b.py", "").write("dist/pkg/c.py", "");

        FileDiscovery.Discovered found = new FileDiscovery(List.of(), List.of(), new GitIgnoredPaths(), null)
                .discover(List.of(dir), PYTHON);

        assertEquals(Set.of("app.py"), relative(found.files().stream().map(FileDiscovery.Candidate::path).toList()));
        String shown = dir.toString().replace('\\', '/');
        assertEquals(Set.of(new SkippedPath(shown + "/.venv-old", "git-ignored", 2),
                new SkippedPath(shown + "/dist", "git-ignored", 1)), Set.copyOf(found.skipped()));
    }

    @Test
    void aSubfolderOfTheRepositoryIsJudgedByTheRulesAboveIt() throws Exception {
        repo.write(".gitignore", "*_pb2.py\n").write("src/app.py", "").write("src/api_pb2.py", "");

        assertEquals(Set.of("src/app.py"), reviewed(dir.resolve("src")));
    }

    @Test
    void outsideARepositoryNothingIsIgnored() throws IOException {
        Path plain = Files.createDirectories(dir.resolve("plain"));
        Files.writeString(plain.resolve(".gitignore"), "*.py\n");
        Files.writeString(plain.resolve("app.py"), "");
        Path elsewhere = Files.createTempDirectory("secreview-no-repo-");
        try {
            Files.writeString(elsewhere.resolve(".gitignore"), "*.py\n");
            Path file = Files.writeString(elsewhere.resolve("app.py"), "");
            PathFilter filter = new GitIgnoredPaths();

            assertFalse(filter.leavesOut(file, false), "a .gitignore outside any repository is not git's");
        } finally {
            Files.delete(elsewhere.resolve("app.py"));
            Files.delete(elsewhere.resolve(".gitignore"));
            Files.delete(elsewhere);
        }
    }
}
