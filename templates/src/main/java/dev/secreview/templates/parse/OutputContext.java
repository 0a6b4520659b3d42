package dev.secreview.templates.parse;

/**
 * Where in the page a template value lands, which decides the escaping it needs. {@code element} is the enclosing
 * tag's name (lower case), {@code attribute} the attribute whose value holds it (lower case; empty outside one),
 * {@code quote} that value's quote ({@code '"'}, {@code '\''}, or 0 when unquoted); {@code valueStart}: nothing but
 * blanks and template tags stands before it in that value, so it decides the URL's scheme;
 * {@code inJsString}: in JavaScript (a script block or an event-handler attribute), it stands inside a string literal.
 */
public record OutputContext(Place place, String element, String attribute, char quote, boolean valueStart,
                            boolean inJsString) {

    public enum Place {
        /** Element content (and the escaped text of {@code <textarea>}, {@code <title>}, HTML comments). */
        TEXT,
        /** The value of an attribute. */
        ATTRIBUTE_VALUE,
        /** Inside a start tag but not in a value: the value writes attributes ({@code <tr {{ attrs }}>}). */
        ATTRIBUTE_LIST,
        /** The JavaScript of a {@code <script>} block. */
        SCRIPT,
        /** The CSS of a {@code <style>} block. */
        STYLE
    }

    public static OutputContext text(String element) {
        return new OutputContext(Place.TEXT, element, "", (char) 0, false, false);
    }

    /** An event-handler attribute ({@code onclick}): its value is JavaScript. */
    public boolean inEventHandler() {
        return place == Place.ATTRIBUTE_VALUE && attribute.length() > 2 && attribute.startsWith("on");
    }

    /** A block or attribute whose text runs as JavaScript. */
    public boolean inJavaScript() {
        return place == Place.SCRIPT || inEventHandler();
    }
}
