package dev.secreview.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;

/** A request's JSON object and its string members; anything else is a 400 that says what was expected. */
final class JsonBody {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonBody() {
    }

    static JsonNode object(byte[] body, String expected) {
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (IOException e) {
            throw ApiError.badRequest("the body is not JSON (expected " + expected + ")");
        }
        if (request == null || !request.isObject()) throw ApiError.badRequest("the body must be a JSON object: " + expected);
        return request;
    }

    /** The string member, {@code otherwise} when it is missing or null. */
    static String text(JsonNode object, String member, String otherwise) {
        JsonNode value = object.get(member);
        if (value == null || value.isNull()) return otherwise;
        if (!value.isTextual()) throw ApiError.badRequest("'" + member + "' must be a string");
        return value.textValue();
    }
}
