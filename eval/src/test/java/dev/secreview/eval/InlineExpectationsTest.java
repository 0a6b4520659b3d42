package dev.secreview.eval;

import dev.secreview.core.model.FileReport;
import dev.secreview.core.model.SourceFile;
import dev.secreview.eval.InlineExpectations.Expectation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InlineExpectationsTest {

    @TempDir
    Path dir;

    private static SourceFile source(String text) {
        return new SourceFile(Path.of("a.py"), "a.py", text);
    }

    @Test
    void markersApplyToTheNextCodeLine() throws Exception {
        List<Expectation> parsed = InlineExpectations.parse(source("""
                import os
                # expect: py-a, py-b

                # an ordinary comment in between
                os.system(cmd)
                    # ok: py-a
                os.system("ls")
                x = 1  # expect: py-c  (not a comment line: ignored)
                """));
        assertEquals(List.of(new Expectation(true, "py-a", 5, 2), new Expectation(true, "py-b", 5, 2),
                new Expectation(false, "py-a", 7, 6)), parsed);
    }

    @Test
    void slashCommentMarkersSkipSlashCommentLines() throws Exception {
        List<Expectation> parsed = InlineExpectations.parse(new SourceFile(Path.of("A.java"), "A.java", """
                class A {
                    void f() {
                        // expect: java-a
                        // why: an ordinary comment in between
                        run(cmd);
                        // ok: java-a
                        run("ls");
                    }
                }
                """));
        assertEquals(List.of(new Expectation(true, "java-a", 5, 3), new Expectation(false, "java-a", 7, 6)), parsed);
    }

    @Test
    void templateCommentsCarryTheSameMarkers() throws Exception {
        List<Expectation> parsed = InlineExpectations.parse(new SourceFile(Path.of("t.html"), "t.html", """
                <p>
                  {# expect: tpl-a, tpl-b #}

                  {# an ordinary template comment #}
                  {{ name|safe }}
                  {#ok: tpl-a#}
                  {{ name }}
                  {{ x }} {# expect: tpl-c #}  (not alone on its line: ignored)
                </p>
                """));
        assertEquals(List.of(new Expectation(true, "tpl-a", 5, 2), new Expectation(true, "tpl-b", 5, 2),
                new Expectation(false, "tpl-a", 7, 6)), parsed);
    }

    @Test
    void aMarkerWithoutCodeAfterItIsBadInput() {
        EvalInputException e = assertThrows(EvalInputException.class,
                () -> InlineExpectations.parse(source("x = 1\n# expect: py-a\n\n# end\n")));
        assertEquals("a.py:2: marker has no code line after it", e.getMessage());
    }

    @Test
    void readsTheReviewedFilesOfAScan() throws Exception {
        Path marked = Files.writeString(dir.resolve("marked.py"), "# ok: py-a\nx = 1\n");
        Path plain = Files.writeString(dir.resolve("plain.py"), "x = 1\n");
        String shown = marked.toString().replace('\\', '/');
        Map<String, List<Expectation>> read = InlineExpectations.read(List.of(
                Findings.file(shown), Findings.file(plain.toString().replace('\\', '/'))));
        assertEquals(Map.of(shown, List.of(new Expectation(false, "py-a", 2, 1))), read);
    }

    @Test
    void aTreeWithoutMarkersIsNotASuite() throws Exception {
        Path plain = Files.writeString(dir.resolve("plain.py"), "x = 1\n");
        List<FileReport> files = List.of(Findings.file(plain.toString()));
        assertEquals("no '# expect:' or '# ok:' (or '// expect:' or '// ok:') markers in the reviewed files",
                assertThrows(EvalInputException.class, () -> InlineExpectations.read(files)).getMessage());
    }
}
