package dev.secreview.change;

import java.util.BitSet;

/**
 * What a change did to one file: its path before ({@code null} when the change adds it) and after ({@code null}
 * when it deletes it), both relative to the repository or diff root, and the lines of the new version it added or
 * modified (1-based).
 */
public final class ChangedFile {
    private final String oldPath;
    private final String newPath;
    private final BitSet changedLines;

    public ChangedFile(String oldPath, String newPath, BitSet changedLines) {
        this.oldPath = oldPath;
        this.newPath = newPath;
        this.changedLines = (BitSet) changedLines.clone();
    }

    public String oldPath() {
        return oldPath;
    }

    public String newPath() {
        return newPath;
    }

    public boolean touches(int line) {
        return line >= 0 && changedLines.get(line);
    }

    public int changedLineCount() {
        return changedLines.cardinality();
    }
}
