package dev.secreview.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A stylesheet or script kept as a resource beside this class and written into the page, so the page
 * needs nothing but itself. {@link #hashSource()} names exactly this text in a Content-Security-Policy,
 * which then lets it run and nothing else: not a script an escaping mistake might let in.
 */
public record InlineAsset(String content) {

    public static InlineAsset load(String name) {
        try (InputStream in = InlineAsset.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            // A checkout with autocrlf may add CRs; the page and its hashes must not depend on it.
            return new InlineAsset(new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code 'sha256-…'}: the CSP source that allows an inline element with exactly this content. */
    public String hashSource() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
