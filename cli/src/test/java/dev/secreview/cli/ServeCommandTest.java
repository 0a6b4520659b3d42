package dev.secreview.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** {@code secreview serve} refuses what it cannot serve on in one line (the server itself is tested in its module). */
class ServeCommandTest {

    @Test
    void aPortOutOfRangeIsAUsageError() {
        CliRun run = CliRun.run("serve", "--port", "70000").assertNoStackTrace();
        assertEquals(ExitCode.USAGE_OR_IO_ERROR, run.exitCode());
        assertEquals("secreview: error: --port must be between 0 and 65535", run.errLines().get(0), run.toString());
    }

    @Test
    void aPortInUseIsOneLine() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.run("serve", "--port", String.valueOf(taken.getLocalPort())).assertNoStackTrace();
            assertEquals(ExitCode.USAGE_OR_IO_ERROR, run.exitCode());
            assertEquals(1, run.errLines().size(), run.toString());
            assertTrue(run.errLines().get(0).startsWith("secreview: error: "), run.toString());
            assertTrue(run.errLines().get(0).contains(String.valueOf(taken.getLocalPort())), run.toString());
        }
    }

    @Test
    void theCommandIsListed() {
        assertTrue(CliRun.run("--help").out().contains("serve"));
    }
}
