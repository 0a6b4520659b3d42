package dev.secreview.python.semantic;

import dev.secreview.core.model.SourceFile;
import dev.secreview.python.tree.PyNode;
import dev.secreview.python.tree.PythonParser;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The parts of the first argument of {@code sink(...)}, as the pattern rules see them. */
class InterpolationTest {

    private static List<String> parts(String code) {
        PythonFile file = new PythonFile(new PythonParser().parse(new SourceFile(Path.of("m.py"), "m.py", code)));
        List<PyNode> sinks = new ArrayList<>();
        file.root().forEachDescendant(n -> {
            if (n.is("call") && n.field("function").text().equals("sink")) sinks.add(n);
        });
        PyNode expr = sinks.get(0).field("arguments").namedChildren().get(0);
        return Interpolation.of(expr, file, new Values(file)).parts().stream().map(PyNode::text).toList();
    }

    @Test
    void aListJoinedIsMadeOfWhatIsAppendedToIt() {
        assertEquals(List.of(), parts("""
                def f(low, high):
                    conditions = []
                    if low:
                        conditions.append("name > ?")
                    conditions.extend(["deleted = 0", "size > 0"])
                    sink(" AND ".join(conditions))
                """));
        assertEquals(List.of("column", "extra"), parts("""
                def f(column, extra):
                    conditions = []
                    conditions.append("%s > ?" % column)
                    conditions.extend(extra)
                    sink(" AND ".join(conditions))
                """));
    }

    @Test
    void aTranslatedTemplateFillsOnlyItsTextConversions() {
        PythonFile file = new PythonFile(new PythonParser().parse(new SourceFile(Path.of("m.py"), "m.py",
                "sink({'n': count, 'name': name})\n")));
        List<PyNode> calls = new ArrayList<>();
        file.root().forEachDescendant(n -> {
            if (n.is("call")) calls.add(n);
        });
        PyNode args = calls.get(0).field("arguments").namedChildren().get(0);
        List<String> parts = Interpolation.ofFormat("%(n)d items in %(name)s", args, file, new Values(file)).parts()
                .stream().map(PyNode::text).toList();
        assertEquals(List.of("name"), parts);
    }
}
