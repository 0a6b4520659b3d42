package dev.secreview.python.rules.files;

import dev.secreview.core.model.SourceFile;
import dev.secreview.core.rule.RuleMetadata;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.PythonFile;
import dev.secreview.python.semantic.Values;
import dev.secreview.python.tree.PyNode;
import dev.secreview.python.tree.PythonParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Each case writes the path under test as the argument of {@code sink(...)}; the code before it sets the scene. */
class SharedDirectoriesTest {

    private static SharedDirectories.Location locate(String code) {
        PythonFile file = new PythonFile(new PythonParser().parse(new SourceFile(Path.of("m.py"), "m.py", code)));
        List<PyNode> sinks = new ArrayList<>();
        file.root().forEachDescendant(n -> {
            if (n.is("call") && n.field("function").text().equals("sink")) sinks.add(n);
        });
        RuleContext context = new RuleContext(file, new Values(file), RuleMetadata.of(ToctouPathCheckRule.class),
                new ArrayList<>());
        return SharedDirectories.locate(sinks.get(0).field("arguments").namedChildren().get(0), context);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "sink('/tmp/app.lock')                                          | /tmp",
            "sink(os.path.join('/var/tmp', name))                           | /var/tmp",
            "sink(f'/dev/shm/{name}.sock')                                  | /dev/shm",
            "sink('/tmp/%s.pid' % name)                                     | /tmp",
            "sink('/tmp/' + name)                                           | /tmp",
            "sink('/tmp/{}.json'.format(name))                              | /tmp",
            "base = '/tmp/work'\\nsink(os.path.join(base, name))             | /tmp",
    })
    void namedDirectories(String code, String directory) {
        SharedDirectories.Location location = locate("import os\n" + code.replace("\\n", "\n"));
        assertEquals(new SharedDirectories.Location(directory, true), location, code);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "sink(os.path.join(tempfile.gettempdir(), name))                | tempfile.gettempdir()",
            "tmp = tempfile.gettempdir()\\nsink(os.path.join(tmp, 'x'))      | tmp",
            "sink(os.path.join(tempfile.tempdir, name, 'y'))                | tempfile.tempdir",
    })
    void theTempfileDirectory(String code, String shown) {
        SharedDirectories.Location location = locate("import os, tempfile\n" + code.replace("\\n", "\n"));
        assertEquals(new SharedDirectories.Location(shown, false), location, code);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "sink('/tmp')",
            "sink('/tmp/')",
            "sink(tempfile.gettempdir())",
            "sink(conf_dir or tempfile.gettempdir())",
            "sink(os.path.join('/tmp', '/etc/app.conf'))",
            "sink(os.path.join(state_path, 'app.pid'))",
            "sink('/tmpfs/data/' + name)",
            "sink(f'{base}/tmp/{name}')",
    })
    void notInASharedDirectory(String code) {
        assertNull(locate("import os, tempfile\n" + code), code);
    }
}
