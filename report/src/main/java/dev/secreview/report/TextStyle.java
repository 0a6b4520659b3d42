package dev.secreview.report;

import java.util.ArrayList;
import java.util.List;

/**
 * How the text review is laid out for its reader: in colour or not, and wrapped to a terminal's width
 * ({@code width} 0: never wrapped). {@link #PLAIN} is what files and pipes get: not one escape code, each
 * line as long as it is.
 */
public record TextStyle(boolean color, int width) {

    public static final TextStyle PLAIN = new TextStyle(false, 0);

    /** Narrower than this, wrapping would leave a column of fragments: the line is left whole. */
    private static final int MIN_ROOM = 20;

    public TextStyle {
        if (width < 0) throw new IllegalArgumentException("width must be 0 (no wrapping) or positive: " + width);
    }

    /** The effects the review uses, as ANSI SGR parameters. */
    enum Paint {
        BOLD("1"), DIM("2"), RED("1;31"), YELLOW("1;33"), CYAN("1;36"), GREEN("32");

        private final String sgr;

        Paint(String sgr) {
            this.sgr = sgr;
        }
    }

    String paint(Paint paint, String text) {
        return color && !text.isEmpty() ? "\u001b[" + paint.sgr + "m" + text + "\u001b[0m" : text;
    }

    /**
     * {@code text} cut into pieces that fit beside a prefix of {@code prefixLength} columns: prose at the
     * last space that fits, code (which has no good break) wherever the line is full. One piece when the
     * style does not wrap.
     */
    List<String> wrap(String text, int prefixLength, boolean prose) {
        int room = width - prefixLength;
        if (width == 0 || room < MIN_ROOM) return List.of(text);
        List<String> pieces = new ArrayList<>();
        String rest = text;
        while (rest.codePointCount(0, rest.length()) > room) {
            int limit = rest.offsetByCodePoints(0, room);
            int space = prose ? rest.lastIndexOf(' ', limit) : -1;
            int cut = space > 0 ? space : limit;
            pieces.add(rest.substring(0, cut).stripTrailing());
            rest = space > 0 ? rest.substring(cut).stripLeading() : rest.substring(cut);
        }
        pieces.add(rest);
        return pieces;
    }
}
