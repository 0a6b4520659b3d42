package dev.secreview.llm;

/** Whole lines {@code firstLine..lastLine} of a file, each prefixed with its number in the file. */
record CodeChunk(int firstLine, int lastLine, String numberedCode) {
}
