package dev.secreview.core.model;

import dev.secreview.core.rule.RuleMetadata;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SourceExcerptTest {

    private static final SourceFile TWENTY_LINES = new SourceFile(Path.of("a.py"), "a.py",
            IntStream.rangeClosed(1, 20).mapToObj(i -> "line" + i).collect(Collectors.joining("\n", "", "\n")));

    @Test
    void showsThreeLinesBeforeAndAfterAFinding() {
        SourceExcerpt excerpt = SourceExcerpt.around(TWENTY_LINES, List.of(findingAt(10, 10)));

        assertEquals(List.of(7, 8, 9, 10, 11, 12, 13), numbers(excerpt.around(new TextRange(10, 1, 10, 2))));
        assertEquals("line10", excerpt.around(new TextRange(10, 1, 10, 2)).get(3).text());
    }

    @Test
    void stopsAtTheEdgesOfTheFile() {
        SourceExcerpt excerpt = SourceExcerpt.around(TWENTY_LINES, List.of(findingAt(1, 1), findingAt(20, 20)));

        assertEquals(List.of(1, 2, 3, 4), numbers(excerpt.around(new TextRange(1, 1, 1, 2))));
        assertEquals(List.of(17, 18, 19, 20), numbers(excerpt.around(new TextRange(20, 1, 20, 2))));
    }

    @Test
    void aLongFindingShowsItsFirstTenLines() {
        SourceExcerpt excerpt = SourceExcerpt.around(TWENTY_LINES, List.of(findingAt(4, 20)));

        assertEquals(IntStream.rangeClosed(1, 16).boxed().toList(), numbers(excerpt.around(new TextRange(4, 1, 20, 2))));
    }

    private static List<Integer> numbers(List<SourceExcerpt.Line> lines) {
        return lines.stream().map(SourceExcerpt.Line::number).toList();
    }

    private static Finding findingAt(int startLine, int endLine) {
        RuleMetadata rule = new RuleMetadata("py-test", 78, Severity.HIGH, Confidence.HIGH,
                "summary", "fix", List.of());
        return new Finding(rule, "a.py", new TextRange(startLine, 1, endLine, 2), "code", "message", "fix",
                Severity.HIGH, Confidence.HIGH, null, List.of());
    }
}
