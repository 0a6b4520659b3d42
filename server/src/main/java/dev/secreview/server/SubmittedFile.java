package dev.secreview.server;

/** One file of a request: its path inside the upload (checked by {@link UploadPath}) and its bytes, undecoded. */
record SubmittedFile(String path, byte[] content) {
}
