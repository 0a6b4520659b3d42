package dev.secreview.core.engine;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.FileReport;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A review through the disk cache gives the review without it, and redoes exactly what changed. */
class DiskCacheTest {

    private static final RuleMetadata RULE = new RuleMetadata("py-marker", 78, Severity.HIGH, Confidence.HIGH,
            "a line that says so", "remove it", List.of());

    @TempDir
    Path tree;
    @TempDir
    Path cacheDir;

    private final CountingFrontEnd frontEnd = new CountingFrontEnd(RULE);

    @BeforeEach
    void files() throws IOException {
        Files.writeString(tree.resolve("a.py"), "x = 1\nDEFECT\n");
        Files.writeString(tree.resolve("b.py"), "y = 2\n");
    }

    private List<FileReport> scan(String identity) {
        return scan(identity, ScanRequest.of(List.of(tree)));
    }

    private List<FileReport> scan(String identity, ScanRequest request) {
        return new Scanner(List.of(frontEnd)).scan(request, ScanListener.NONE, AnalysisCache.onDisk(cacheDir, identity))
                .files();
    }

    @Test
    void anUnchangedTreeIsReadBackWithoutAnalysingAnything() {
        List<FileReport> first = scan("build-1");
        int analysed = frontEnd.analysed.get();
        int treeReviews = frontEnd.treeReviews.get();

        List<FileReport> second = scan("build-1");

        assertEquals(first, second);
        assertEquals(List.of(), new Scanner(List.of(frontEnd)).scan(ScanRequest.of(List.of(tree)), ScanListener.NONE)
                .files().stream().filter(r -> !second.contains(r)).toList(), "the same as without a cache");
        assertEquals(2, analysed);
        assertEquals(1, treeReviews);
        assertEquals(2 + 2, frontEnd.analysed.get(), "only the scan without a cache analysed again");
        assertEquals(1, second.stream().mapToInt(r -> r.findings().size()).sum());
    }

    @Test
    void aChangedFileIsAnalysedAgainAndTheTreePhaseRunsAgain() throws IOException {
        scan("build-1");
        Files.writeString(tree.resolve("b.py"), "y = 3\nDEFECT\n");

        List<FileReport> second = scan("build-1");

        assertEquals(3, frontEnd.analysed.get(), "a.py came from the cache, b.py was analysed");
        assertEquals(2, frontEnd.treeReviews.get());
        assertEquals(2, second.stream().mapToInt(r -> r.findings().size()).sum());
    }

    @Test
    void otherCodeOrOtherThreatModelsDoNotReuseEntries() {
        scan("build-1");
        scan("build-2");
        assertEquals(4, frontEnd.analysed.get(), "a new build analyses everything again");

        scan("build-2", new ScanRequest(List.of(tree), List.of(), 2, Set.of("remote", "local")));
        assertEquals(4, frontEnd.analysed.get(), "files are reused across threat models");
        assertEquals(3, frontEnd.treeReviews.get(), "the whole-tree phase is not");
    }

    @Test
    void aDamagedEntryIsRecomputed() throws IOException {
        List<FileReport> first = scan("build-1");
        try (Stream<Path> entries = Files.walk(cacheDir)) {
            for (Path entry : entries.filter(Files::isRegularFile).toList()) Files.write(entry, new byte[] {1, 2, 3});
        }

        List<FileReport> second = scan("build-1");

        assertEquals(first, second);
        assertEquals(4, frontEnd.analysed.get());
    }

    @Test
    void aFileThatRanOutOfTimeIsNotKept() throws IOException {
        Files.writeString(tree.resolve("slow.py"), "SLOW\n");
        scan("build-1", ScanRequest.of(List.of(tree)).timingOutAfter(Duration.ofNanos(1)));
        scan("build-1", ScanRequest.of(List.of(tree)).timingOutAfter(Duration.ofNanos(1)));

        assertEquals(2, frontEnd.treeReviews.get(), "a review with a timed-out file is not read back");
        assertEquals(2 + 1 + 1, frontEnd.analysed.get(), "the files that finished are; the slow one is tried again");
    }

    @Test
    void scansSharingTheFolderAtTheSameTimeGiveTheSameReview() throws Exception {
        List<FileReport> expected = scan("build-1");
        Files.walk(cacheDir).sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(cacheDir))
                .forEach(p -> p.toFile().delete());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<FileReport>>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) runs.add(pool.submit((Callable<List<FileReport>>) () -> scan("build-1")));
            for (Future<List<FileReport>> run : runs) assertEquals(expected, run.get());
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> entries = Files.walk(cacheDir)) {
            assertTrue(entries.noneMatch(p -> p.toString().endsWith(".tmp")), "no half-written entry is left");
        }
    }

    @Test
    void aRememberedResultServesTheSameInputAndTheSameCodeOnly() {
        java.util.concurrent.atomic.AtomicInteger computed = new java.util.concurrent.atomic.AtomicInteger();
        dev.secreview.core.model.SourceFile one = new dev.secreview.core.model.SourceFile(null, "a.py", "x = 1\n");
        dev.secreview.core.model.SourceFile changed = new dev.secreview.core.model.SourceFile(null, "a.py", "x = 2\n");
        java.util.function.Function<AnalysisCache, String> remember = cache -> cache.remembered(List.of("threats"),
                List.of(one), String.class, () -> "result " + computed.incrementAndGet());

        AnalysisCache first = AnalysisCache.onDisk(cacheDir, "build-1");
        assertEquals("result 1", remember.apply(first));
        assertEquals("result 1", remember.apply(first), "kept in memory");
        assertEquals("result 1", remember.apply(AnalysisCache.onDisk(cacheDir, "build-1")), "kept on disk");
        assertEquals("result 2", remember.apply(AnalysisCache.onDisk(cacheDir, "build-2")), "other code computes anew");
        assertEquals("result 3", first.remembered(List.of("threats"), List.of(changed), String.class,
                () -> "result " + computed.incrementAndGet()), "another file's text computes anew");
        assertEquals("result 4", first.remembered(List.of("other threats"), List.of(one), String.class,
                () -> "result " + computed.incrementAndGet()), "other input computes anew");
        assertEquals("result 5", new AnalysisCache().remembered(List.of("threats"), List.of(one), String.class,
                () -> "result " + computed.incrementAndGet()), "a cache in memory reads nothing from disk");
    }

    @Test
    void theFolderIsBoundedByDroppingTheLeastRecentlyUsedEntries() throws IOException {
        CacheDirectory folder = new CacheDirectory(cacheDir);
        folder.write("aa01", "x".repeat(1000));
        folder.write("bb02", "y".repeat(1000));
        Files.setLastModifiedTime(cacheDir.resolve("aa").resolve("01.entry"),
                java.nio.file.attribute.FileTime.fromMillis(1_000));

        folder.prune(1500);

        assertEquals(java.util.Optional.empty(), folder.read("aa01", String.class));
        assertEquals(java.util.Optional.of("y".repeat(1000)), folder.read("bb02", String.class));
    }
}
