package dev.secreview.core.model;

/**
 * Why a finding is not counted: the directive that silenced it and the line it stands on; line 0 for a
 * suppression recorded outside the code, such as a baseline file's ({@code baseline NAME}).
 */
public record Suppression(String directive, int line) implements java.io.Serializable {

    /** Whether a directive in the code itself ({@code # nosec}) silenced the finding. */
    public boolean inSource() {
        return line > 0;
    }
}
