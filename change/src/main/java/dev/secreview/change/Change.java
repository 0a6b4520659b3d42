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
        ChangedFile file = byNewPath.get(newPath);
        return file != null && file.touches(line);
    }

    public int changedLineCount() {
        return files.stream().mapToInt(ChangedFile::changedLineCount).sum();
    }
}
