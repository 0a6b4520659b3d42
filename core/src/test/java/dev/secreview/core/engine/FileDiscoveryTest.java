package dev.secreview.core.engine;

import dev.secreview.core.model.Diagnostic;
import dev.secreview.core.model.FileReport;
import dev.secreview.core.model.SkippedPath;
import dev.secreview.core.model.SourceFile;
import dev.secreview.core.rule.RuleMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class FileDiscoveryTest {

    private static final Predicate<Path> PYTHON = p -> p.getFileName().toString().endsWith(".py");

    @TempDir
    Path dir;

    private Path touch(String relative) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "x = 1\n");
    }

    private static List<String> shown(FileDiscovery.Discovered discovered) {
        return discovered.files().stream().map(FileDiscovery.Candidate::displayPath).toList();
    }

    private String display(String relative) {
        return dir.resolve(relative).toString().replace('\\', '/');
    }

    // ---------------------------------------------------------------- walking

    @Test
    void walksRecursivelyAndKeepsOnlyWantedFiles() throws IOException {
        touch("a.py");
        touch("pkg/b.py");
        touch("pkg/deep/er/c.py");
        touch("README.md");
        touch("pkg/data.json");

        FileDiscovery.Discovered found = new FileDiscovery(List.of()).discover(List.of(dir), PYTHON);

        assertEquals(new HashSet<>(List.of(display("a.py"), display("pkg/b.py"), display("pkg/deep/er/c.py"))),
                new HashSet<>(shown(found)));
        assertEquals(3, found.files().size(), "each file once");
        assertEquals(List.of(), found.problems());
    }

    @Test
    void candidatePathsPointAtTheFiles() throws IOException {
        Path file = touch("pkg/b.py");

        FileDiscovery.Candidate candidate = new FileDiscovery(List.of()).discover(List.of(dir), PYTHON).files().get(0);

        assertEquals(file, candidate.path());
        assertEquals(display("pkg/b.py"), candidate.displayPath());
        assertEquals("pkg/b.py", candidate.projectPath(), "the folders above the scanned directory are not the project's");
    }

    @Test
    void aFileNamedOnTheCommandLineIsItsOwnProjectPath() throws IOException {
        Path file = touch("tools/run.py");

        FileDiscovery.Candidate candidate = new FileDiscovery(List.of()).discover(List.of(file), PYTHON).files().get(0);

        assertEquals(candidate.displayPath(), candidate.projectPath());
    }

    @Test
    void explicitFilesComeFirstInArgumentOrderAndAreAlwaysTaken() throws IOException {
        Path notPython = touch("notes.txt");
        Path b = touch("b.py");
        Path a = touch("a.py");

        FileDiscovery.Discovered found = new FileDiscovery(List.of("*.py", "*.txt"))
                .discover(List.of(b, notPython, a), PYTHON);

        assertEquals(List.of(b, notPython, a), found.files().stream().map(FileDiscovery.Candidate::path).toList(),
                "a file named explicitly is taken even if excluded or not of a wanted type");
    }

    @Test
    void explicitFileInsideASkippedDirectoryIsTaken() throws IOException {
        Path inVenv = touch("venv/lib/tool.py");

        FileDiscovery.Discovered found = new FileDiscovery(List.of()).discover(List.of(inVenv), PYTHON);

        assertEquals(List.of(inVenv), found.files().stream().map(FileDiscovery.Candidate::path).toList());
    }

    @Test
    void displayPathsUseForwardSlashesAndAreNormalized() throws IOException {
        touch("pkg/mod.py");

        FileDiscovery.Discovered found = new FileDiscovery(List.of())
                .discover(List.of(dir.resolve("pkg").resolve("..").resolve("pkg")), PYTHON);

        assertEquals(List.of(display("pkg/mod.py")), shown(found));
    }

    /** The scanner, not the walk, fixes the order: files come back sorted by path whatever the directory order. */
    @Test
    void scannerReportsFilesInPathOrder() throws IOException {
        List<String> names = List.of("m.py", "b.py", "z.py", "a.py", "k/x.py", "k.py", "c.py", "B.py", "_.py");
        for (String name : names) touch(name);
        Scanner scanner = new Scanner(List.of(new NothingFrontEnd()));

        List<String> first = scanner.scan(new ScanRequest(List.of(dir), List.of(), 4), ScanListener.NONE)
                .files().stream().map(FileReport::path).toList();
        List<String> reversedRoots = scanner.scan(new ScanRequest(List.of(dir.resolve("k"), dir.resolve("z.py"),
                        dir.resolve("a.py")), List.of(), 1), ScanListener.NONE)
                .files().stream().map(FileReport::path).toList();

        assertEquals(first.stream().sorted().toList(), first);
        assertEquals(names.size(), first.size());
        assertEquals(List.of(display("a.py"), display("k/x.py"), display("z.py")), reversedRoots);
    }

    // ---------------------------------------------------------------- skipping

    static Stream<String> notSourceFolders() {
        return Stream.of(".git", ".hg", ".svn", "node_modules");
    }

    @ParameterizedTest
    @MethodSource("notSourceFolders")
    void skipsVersionControlAndNodeModulesAndCountsTheirSourceFiles(String name) throws IOException {
        touch("app.py");
        touch(name + "/inside.py");
        touch("pkg/" + name + "/nested/inside.py");
        touch("pkg/" + name + "/nested/more.py");

        FileDiscovery.Discovered found = new FileDiscovery(List.of()).discover(List.of(dir), PYTHON);

        assertEquals(List.of(display("app.py")), shown(found));
        String why = name.equals("node_modules") ? "node_modules" : "version control";
        assertEquals(Set.of(new SkippedPath(display(name), why, 1), new SkippedPath(display("pkg/" + name), why, 2)),
                Set.copyOf(found.skipped()));
    }

    @Test
    void aFolderWithoutSourceFilesLeftOutIsNotListed() throws IOException {
        touch("app.py");
        Files.createDirectories(dir.resolve(".git/objects"));
        Files.writeString(dir.resolve(".git/HEAD"), "ref: refs/heads/main\n");

        FileDiscovery.Discovered found = new FileDiscovery(List.of()).discover(List.of(dir), PYTHON);

        assertEquals(List.of(), found.skipped());
    }

    /** Packages named like tool output: the standard library's venv, pip's operations/build. */
    @ParameterizedTest
    @ValueSource(strings = {"build", "venv", ".venv", "dist", "env", "site-packages", "__pycache__", ".tox", "eggs"})
    void aFolderIsNotSkippedForItsNameAlone(String name) throws IOException {
        touch("app.py");
        touch("pkg/" + name + "/__init__.py");

        FileDiscovery.Discovered found = new FileDiscovery(List.of()).discover(List.of(dir), PYTHON);

        assertEquals(Set.of(display("app.py"), display("pkg/" + name + "/__init__.py")), Set.copyOf(shown(found)));
        assertEquals(List.of(), found.skipped());
    }

    @Test
    void skipsAnyVirtualenvRecognisedByItsPyvenvCfgAndCountsItsFiles() throws IOException {
        touch("app.py");
        touch("envs/py311/lib/python3.11/mod.py");
        touch("envs/py311/lib/python3.11/site-packages/dep/__init__.py");
        Files.writeString(dir.resolve("envs/py311/pyvenv.cfg"), "home = /usr/bin\n");

        FileDiscovery.Discovered found = new FileDiscovery(List.of()).discover(List.of(dir), PYTHON);

        assertEquals(List.of(display("app.py")), shown(found));
        assertEquals(List.of(new SkippedPath(display("envs/py311"), "virtualenv", 2)), found.skipped());
    }

    @Test
    void aFolderLeftOutWhenFoundIsStillWalkedWhenNamed() throws IOException {
        touch("node_modules/gyp/gen.py");

        FileDiscovery.Discovered found = new FileDiscovery(List.of()).discover(List.of(dir.resolve("node_modules")), PYTHON);

        assertEquals(List.of(display("node_modules/gyp/gen.py")), shown(found));
    }

    @Test
    void doesNotFollowSymbolicLinksToDirectories() throws IOException {
        touch("pkg/mod.py");
        try {
            Files.createSymbolicLink(dir.resolve("pkg/loop"), dir);
            Files.createSymbolicLink(dir.resolve("alias"), dir.resolve("pkg"));
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "cannot create symbolic links here: " + e);
        }

        FileDiscovery.Discovered found = assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> new FileDiscovery(List.of()).discover(List.of(dir), PYTHON));

        assertEquals(List.of(display("pkg/mod.py")), shown(found));
        assertEquals(List.of(), found.problems());
    }

    // ---------------------------------------------------------------- excludes

    @Test
    void excludeGlobRelativeToTheRoot() throws IOException {
        touch("app/views.py");
        touch("tests/test_views.py");
        touch("tests/unit/test_models.py");

        FileDiscovery.Discovered found = new FileDiscovery(List.of("tests/**")).discover(List.of(dir), PYTHON);

        assertEquals(List.of(display("app/views.py")), shown(found));
        assertEquals(List.of(new SkippedPath(display("tests"), "excluded", 2)), found.skipped(),
                "the folder is left out whole, with the files in it counted");
    }

    /** What a user means by the folder tests, however it is written. */
    @ParameterizedTest
    @ValueSource(strings = {"tests", "tests/", "./tests", "./tests/", "/tests", "tests/**", "**/tests/**", "**/tests"})
    void excludeOfTheTopLevelTestsFolderInEverySpelling(String glob) throws IOException {
        touch("app/views.py");
        touch("tests/test_views.py");

        FileDiscovery.Discovered found = new FileDiscovery(List.of(glob)).discover(List.of(dir), PYTHON);

        assertEquals(List.of(display("app/views.py")), shown(found), glob);
        assertEquals(List.of(new SkippedPath(display("tests"), "excluded", 1)), found.skipped(), glob);
    }

    @Test
    void aTrailingSlashNamesFoldersOnly() throws IOException {
        touch("app/tests.py");
        touch("app/tests/test_a.py");

        FileDiscovery.Discovered found = new FileDiscovery(List.of("tests/")).discover(List.of(dir), PYTHON);

        assertEquals(List.of(display("app/tests.py")), shown(found));
    }

    @Test
    void includeGlobsKeepOnlyTheFilesTheyNameAndCountTheRest() throws IOException {
        touch("src/app/views.py");
        touch("scripts/run.py");
        touch("setup.py");

        FileDiscovery.Discovered found = new FileDiscovery(List.of(), List.of("src", "scripts/*.py"), PathFilter.NONE, null)
                .discover(List.of(dir), PYTHON);

        assertEquals(Set.of(display("src/app/views.py"), display("scripts/run.py")), Set.copyOf(shown(found)));
        assertEquals(List.of(new SkippedPath(display("setup.py"), "not included", 1)), found.skipped());
    }

    @Test
    void aPathFilterLeavesOutWhatItNamesUnderItsOwnReason() throws IOException {
        touch("app.py");
        touch("generated/api_pb2.py");
        touch("local_settings.py");
        PathFilter filter = new PathFilter() {
            @Override
            public boolean leavesOut(Path path, boolean folder) {
                String name = path.getFileName().toString();
                return folder ? name.equals("generated") : name.equals("local_settings.py");
            }

            @Override
            public String reason() {
                return "git-ignored";
            }
        };

        FileDiscovery.Discovered found = new FileDiscovery(List.of(), List.of(), filter, null).discover(List.of(dir), PYTHON);

        assertEquals(List.of(display("app.py")), shown(found));
        assertEquals(Set.of(new SkippedPath(display("generated"), "git-ignored", 1),
                new SkippedPath(display("local_settings.py"), "git-ignored", 1)), Set.copyOf(found.skipped()));
    }

    @Test
    void excludeByDirectoryNameAtAnyDepth() throws IOException {
        touch("app/views.py");
        touch("app/migrations/0001_initial.py");
        touch("other/migrations/0002_more.py");

        FileDiscovery.Discovered found = new FileDiscovery(List.of("migrations")).discover(List.of(dir), PYTHON);

        assertEquals(List.of(display("app/views.py")), shown(found));
    }

    @Test
    void excludeByFileNameGlob() throws IOException {
        touch("app/views.py");
        touch("app/api_pb2.py");
        touch("api_pb2.py");

        FileDiscovery.Discovered found = new FileDiscovery(List.of("*_pb2.py")).discover(List.of(dir), PYTHON);

        assertEquals(List.of(display("app/views.py")), shown(found));
    }

    @Test
    void excludeByNestedPathAndSeveralGlobs() throws IOException {
        touch("a/b/c.py");
        touch("a/d.py");
        touch("e.py");
        touch("x/b/f.py");

        FileDiscovery.Discovered found = new FileDiscovery(List.of("a/b", "e.py")).discover(List.of(dir), PYTHON);

        assertEquals(new HashSet<>(List.of(display("a/d.py"), display("x/b/f.py"))), new HashSet<>(shown(found)));
    }

    @Test
    void excludeThatMatchesNothingChangesNothing() throws IOException {
        touch("a.py");

        FileDiscovery.Discovered found = new FileDiscovery(List.of("nothing/**", "*.txt")).discover(List.of(dir), PYTHON);

        assertEquals(List.of(display("a.py")), shown(found));
    }

    // ---------------------------------------------------------------- missing roots

    @Test
    void missingRootsAreReportedAndTheOthersStillWalked() throws IOException {
        touch("a.py");
        Path missing = dir.resolve("gone");
        Path missingFile = dir.resolve("gone.py");

        FileDiscovery.Discovered found = new FileDiscovery(List.of()).discover(List.of(missing, dir, missingFile), PYTHON);

        assertEquals(List.of(display("a.py")), shown(found));
        assertEquals(List.of(new Diagnostic(Diagnostic.Kind.NOT_FOUND, display("gone"), 0, "no such file or directory"),
                new Diagnostic(Diagnostic.Kind.NOT_FOUND, display("gone.py"), 0, "no such file or directory")),
                found.problems());
        assertEquals(Set.of(display("gone"), display("gone.py"), display("")), found.named());
    }

    @Test
    void aMissingRootIsAProblemWithANamedPathAndCountsAsNotReviewed() {
        Scanner scanner = new Scanner(List.of(new NothingFrontEnd()));

        ScanResult result = scanner.scan(ScanRequest.of(List.of(dir.resolve("gone"))), ScanListener.NONE);

        assertEquals(List.of(), result.files());
        assertEquals(List.of(display("gone") + ": no such file or directory"),
                result.namedPathProblems().stream().map(Diagnostic::render).toList());
        assertEquals(1, result.notReviewed());
        assertTrue(result.nothingNamedCouldBeReviewed());
    }

    @Test
    void aBadFileFoundInADirectoryIsADiagnosticButANamedOneIsAProblemWithAPath() throws IOException {
        touch("pkg/good.py");
        Path binary = Files.write(dir.resolve("pkg/blob.py"), new byte[]{0});
        Files.write(dir.resolve("pkg/other.py"), new byte[]{0});
        Scanner scanner = new Scanner(List.of(new NothingFrontEnd()));

        ScanResult walked = scanner.scan(ScanRequest.of(List.of(dir.resolve("pkg"))), ScanListener.NONE);
        ScanResult named = scanner.scan(ScanRequest.of(List.of(binary, dir.resolve("pkg/good.py"))), ScanListener.NONE);

        assertEquals(List.of(), walked.namedPathProblems());
        assertEquals(2, walked.notReviewed());
        assertEquals(List.of(display("pkg/blob.py") + ": binary file (NUL byte at offset 0)"),
                named.namedPathProblems().stream().map(Diagnostic::render).toList());
        assertFalse(named.nothingNamedCouldBeReviewed(), "the other named file was reviewed");
    }

    @Test
    void emptyRootListFindsNothing() {
        FileDiscovery.Discovered found = new FileDiscovery(List.of()).discover(List.of(), PYTHON);

        assertEquals(List.of(), found.files());
        assertEquals(List.of(), found.problems());
    }

    @Test
    void emptyDirectoryFindsNothingAndIsNotMissing() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        FileDiscovery.Discovered found = new FileDiscovery(List.of()).discover(List.of(empty), PYTHON);

        assertEquals(List.of(), found.files());
        assertEquals(List.of(), found.problems());
    }

    /** A front end that handles .py files and finds nothing. */
    private static final class NothingFrontEnd implements LanguageFrontEnd {
        @Override
        public String language() {
            return "python";
        }

        @Override
        public boolean handles(Path file) {
            return PYTHON.test(file);
        }

        @Override
        public List<RuleMetadata> rules() {
            return List.of();
        }

        @Override
        public FileAnalysis analyze(SourceFile file) {
            return new FileAnalysis(new ArrayList<>(), List.of(), List.of());
        }
    }
}
