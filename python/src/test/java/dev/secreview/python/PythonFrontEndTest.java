package dev.secreview.python;

import dev.secreview.core.model.SourceFile;
import dev.secreview.python.rules.injection.SubprocessShellRule;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PythonFrontEndTest {
    private static final String SHELL = "import subprocess\n\ndef f(x):\n    subprocess.run('ls ' + x, shell=True)\n";

    private static int findings(String displayPath) {
        SourceFile source = new SourceFile(Path.of(displayPath), displayPath, SHELL);
        return new PythonFrontEnd(List.of(new SubprocessShellRule())).analyze(source).findings().size();
    }

    @Test
    void rulesDoNotReviewTestCodeUnlessTheyAskTo() {
        assertEquals(1, findings("nova/compute/manager.py"));
        assertEquals(0, findings("nova/tests/unit/test_manager.py"));
        assertEquals(0, findings("app/tests.py"));
    }
}
