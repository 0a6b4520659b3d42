package dev.secreview.python.rules.files;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.python.rules.RuleCheck;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageOpenAnyFormatRuleTest {

    @Test
    void anUploadOpenedWithEveryDecoderIsReportedWithWhatItReaches() {
        Finding f = RuleCheck.only(new ImageOpenAnyFormatRule(), "media/thumbnailer.py", """
                from PIL import Image

                def thumbnail(path):
                    return Image.open(path).resize((64, 64))
                """);
        assertEquals("py-image-open-any-format", f.rule().id());
        assertEquals(4, f.line());
        assertEquals(434, f.cwe());
        assertEquals(Severity.MEDIUM, f.severity());
        assertEquals(Confidence.MEDIUM, f.confidence());
        assertTrue(f.message().contains("lets Pillow pick the decoder from the bytes of `path`"), f.message());
        assertTrue(f.message().contains("EPS, which Pillow hands to Ghostscript"), f.message());
    }
}
