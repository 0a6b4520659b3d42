package dev.secreview.python.tree;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.File;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The differential over large trees, run on demand only (minutes of work):
 * <pre>
 * mvn -o -q -pl python -am test -DskipSpark -Dtest=CorpusDifferentialTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dsecreview.differential=/usr/lib/python3.11:/usr/lib/python3:/work/trees/nova
 * </pre>
 * Prints each difference and each file the hand-written parser leaves to tree-sitter, with whether CPython's
 * {@code ast.parse} accepts it, and fails on any difference.
 */
@EnabledIfSystemProperty(named = "secreview.differential", matches = ".+")
class CorpusDifferentialTest {

    @Test
    void treesAreIdenticalOnEveryFileTheHandWrittenParserAccepts() throws Exception {
        int different = 0;
        for (String root : System.getProperty("secreview.differential").split(File.pathSeparator)) {
            different += ParserDifferential.run(Path.of(root), System.out).different();
        }
        assertEquals(0, different, "files whose trees differ");
    }
}
