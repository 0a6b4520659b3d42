package dev.secreview.report;

import dev.secreview.core.cwe.CweCatalog;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The text review as a terminal shows it: in colour, wrapped to its width. */
class TextStyleTest {

    @Test
    void colourMarksTheFindingByItsSeverityAndItsOwnLinesOfCode() {
        String text = render(new TextStyle(true, 0));

        assertTrue(text.contains("\u001b[1;31m1. CWE-78: Improper Neutralization"), text);
        assertTrue(text.contains("\u001b[1m   > 12 | \u001b[0m\u001b[1m    subprocess.run(cmd, shell=True)\u001b[0m\n"), text);
        assertTrue(text.contains("\u001b[2m     11 | \u001b[0m    cmd = 'ping -c 1 ' + host\n"), text);
        assertTrue(text.contains("\u001b[32mapp/util.py: No security defects are detected in the code.\u001b[0m\n"), text);
    }

    @Test
    void withoutColourTheSameReviewHasNoEscapeCode() {
        String coloured = render(new TextStyle(true, 0));
        String plain = render(TextStyle.PLAIN);

        assertFalse(plain.contains("\u001b"), plain);
        assertEquals(plain, coloured.replaceAll("\u001b\\[[0-9;]*m", ""));
    }

    @Test
    void proseWrapsUnderItsLabelAndCodeUnderItsGutter() {
        String text = render(new TextStyle(false, 40));

        assertTrue(text.contains("   Why: `cmd` is built from\n"
                + "        request.args['host'] and run\n"
                + "        through a shell.\n"), text);
        assertTrue(text.contains("   > 20 |     return pickle.loads(reques\n"
                + "        | t.data)\n"), text);
        assertTrue(text.contains("parse error: app/broken.py:3: syntax\n  error: unexpected `)`\n"), text);
        for (String line : text.split("\n")) {
            if (line.startsWith("   ")) assertTrue(line.length() <= 40, line);
        }
    }

    @Test
    void aLineTooNarrowToWrapUsefullyStaysWhole() {
        assertEquals(List.of("a b c d e f g h i j k l m n o p q r s t u v w x y z"),
                new TextStyle(false, 30).wrap("a b c d e f g h i j k l m n o p q r s t u v w x y z", 25, true));
    }

    private static String render(TextStyle style) {
        StringWriter out = new StringWriter();
        try {
            new TextReportWriter(CweCatalog.embedded(), style).write(Fixtures.report(), out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toString();
    }
}
