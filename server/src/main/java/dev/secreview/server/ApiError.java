package dev.secreview.server;

/** A request the server refuses, with the HTTP status and the one-line reason the client gets as {@code {"error": ...}}. */
final class ApiError extends RuntimeException {

    private final int status;

    ApiError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, message);
    }

    static ApiError tooLarge(String message) {
        return new ApiError(413, message);
    }

    static ApiError notFound(String message) {
        return new ApiError(404, message);
    }
}
