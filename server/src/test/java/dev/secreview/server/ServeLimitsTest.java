package dev.secreview.server;

import static dev.secreview.server.Samples.COMMAND_INJECTION;
import static dev.secreview.server.Samples.oneFile;
import static dev.secreview.server.ServeApiTest.assertError;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

/** The limits that need a server of their own: a review's time bound and the total a zip may expand to. */
class ServeLimitsTest {

    @TempDir
    Path temporary;

    @Test
    void aReviewOverItsTimeIsA503() {
        // No review finishes in no time: the bound is reached whatever the machine's speed.
        ServeLimits limits = ServeLimits.DEFAULT.withReviewTimeout(Duration.ZERO);
        try (ReviewServer server = new ReviewServer("test", limits, temporary).start("127.0.0.1", 0)) {
            assertError(503, "the review did not finish within 0 s; send fewer or smaller files, or try again later",
                    new ServeClient(server.port()).postJson("/api/review", oneFile("a.py", COMMAND_INJECTION)));
        }
    }

    @Test
    void aZipThatExpandsPastTheTotalIsA413() {
        ServeLimits d = ServeLimits.DEFAULT;
        ServeLimits limits = new ServeLimits(d.maxRequestBytes(), d.maxFiles(), 1000, d.maxEntryRatio(), d.fileTimeout(),
                d.reviewTimeout(), 1);
        byte[] zip = Zips.of(Zips.entry("a.py", "x = 1\n".repeat(100)), Zips.entry("b.py", "y = 2\n".repeat(100)));
        try (ReviewServer server = new ReviewServer("test", limits, temporary).start("127.0.0.1", 0)) {
            assertError(413, "the zip expands to more than 1000 bytes",
                    new ServeClient(server.port()).postFile("/api/review", "two.zip", zip));
        }
    }
}
