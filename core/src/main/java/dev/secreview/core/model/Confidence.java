package dev.secreview.core.model;

import java.util.Locale;

/** How sure the analysis is that the finding is a real defect. Ordered from least to most certain. */
public enum Confidence {
    LOW, MEDIUM, HIGH;

    public boolean atLeast(Confidence threshold) {
        return compareTo(threshold) >= 0;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
