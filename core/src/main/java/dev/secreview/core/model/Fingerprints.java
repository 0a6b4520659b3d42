package dev.secreview.core.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Line-independent identities of findings, so that a finding is recognised after the code around it moved, its
 * block was re-indented or its file renamed: the rule and the code of the finding with its whitespace collapsed,
 * and for a dataflow finding also the code where the data entered (two sources reaching one sink are two defects).
 */
public final class Fingerprints {

    private Fingerprints() {
    }

    /** The identity of a finding's code, independent of its path and line. */
    public static String code(Finding finding) {
        StringBuilder key = new StringBuilder(finding.rule().id()).append('\0').append(normalised(finding.snippet()));
        if (!finding.flow().isEmpty()) key.append('\0').append(normalised(finding.flow().get(0).snippet()));
        return sha256(key.toString()).substring(0, 32);
    }

    /** Code with its surrounding whitespace dropped and its inner runs of whitespace collapsed to one space. */
    public static String normalised(String code) {
        return code.strip().replaceAll("\\s+", " ");
    }

    /** The SHA-256 of a text's UTF-8 bytes, in lower-case hex. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
