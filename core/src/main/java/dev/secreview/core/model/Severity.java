package dev.secreview.core.model;

import java.util.Locale;

/** How much harm a defect can do if it is real. Ordered from least to most severe. */
public enum Severity {
    LOW, MEDIUM, HIGH;

    public boolean atLeast(Severity threshold) {
        return compareTo(threshold) >= 0;
    }

    /** One step less severe (LOW stays LOW). */
    public Severity lowered() {
        return this == LOW ? LOW : values()[ordinal() - 1];
    }

    /** One step more severe (HIGH stays HIGH). */
    public Severity raised() {
        return this == HIGH ? HIGH : values()[ordinal() + 1];
    }

    /**
     * The severity the evidence supports: {@code high} means a reviewer would block the change, which a
     * finding of low confidence (its data unknown, its evidence only a name) cannot claim, so it is at
     * most {@code medium}.
     */
    public Severity supportedBy(Confidence confidence) {
        return confidence == Confidence.LOW && this == HIGH ? MEDIUM : this;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
