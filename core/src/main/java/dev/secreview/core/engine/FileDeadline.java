package dev.secreview.core.engine;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The time one file's analysis may take. The {@link Scanner} sets it around a front end's {@code analyze};
 * front ends call {@link #check()} in their long loops (every few thousand nodes), so that a pathological
 * file (millions of tokens on one line) is given up and reported instead of holding up the whole review.
 * Cooperative: a check is a thread-local read and a clock read.
 */
public final class FileDeadline {

    private static final ThreadLocal<long[]> DEADLINE = new ThreadLocal<>();

    /** Thrown by {@link #check()} when the time is up. An {@link Error}, so that no handler meant for a bug in one rule swallows it. */
    public static final class Exceeded extends Error {
        Exceeded() {
            super("the file's analysis ran out of time", null, false, false);
        }
    }

    private FileDeadline() {
    }

    /** Runs {@code work} on this thread with {@code limit} to do it in; no limit when {@code limit} is null or zero. */
    public static <T> T within(Duration limit, Supplier<T> work) {
        if (limit == null || limit.isZero()) return work.get();
        long[] previous = DEADLINE.get();
        DEADLINE.set(new long[] {System.nanoTime() + limit.toNanos()});
        try {
            return work.get();
        } finally {
            if (previous == null) DEADLINE.remove();
            else DEADLINE.set(previous);
        }
    }

    /** Throws {@link Exceeded} when the current file's time is up; nothing outside {@link #within}. */
    public static void check() {
        long[] deadline = DEADLINE.get();
        if (deadline != null && System.nanoTime() - deadline[0] > 0) throw new Exceeded();
    }
}
