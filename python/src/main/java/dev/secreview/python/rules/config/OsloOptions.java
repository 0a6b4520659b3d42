package dev.secreview.python.rules.config;

import dev.secreview.python.semantic.StringLiteral;
import dev.secreview.python.semantic.Values;
import dev.secreview.python.tree.PyNode;

import java.util.Locale;
import java.util.Optional;

/** What the rules read from an {@code oslo.config} option declaration ({@code cfg.StrOpt(...)}). */
public final class OsloOptions {
    private OsloOptions() {
    }

    /**
     * The literal text of a {@code help=} argument, lower-cased, also when wrapped in {@code _()} or a
     * formatting call; empty when there is none.
     */
    public static String helpText(PyNode help, Values values) {
        if (help == null) return "";
        Optional<String> folded = values.string(help);
        if (folded.isPresent()) return folded.get().toLowerCase(Locale.ROOT);
        StringBuilder text = new StringBuilder();
        help.forEachDescendant(node -> {
            if (node.is("string")) text.append(StringLiteral.value(node)).append(' ');
        });
        return text.toString().toLowerCase(Locale.ROOT);
    }
}
