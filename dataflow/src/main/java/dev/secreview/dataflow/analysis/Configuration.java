package dev.secreview.dataflow.analysis;

import dev.secreview.core.model.TextRange;

import java.util.ArrayList;
import java.util.List;

/**
 * Where an object was configured: the unknown method calls made on it ({@code parser.setFeature(...)}).
 * A rule may report a dangerous configuration there; whether it matters depends on the data the
 * object later meets at a sink, so the sink's verdict is recorded at those lines too. Kept as a
 * hidden attribute of the object's value, so it follows the object through assignments and joins.
 */
final class Configuration {
    private static final String ATTRIBUTE = "#configured-at";
    /** An object configured in more places than this is not tracked further. */
    private static final int MAX_LINES = 8;

    private Configuration() {
    }

    static Value configuredAt(Value object, TextRange range) {
        List<TextRange> lines = new ArrayList<>(lines(object));
        if (lines.contains(range) || lines.size() >= MAX_LINES) return object;
        lines.add(range);
        return object.withAttribute(ATTRIBUTE, new Value(List.copyOf(lines), false, Taint.NONE, null, null, null, null));
    }

    @SuppressWarnings("unchecked")
    static List<TextRange> lines(Value object) {
        if (object.attributes() == null) return List.of();
        Value recorded = object.attributes().get(ATTRIBUTE);
        return recorded != null && recorded.constant() instanceof List<?> lines ? (List<TextRange>) lines : List.of();
    }
}
