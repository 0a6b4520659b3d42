package dev.secreview.cli;

import dev.secreview.core.engine.ScanListener;
import dev.secreview.core.model.FileReport;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;

/** A one-line progress counter on standard error, redrawn at most ten times a second, then the whole-tree phase. */
final class Progress implements ScanListener {
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final AtomicInteger done = new AtomicInteger();
    private volatile int total;
    private volatile long lastDrawn;

    Progress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void started(int totalFiles) {
        total = totalFiles;
    }

    @Override
    public void fileDone(FileReport report) {
        int n = done.incrementAndGet();
        long now = System.nanoTime();
        if (n == total || now - lastDrawn > REDRAW_NANOS) {
            lastDrawn = now;
            synchronized (err) {
                err.print("\rReviewed " + n + "/" + total + " files" + (n == total ? "\n" : ""));
                err.flush();
            }
        }
    }

    @Override
    public void treeReviewStarted(int files) {
        synchronized (err) {
            err.println("Analysing dataflow across " + files + (files == 1 ? " file..." : " files..."));
            err.flush();
        }
    }
}
