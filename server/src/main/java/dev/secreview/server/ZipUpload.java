package dev.secreview.server;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The files of an uploaded zip, read in memory from its central directory. Refused whole (nothing of it is
 * written): an entry whose path leaves the upload ({@code ../x}, absolute) or that is a symbolic link (400), more
 * files than the limit (400), and a zip bomb (413): more bytes in all than the limit, or an entry that expands
 * more than the limit's ratio. Sizes are counted while inflating, never taken from the headers, which can lie.
 */
final class ZipUpload {

    private final ServeLimits limits;

    ZipUpload(ServeLimits limits) {
        this.limits = limits;
    }

    List<SubmittedFile> read(byte[] zip, String uploadName) {
        List<SubmittedFile> files = new ArrayList<>();
        try (ZipFile archive = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get()) {
            long total = 0;
            for (ZipArchiveEntry entry : Collections.list(archive.getEntriesInPhysicalOrder())) {
                String what = "zip entry";
                String path = UploadPath.check(entry.getName(), what);
                if (entry.isUnixSymlink()) throw ApiError.badRequest(what + " '" + path + "' is a symbolic link");
                if (entry.isDirectory()) continue;
                if (files.size() == limits.maxFiles()) {
                    throw ApiError.badRequest(uploadName + " has more than " + limits.maxFiles() + " files");
                }
                if (!archive.canReadEntryData(entry)) {
                    throw ApiError.badRequest(what + " '" + path + "' uses a compression this server cannot read");
                }
                byte[] content = inflate(archive, entry, path, limits.maxUnzippedBytes() - total);
                total += content.length;
                files.add(new SubmittedFile(path, content));
            }
        } catch (IOException e) {
            throw ApiError.badRequest(uploadName + " is not a readable zip: " + e.getMessage());
        }
        return files;
    }

    /** The entry's bytes, stopping as soon as it passes {@code budget} or its ratio limit. */
    private byte[] inflate(ZipFile archive, ZipArchiveEntry entry, String path, long budget) throws IOException {
        long ratioBound = Math.max(entry.getCompressedSize(), 1) * limits.maxEntryRatio();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = archive.getInputStream(entry)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                if (out.size() > budget) {
                    throw ApiError.tooLarge("the zip expands to more than " + limits.maxUnzippedBytes() + " bytes");
                }
                // Small files compress little; the ratio only says "bomb" once an entry is more than a few blocks.
                if (out.size() > ratioBound && out.size() > 64 * 1024) {
                    throw ApiError.tooLarge("zip entry '" + path + "' expands more than " + limits.maxEntryRatio()
                            + " times its compressed size");
                }
            }
        }
        return out.toByteArray();
    }
}
