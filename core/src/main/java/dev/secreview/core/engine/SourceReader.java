package dev.secreview.core.engine;

import dev.secreview.core.model.Diagnostic;
import dev.secreview.core.model.SourceFile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a file as text the way the interpreter would: UTF-8 unless a PEP 263 coding declaration on
 * one of the first two lines says otherwise, a leading BOM dropped. Missing, unreadable, binary, undecodable
 * and oversized files come back as a one-line diagnostic of that kind instead of a source file.
 */
public final class SourceReader {

    /**
     * Larger files are not reviewed unless the scan says otherwise: five times the largest hand-written file of the
     * reference trees (a test module of Nova, 1.5 MB), room for generated resource modules of a few megabytes, whose
     * long lines of data are cheap to review; beyond it lies generated data whose syntax tree alone takes gigabytes.
     */
    public static final long DEFAULT_MAX_BYTES = 8_000_000;

    /** The one wording of a path that is not there, wherever it is noticed. */
    public static final String NO_SUCH_FILE = "no such file or directory";

    private static final Pattern CODING = Pattern.compile("^[ \\t\\f]*#.*?coding[:=][ \\t]*([-\\w.]+)");

    /** Either the decoded file or the reason it could not be read. */
    public record Result(SourceFile file, Diagnostic problem) {
    }

    public Result read(Path path, String displayPath) {
        return read(path, displayPath, displayPath);
    }

    public Result read(Path path, String displayPath, String projectPath) {
        return read(path, displayPath, projectPath, DEFAULT_MAX_BYTES);
    }

    /** The file, unless it is larger than {@code maxBytes} (zero: no limit). */
    public Result read(Path path, String displayPath, String projectPath, long maxBytes) {
        byte[] bytes;
        try {
            if (!Files.isRegularFile(path)) {
                return Files.exists(path) ? problem(Diagnostic.Kind.NOT_SOURCE, displayPath, "not a regular file")
                        : problem(Diagnostic.Kind.NOT_FOUND, displayPath, NO_SUCH_FILE);
            }
            long size = Files.size(path);
            if (maxBytes > 0 && size > maxBytes) {
                return problem(Diagnostic.Kind.TOO_LARGE, displayPath,
                        "file is " + size + " bytes, over the limit of " + maxBytes + " (--max-file-size)");
            }
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return problem(Diagnostic.Kind.NOT_FOUND, displayPath, NO_SUCH_FILE);
        } catch (AccessDeniedException e) {
            return problem(Diagnostic.Kind.UNREADABLE, displayPath, "cannot read file: permission denied");
        } catch (IOException | SecurityException e) {
            return problem(Diagnostic.Kind.UNREADABLE, displayPath, "cannot read file: " + e.getMessage());
        }
        int nul = indexOfNul(bytes);
        if (nul >= 0) {
            return problem(Diagnostic.Kind.BINARY, displayPath, "binary file (NUL byte at offset " + nul + ")");
        }
        int start = hasUtf8Bom(bytes) ? 3 : 0;
        Charset charset = declaredCharset(bytes, start);
        if (charset == null) {
            return problem(Diagnostic.Kind.UNDECODABLE, displayPath, "unknown source encoding declared");
        }
        try {
            CharsetDecoder decoder = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            String text = decoder.decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
            return new Result(new SourceFile(path, displayPath, projectPath, text), null);
        } catch (CharacterCodingException e) {
            return problem(Diagnostic.Kind.UNDECODABLE, displayPath, "not valid " + charset.name()
                    + " text (line " + lineOfFirstBadByte(bytes, start, charset) + ")");
        }
    }

    private static Result problem(Diagnostic.Kind kind, String path, String message) {
        return new Result(null, new Diagnostic(kind, path, 0, message));
    }

    private static int indexOfNul(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) return i;
        }
        return -1;
    }

    private static boolean hasUtf8Bom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    }

    /** The charset of a PEP 263 declaration on line 1 or 2, UTF-8 if there is none, null if unknown. */
    private static Charset declaredCharset(byte[] bytes, int start) {
        int lineStart = start;
        for (int lineNo = 0; lineNo < 2 && lineStart < bytes.length; lineNo++) {
            int end = lineStart;
            while (end < bytes.length && bytes[end] != '\n') end++;
            String line = new String(bytes, lineStart, end - lineStart, StandardCharsets.ISO_8859_1);
            Matcher m = CODING.matcher(line);
            if (m.find()) {
                return charsetNamed(m.group(1));
            }
            if (!line.isBlank() && !line.stripLeading().startsWith("#")) break;
            lineStart = end + 1;
        }
        return StandardCharsets.UTF_8;
    }

    /** A PEP 263 encoding name as CPython normalises it ({@code latin-1}, {@code utf-8-unix}, ...), or null. */
    static Charset charsetNamed(String declared) {
        String name = declared.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        if (name.equals("utf-8") || name.startsWith("utf-8-") || name.equals("utf8")) return StandardCharsets.UTF_8;
        if (name.matches("(latin-1|iso-8859-1|iso-latin-1)(-.*)?")) return StandardCharsets.ISO_8859_1;
        for (String candidate : new String[]{name, name.replace("-", "")}) {
            try {
                return Charset.forName(candidate);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                // try the next spelling
            }
        }
        return null;
    }

    private static int lineOfFirstBadByte(byte[] bytes, int start, Charset charset) {
        int line = 1;
        int lineStart = start;
        for (int i = start; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes, lineStart, i - lineStart));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                lineStart = i + 1;
            }
        }
        return line;
    }
}
