package dev.secreview.python.lowering;

import dev.secreview.core.model.SourceFile;
import dev.secreview.python.semantic.PythonFile;
import dev.secreview.python.semantic.Values;
import dev.secreview.python.tree.PythonParser;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PythonLoweringTest {

    private static String moduleOf(String displayPath, String projectPath) {
        SourceFile source = new SourceFile(Path.of(displayPath), displayPath, projectPath, "def find(name):\n    return name\n");
        PythonFile file = new PythonFile(new PythonParser().parse(source));
        return PythonLowering.lower(file, new Values(file)).name();
    }

    /** `scan /srv/shop`, `scan ../shop` and `cd shop && scan .` review the same modules: imports name them so. */
    @Test
    void aModuleIsNamedFromItsPathInsideTheProjectWhereverTheScanStarted() {
        assertEquals("app.views", moduleOf("app/views.py", "app/views.py"));
        assertEquals("app.views", moduleOf("/srv/checkouts/shop/app/views.py", "app/views.py"));
        assertEquals("app.views", moduleOf("../shop/app/views.py", "app/views.py"));
        assertEquals("app", moduleOf("/srv/checkouts/shop/app/__init__.py", "app/__init__.py"));
    }
}
