package dev.secreview.core.engine;

import dev.secreview.core.model.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SourceReaderTest {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final SourceReader reader = new SourceReader();

    @TempDir
    Path dir;

    private SourceReader.Result read(byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve("mod.py"), bytes);
        return reader.read(file, "pkg/mod.py");
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    private static String text(SourceReader.Result result) {
        assertNull(result.problem(), () -> "unexpected problem: " + result.problem());
        assertNotNull(result.file());
        return result.file().text();
    }

    private static Diagnostic problem(SourceReader.Result result) {
        assertNull(result.file(), "expected the file to be skipped");
        assertNotNull(result.problem());
        assertEquals("pkg/mod.py", result.problem().path());
        assertEquals(0, result.problem().line(), "a whole-file problem has line 0");
        return result.problem();
    }

    // ---------------------------------------------------------------- UTF-8 and BOM

    @Test
    void readsUtf8() throws IOException {
        SourceReader.Result result = read(utf8("name = 'caf\u00e9 \u2603 \uD83D\uDE00'\n"));

        assertEquals("name = 'caf\u00e9 \u2603 \uD83D\uDE00'\n", text(result));
        assertEquals("pkg/mod.py", result.file().displayPath());
        assertEquals(1, result.file().lineCount());
    }

    @Test
    void dropsALeadingBom() throws IOException {
        String text = text(read(concat(BOM, utf8("import os\nx = '\u00e9'\n"))));

        assertEquals("import os\nx = '\u00e9'\n", text);
    }

    @Test
    void bomThenCodingCookieIsHonoured() throws IOException {
        assertEquals("# coding: utf-8\nx = 1\n", text(read(concat(BOM, utf8("# coding: utf-8\nx = 1\n")))));
    }

    @Test
    void onlyALeadingBomIsDropped() throws IOException {
        String text = text(read(concat(utf8("x = '"), BOM, utf8("'\n"))));

        assertEquals("x = '\uFEFF'\n", text);
    }

    @Test
    void emptyFileIsEmptyText() throws IOException {
        SourceReader.Result result = read(new byte[0]);

        assertEquals("", text(result));
        assertEquals(0, result.file().lineCount());
    }

    @Test
    void bomOnlyFileIsEmptyText() throws IOException {
        assertEquals("", text(read(BOM)));
    }

    // ---------------------------------------------------------------- PEP 263

    @ParameterizedTest
    @ValueSource(strings = {
            "# -*- coding: latin-1 -*-",              // PEP 263's own example
            "# -*- coding: iso-8859-1 -*-",
            "# coding=iso-8859-1",
            "# vim: set fileencoding=iso-8859-1 :",
            "#coding:latin1",
            "# -*- coding: iso_8859_1 -*-",
            "# coding: cp1252"})
    void codingCookieOnLineOneSelectsTheCharset(String cookie) throws IOException {
        String text = text(read(latin1(cookie + "\nname = 'caf\u00e9'\n")));

        assertEquals(cookie + "\nname = 'caf\u00e9'\n", text);
    }

    @Test
    void codingCookieOnLineTwoAfterAShebang() throws IOException {
        String source = "#!/usr/bin/env python\n# -*- coding: iso-8859-15 -*-\ns = '\u20ac'\n";
        byte[] bytes = source.getBytes("ISO-8859-15");

        assertEquals(source, text(read(bytes)));
    }

    @Test
    void codingCookieOnLineTwoAfterABlankLine() throws IOException {
        assertEquals("\n# coding: iso-8859-1\ns = '\u00e9'\n", text(read(latin1("\n# coding: iso-8859-1\ns = '\u00e9'\n"))));
    }

    @Test
    void codingCookieOnLineTwoAfterCodeIsIgnored() throws IOException {
        Diagnostic problem = problem(read(latin1("x = 1\n# coding: iso-8859-1\ns = '\u00e9'\n")));

        assertEquals(Diagnostic.Kind.UNDECODABLE, problem.kind());
        assertEquals("not valid UTF-8 text (line 3)", problem.message());
    }

    @Test
    void codingCookieOnLineThreeIsIgnored() throws IOException {
        Diagnostic problem = problem(read(latin1("#!/usr/bin/env python\n#\n# coding: iso-8859-1\ns = '\u00e9'\n")));

        assertEquals("not valid UTF-8 text (line 4)", problem.message());
    }

    @Test
    void unknownCodingIsUndecodable() throws IOException {
        Diagnostic problem = problem(read(utf8("# coding: klingon-8\nx = 1\n")));

        assertEquals(Diagnostic.Kind.UNDECODABLE, problem.kind());
        assertEquals("unknown source encoding declared", problem.message());
    }

    // ---------------------------------------------------------------- binary and invalid text

    @Test
    void nulByteMeansBinary() throws IOException {
        Diagnostic problem = problem(read(concat(utf8("import os\n"), new byte[]{0, 1, 2, 3})));

        assertEquals(Diagnostic.Kind.BINARY, problem.kind());
        assertEquals("binary file (NUL byte at offset 10)", problem.message());
    }

    @Test
    void nulByteWinsOverACodingCookie() throws IOException {
        Diagnostic problem = problem(read(concat(utf8("# coding: latin-1\n"), new byte[]{'x', 0})));

        assertTrue(problem.message().startsWith("binary file"), problem.message());
    }

    @Test
    void invalidUtf8GivesTheLineOfTheFirstBadByte() throws IOException {
        byte[] bytes = concat(utf8("import os\n\n# caf\u00e9 is fine\n"), latin1("s = 'caf\u00e9'\n"), latin1("t = '\u00e9'\n"));

        Diagnostic problem = problem(read(bytes));

        assertEquals(Diagnostic.Kind.UNDECODABLE, problem.kind());
        assertEquals("not valid UTF-8 text (line 4)", problem.message());
        assertEquals("pkg/mod.py: not valid UTF-8 text (line 4)", problem.render());
    }

    @Test
    void invalidUtf8OnTheFirstLineAfterABom() throws IOException {
        Diagnostic problem = problem(read(concat(BOM, new byte[]{'x', '=', (byte) 0xC3, '\n'})));

        assertEquals("not valid UTF-8 text (line 1)", problem.message());
    }

    @Test
    void invalidUtf8OnTheLastLineWithoutNewline() throws IOException {
        Diagnostic problem = problem(read(concat(utf8("a = 1\r\nb = 2\r\n"), new byte[]{'c', (byte) 0xFF})));

        assertEquals("not valid UTF-8 text (line 3)", problem.message());
    }

    @Test
    void truncatedMultiByteSequenceIsInvalid() throws IOException {
        byte[] snowman = utf8("\u2603");
        Diagnostic problem = problem(read(concat(utf8("a = 1\ns = '"), Arrays.copyOf(snowman, 2), utf8("'\n"))));

        assertEquals("not valid UTF-8 text (line 2)", problem.message());
    }

    @Test
    void utf8EncodedSurrogatesAreInvalid() throws IOException {
        Diagnostic problem = problem(read(new byte[]{'s', '=', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '\n'}));

        assertEquals("not valid UTF-8 text (line 1)", problem.message());
    }

    // ---------------------------------------------------------------- size and access

    @Test
    void fiveMegabytesIsReadNotSkipped() throws IOException {
        StringBuilder source = new StringBuilder(5 * 1024 * 1024 + 100);
        int lines = 0;
        while (source.length() < 5 * 1024 * 1024) {
            source.append("VALUE_").append(lines).append(" = '").append("x".repeat(90)).append("'\n");
            lines++;
        }
        byte[] bytes = utf8(source.toString());
        assertTrue(bytes.length >= 5 * 1024 * 1024 && bytes.length < SourceReader.DEFAULT_MAX_BYTES);

        SourceReader.Result result = assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> read(bytes));

        assertEquals(source.length(), text(result).length());
        assertEquals(lines, result.file().lineCount());
    }

    @Test
    void fileAtTheLimitIsRead() throws IOException {
        Path file = dir.resolve("limit.py");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(SourceReader.DEFAULT_MAX_BYTES);
        }
        // All zero bytes: read (size is fine), then rejected as binary, not as too large.
        SourceReader.Result result = reader.read(file, "limit.py");

        assertTrue(result.problem().message().startsWith("binary file"), result.problem().message());
    }

    @Test
    void fileOverTheLimitIsTooLargeAndNotRead() throws IOException {
        Path file = dir.resolve("huge.py");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(SourceReader.DEFAULT_MAX_BYTES + 1);   // sparse: costs no disk
        }

        SourceReader.Result result = reader.read(file, "huge.py");

        assertNull(result.file());
        assertEquals(Diagnostic.Kind.TOO_LARGE, result.problem().kind());
        assertEquals("file is 8000001 bytes, over the limit of 8000000 (--max-file-size)", result.problem().message());
    }

    @Test
    void theLimitIsTheScansToSetAndZeroLiftsIt() throws IOException {
        Path file = dir.resolve("data.py");
        Files.writeString(file, "x = [" + "1, ".repeat(100) + "]\n");

        assertEquals(Diagnostic.Kind.TOO_LARGE, reader.read(file, "data.py", "data.py", 100).problem().kind());
        assertEquals(307, reader.read(file, "data.py", "data.py", 0).file().text().length());
    }

    @Test
    void missingFileIsNotFound() {
        SourceReader.Result result = reader.read(dir.resolve("gone.py"), "gone.py");

        assertNull(result.file());
        assertEquals(Diagnostic.Kind.NOT_FOUND, result.problem().kind());
        assertEquals("no such file or directory", result.problem().message());
    }

    @Test
    void directoryIsNotSourceNotACrash() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("pkg.py"));

        SourceReader.Result result = reader.read(sub, "pkg.py");

        assertNull(result.file());
        assertEquals(Diagnostic.Kind.NOT_SOURCE, result.problem().kind());
        assertEquals("not a regular file", result.problem().message());
    }

    @Test
    void unreadableFileIsReportedAsPermissionDenied() throws IOException {
        Path file = Files.writeString(dir.resolve("locked.py"), "x = 1\n");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        } catch (UnsupportedOperationException e) {
            assumeTrue(false, "no POSIX permissions on this file system");
        }
        try {
            assumeFalse(Files.isReadable(file), "running as root: chmod 000 does not stop reading");

            SourceReader.Result result = reader.read(file, "locked.py");

            assertNull(result.file());
            assertEquals(Diagnostic.Kind.UNREADABLE, result.problem().kind());
            assertEquals("cannot read file: permission denied", result.problem().message());
        } finally {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    // ---------------------------------------------------------------- line index

    @Test
    void lineIndexCountsEveryKindOfLineEnd() throws IOException {
        SourceReader.Result result = read(utf8("a = 1\r\nb = 2\rc = 3\nd = 4"));

        assertEquals(4, result.file().lineCount());
        assertEquals("a = 1", result.file().line(1));
        assertEquals("b = 2", result.file().line(2));
        assertEquals("c = 3", result.file().line(3));
        assertEquals("d = 4", result.file().line(4));
        assertEquals("", result.file().line(5));
    }
}
