package dev.secreview.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Whether a standard stream is a terminal. Java 17 only answers for standard input and output together
 * ({@code System.console()} is null as soon as either is redirected), so on Linux the answer comes from
 * the device {@code /proc/self/fd/N} points to.
 */
final class Terminal {

    static final int STDOUT = 1;
    static final int STDERR = 2;

    private Terminal() {
    }

    static boolean isTerminal(int fd) {
        Path link = Path.of("/proc/self/fd/" + fd);
        if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) return System.console() != null; // no /proc: Java's guess
        return isTerminalDevice(link);
    }

    /** A pseudo-terminal ({@code /dev/pts/3}) or a terminal device ({@code /dev/tty1}); not a file, pipe or socket. */
    static boolean isTerminalDevice(Path link) {
        try {
            String device = Files.readSymbolicLink(link).toString();
            return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
