package dev.secreview.core.engine;

/**
 * Thrown by a front end when a file is over a budget of its own (its number of tokens): the {@link Scanner}
 * reports the file as too large, with this message, and the rest of the review goes on. Such a file is data
 * written as code (a generated table of millions of numbers), and its syntax tree alone would take gigabytes.
 */
public final class FileTooLarge extends RuntimeException {

    public FileTooLarge(String why) {
        super(why, null, false, false);
    }
}
