package dev.secreview.python.taint;

import dev.secreview.core.engine.FileAnalysis;
import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.FlowStep;
import dev.secreview.core.model.SourceFile;
import dev.secreview.python.PythonFrontEnd;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fixture service of {@code taint/py-command-injection/volumes} (an API controller, its RPC client, the manager
 * endpoint): by default the request's data crosses the cast to the manager's method of the same name; under the
 * {@code rpc} threat model every endpoint parameter after the context is input, at medium confidence.
 */
class RpcThreatModelTest {
    private static final String MANAGER = "volumes/manager.py";

    private static List<Finding> review(Set<String> threatModels) throws IOException, URISyntaxException {
        Path tree = Path.of(RpcThreatModelTest.class.getResource("/taint/py-command-injection/volumes").toURI()).getParent();
        PythonFrontEnd frontEnd = new PythonFrontEnd();
        Map<String, FileAnalysis> analyses = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(tree.resolve("volumes"))) {
            files = walk.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        }
        for (Path file : files) {
            String display = tree.relativize(file).toString().replace('\\', '/');
            analyses.put(display, frontEnd.analyze(new SourceFile(file, display, Files.readString(file, StandardCharsets.UTF_8))));
        }
        return frontEnd.reviewTree(analyses, threatModels).get(MANAGER).findings().stream()
                .filter(f -> f.rule().id().equals("py-command-injection")).toList();
    }

    private static int lineOf(String text) throws IOException, URISyntaxException {
        Path manager = Path.of(RpcThreatModelTest.class.getResource("/taint/py-command-injection/" + MANAGER).toURI());
        List<String> lines = Files.readAllLines(manager, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
        throw new AssertionError("no line with " + text);
    }

    @Test
    void theRequestsDataCrossesTheCastToTheEndpointMethodOfThatName() throws Exception {
        List<Finding> findings = review(Set.of("remote"));
        int sink = lineOf("lvcreate");
        assertEquals(List.of(sink), findings.stream().map(Finding::line).toList());
        Finding finding = findings.get(0);
        assertEquals(Confidence.HIGH, finding.confidence());
        List<String> steps = finding.flow().stream().map(s -> s.path() + ":" + s.note()).toList();
        assertTrue(steps.get(0).startsWith("volumes/api.py:`body` is remote input"), steps.toString());
        assertTrue(steps.contains("volumes/rpcapi.py:passed to `VolumeManager.create_snapshot()` by remote call"), steps.toString());
        FlowStep last = finding.flow().get(finding.flow().size() - 1);
        assertEquals(MANAGER, last.path());
        assertEquals(sink, last.line());
    }

    @Test
    void underTheRpcThreatModelEveryEndpointParameterAfterTheContextIsInput() throws Exception {
        List<Finding> findings = review(Set.of("remote", "rpc"));
        List<Integer> lines = findings.stream().map(Finding::line).toList();
        // the method no API call reaches, and those the API calls with fixed or validated data
        assertEquals(List.of(lineOf("lvcreate"), lineOf("lvrename"), lineOf("lvextend"), lineOf("lvremove")), lines);
        assertTrue(findings.stream().allMatch(f -> f.confidence() == Confidence.MEDIUM), findings.toString());
        assertTrue(findings.get(3).flow().get(0).note().startsWith("`pattern` is rpc input"), findings.get(3).flow().toString());
        // not an endpoint: no `target` in its class body
        assertTrue(lines.stream().noneMatch(line -> line == lineOfQuietly("dd if=")));
    }

    private static int lineOfQuietly(String text) {
        try {
            return lineOf(text);
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
