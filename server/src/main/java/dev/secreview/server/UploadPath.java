package dev.secreview.server;

import java.util.ArrayList;
import java.util.List;

/**
 * A path a client names for an uploaded file, made safe to resolve under the request's temporary folder: relative,
 * with '/' separators, no '..', no drive, no control characters. A name that is not is refused naming it, never
 * repaired into another one.
 */
final class UploadPath {

    private static final int MAX_LENGTH = 1024;

    private UploadPath() {
    }

    /** The normalised relative path of {@code name}; {@code what} says where it came from in the error. */
    static String check(String name, String what) {
        if (name == null || name.isBlank()) throw ApiError.badRequest(what + " has no path");
        String shown = "'" + printable(name) + "'";
        if (name.length() > MAX_LENGTH) throw ApiError.badRequest(what + " " + shown + ": the path is too long");
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw ApiError.badRequest(what + " " + shown + ": the path has control characters");
        }
        String slashes = name.replace('\\', '/');
        if (slashes.startsWith("/") || slashes.matches("^[A-Za-z]:.*")) {
            throw ApiError.badRequest(what + " " + shown + ": an absolute path");
        }
        List<String> parts = new ArrayList<>();
        for (String part : slashes.split("/")) {
            if (part.equals("..")) throw ApiError.badRequest(what + " " + shown + ": a path with '..'");
            if (!part.isEmpty() && !part.equals(".")) parts.add(part);
        }
        if (parts.isEmpty()) throw ApiError.badRequest(what + " " + shown + " names no file");
        return String.join("/", parts);
    }

    /** The name as an error message can show it: control characters as \\uXXXX. */
    private static String printable(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().limit(200).forEach(c -> {
            if (c < 0x20 || c == 0x7f) out.append(String.format("\\u%04x", c));
            else out.appendCodePoint(c);
        });
        return out.toString();
    }
}
