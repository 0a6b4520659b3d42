package dev.secreview.change;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The files a change touches, with renames and the lines it added or modified. */
public final class Change {
    private final List<ChangedFile> files;
    private final Map<String, ChangedFile> byNewPath = new HashMap<>();
    private final Map<String, String> renamed = new HashMap<>();

    public Change(List<ChangedFile> files) {
        this.files = List.copyOf(files);
        for (ChangedFile file : files) {
            if (file.newPath() != null) byNewPath.put(file.newPath(), file);
            if (file.oldPath() != null && file.newPath() != null && !file.oldPath().equals(file.newPath())) {
                renamed.put(file.oldPath(), file.newPath());
            }
        }
    }

    public List<ChangedFile> files() {
        return files;
    }

    /** Where a file of the old version is in the new one (itself unless the change renamed it). */
    public String newPathOf(String oldPath) {
        return renamed.getOrDefault(oldPath, oldPath);
    }

    public boolean touchesFile(String newPath) {
        return byNewPath.containsKey(newPath);
    }

    public boolean touches(String newPath, int line) {
        return touches(newPath, line, line);
    }

    /** Whether the change added or modified any line from {@code first} to {@code last} of the file. */
    public boolean touches(String newPath, int first, int last) {
        ChangedFile file = byNewPath.get(newPath);
        if (file == null) return false;
        for (int line = first; line <= last; line++) {
            if (file.touches(line)) return true;
        }
        return false;
    }

    public int changedLineCount() {
        return files.stream().mapToInt(ChangedFile::changedLineCount).sum();
    }
}
