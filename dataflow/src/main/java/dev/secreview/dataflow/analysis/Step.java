package dev.secreview.dataflow.analysis;

import dev.secreview.core.model.TextRange;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One step of a taint path, linked to the step before it: paths share their prefixes, so extending a
 * path is constant time. Compared by identity, which is what the fixpoint needs.
 */
public final class Step implements java.io.Serializable {
    /** Paths longer than this keep their first steps and their latest one: where data enters and where it ends. */
    static final int MAX_LENGTH = 24;

    private final String path;
    private final TextRange range;
    private final String note;
    private final Step previous;
    private final int length;

    private Step(String path, TextRange range, String note, Step previous) {
        this.path = path;
        this.range = range;
        this.note = note;
        this.previous = previous;
        this.length = previous == null ? 1 : previous.length + 1;
    }

    public static Step first(String path, TextRange range, String note) {
        return new Step(path, range, note, null);
    }

    /** This path extended by one step; at full length the new step replaces the latest one. */
    public Step then(String path, TextRange range, String note) {
        if (this.range.equals(range) && this.path.equals(path) && this.note.equals(note)) return this;
        if (length >= MAX_LENGTH && previous != null) return new Step(path, range, note, previous);
        return new Step(path, range, note, this);
    }

    /** This path followed by all of {@code tail}'s steps (a callee's path, re-rooted in its caller). */
    public Step thenAll(Step tail) {
        Step result = this;
        for (Step step : tail.steps()) result = result.then(step.path, step.range, step.note);
        return result;
    }

    /** Whether the two paths have the same steps (the same files, ranges and notes, in the same order). */
    static boolean sameSteps(Step a, Step b) {
        for (; a != b; a = a.previous, b = b.previous) {
            if (a == null || b == null || a.length != b.length || !a.range.equals(b.range) || !a.path.equals(b.path)
                    || !a.note.equals(b.note)) {
                return false;
            }
        }
        return true;
    }

    /** Whether this is where the path begins. */
    public boolean isStart() {
        return previous == null;
    }

    public String path() {
        return path;
    }

    public TextRange range() {
        return range;
    }

    public String note() {
        return note;
    }

    /** The steps from the first to this one. */
    public List<Step> steps() {
        List<Step> steps = new ArrayList<>(length);
        for (Step s = this; s != null; s = s.previous) steps.add(s);
        Collections.reverse(steps);
        return steps;
    }
}
