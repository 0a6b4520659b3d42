package dev.secreview.server;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Zip files for the upload tests, hostile ones included (names a careful archiver would refuse to write). */
final class Zips {

    record Entry(String name, String content, boolean symlink) {
    }

    private Zips() {
    }

    static Entry entry(String name, String content) {
        return new Entry(name, content, false);
    }

    static Entry symlink(String name, String target) {
        return new Entry(name, target, true);
    }

    static byte[] of(Entry... entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            for (Entry entry : entries) {
                ZipArchiveEntry zipEntry = new ZipArchiveEntry(entry.name());
                if (entry.symlink()) zipEntry.setUnixMode(0120777);
                zip.putArchiveEntry(zipEntry);
                zip.write(entry.content().getBytes(StandardCharsets.UTF_8));
                zip.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
