package dev.secreview.report;

/**
 * The lines a change under review added or modified, by repository path: what a review system lets a tool
 * comment on (GitHub refuses a whole review when one comment lies outside the pull request's diff).
 */
@FunctionalInterface
public interface ChangedLines {

    /** Not a change: every line may be commented on. */
    ChangedLines EVERY_LINE = (path, first, last) -> true;

    /** Whether the change added or modified a line from {@code first} to {@code last} of the file at {@code path}. */
    boolean touches(String path, int first, int last);
}
