package dev.secreview.core.engine;

import dev.secreview.core.model.FileReport;
import dev.secreview.core.model.SourceFile;
import dev.secreview.core.rule.RuleMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a scan tells its listener, in order: the file count, each file, then the whole-tree phase. */
class ScanListenerTest {

    @TempDir
    Path dir;

    @Test
    void theWholeTreePhaseIsAnnouncedAfterEveryFileWithItsFileCount() throws IOException {
        for (String name : List.of("a.py", "b.py", "c.py", "notes.txt")) Files.writeString(dir.resolve(name), "x = 1\n");
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        ScanListener listener = new ScanListener() {
            @Override
            public void started(int totalFiles) {
                events.add("started " + totalFiles);
            }

            @Override
            public void fileDone(FileReport report) {
                events.add("file");
            }

            @Override
            public void treeReviewStarted(int files) {
                events.add("tree " + files);
            }
        };

        new Scanner(List.of(new PythonOnly(events))).scan(new ScanRequest(List.of(dir), List.of(), 2), listener);

        assertEquals(List.of("started 3", "file", "file", "file", "tree 3", "reviewTree"), events);
    }

    /** Handles .py files, finds nothing, and notes when its whole-tree review runs. */
    private record PythonOnly(List<String> events) implements LanguageFrontEnd {
        @Override
        public String language() {
            return "python";
        }

        @Override
        public boolean handles(Path file) {
            return file.getFileName().toString().endsWith(".py");
        }

        @Override
        public List<RuleMetadata> rules() {
            return List.of();
        }

        @Override
        public FileAnalysis analyze(SourceFile file) {
            return new FileAnalysis(List.of(), List.of(), List.of());
        }

        @Override
        public Map<String, FileAnalysis> reviewTree(Map<String, FileAnalysis> analyses, Set<String> threatModels) {
            events.add("reviewTree");
            return analyses;
        }
    }
}
