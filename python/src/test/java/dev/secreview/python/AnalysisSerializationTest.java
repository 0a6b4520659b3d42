package dev.secreview.python;

import dev.secreview.core.engine.FileAnalysis;
import dev.secreview.core.model.SourceFile;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A file's analysis written to the disk cache and read back (its findings and its IR) gives the same whole-tree
 * review as the analysis itself: every dataflow fixture tree, through a round trip.
 */
class AnalysisSerializationTest {

    @Test
    void theWholeTreeReviewOfAnalysesReadBackIsTheSame() throws Exception {
        Path taint = Path.of(AnalysisSerializationTest.class.getResource("/taint/").toURI());
        PythonFrontEnd frontEnd = new PythonFrontEnd();
        Map<String, FileAnalysis> fresh = new LinkedHashMap<>();
        Map<String, FileAnalysis> readBack = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(taint)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".py")).sorted().toList()) {
                String shown = taint.relativize(file).toString().replace('\\', '/');
                FileAnalysis analysis = frontEnd.analyze(new SourceFile(file, shown, Files.readString(file, StandardCharsets.UTF_8)));
                fresh.put(shown, analysis);
                readBack.put(shown, roundTrip(analysis));
            }
        }
        assertFalse(fresh.isEmpty());

        Map<String, FileAnalysis> expected = frontEnd.reviewTree(fresh, Set.of("remote", "local"));
        Map<String, FileAnalysis> actual = frontEnd.reviewTree(readBack, Set.of("remote", "local"));

        for (String file : expected.keySet()) {
            assertEquals(expected.get(file).findings(), actual.get(file).findings(), file);
        }
    }

    private static FileAnalysis roundTrip(FileAnalysis analysis) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(analysis);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (FileAnalysis) in.readObject();
        }
    }
}
