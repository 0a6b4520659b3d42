package dev.secreview.core.engine;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FileDeadlineTest {

    @Test
    void aCheckPastTheDeadlineThrows() {
        // A deadline of one nanosecond is past by the time the work checks it.
        assertThrows(FileDeadline.Exceeded.class, () -> FileDeadline.within(Duration.ofNanos(1), () -> {
            spinPast(Duration.ofNanos(1));
            FileDeadline.check();
            return null;
        }));
    }

    @Test
    void workWithinItsTimeReturnsItsResult() {
        assertEquals("done", FileDeadline.within(Duration.ofDays(1), () -> {
            FileDeadline.check();
            return "done";
        }));
    }

    @Test
    void noDeadlineOutsideWithinOrWhenTheLimitIsZero() {
        assertDoesNotThrow(FileDeadline::check);
        assertEquals(1, FileDeadline.within(Duration.ZERO, () -> {
            FileDeadline.check();
            return 1;
        }));
        // The deadline of a file does not outlive it.
        assertThrows(FileDeadline.Exceeded.class, () -> FileDeadline.within(Duration.ofNanos(1), () -> {
            spinPast(Duration.ofNanos(1));
            FileDeadline.check();
            return null;
        }));
        assertDoesNotThrow(FileDeadline::check);
    }

    private static void spinPast(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() - end <= 0) {
            Thread.onSpinWait();
        }
    }
}
