package dev.secreview.audit;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A review in the LLM answer schema: a JSON array of {@code {cwe, line, code, explanation, fix}}, where
 * {@code cwe} is "CWE-89" or 89 and {@code line} is 42 or "10-12". The array may be wrapped in a
 * Markdown fence or in an object ({@code {"findings": [...]}}). Text that starts like JSON (an object,
 * or an array of objects, arrays or strings, or anything in a {@code ```json} fence) is JSON: if it does
 * not parse, or a finding is not an object, or a field has the wrong type or an impossible value, the
 * review is malformed. Fields outside the schema are ignored; a null or blank field is absent.
 */
final class JsonReview {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** Models often wrap the array in a Markdown fence even when told not to. */
    private static final Pattern FENCED = Pattern.compile("(?s)^\\s*```([a-zA-Z]*)[ \\t]*\\n?(.*?)\\s*```\\s*$");
    /** An object, or an array that is empty or starts with an object, array or string: "[HIGH] ..." is prose. */
    private static final Pattern LOOKS_LIKE_JSON = Pattern.compile("^(?:\\{|\\[\\s*(?:[\\[{\"\\]]|$))");
    private static final String FINDING = "{cwe, line, code, explanation, fix}";
    private static final String SCHEMA = "[" + FINDING + "]";

    private JsonReview() {
    }

    /** The claims, or empty when the text is not JSON (it is then read as Markdown). */
    static Optional<List<Claim>> parse(String review) {
        int start = review.length() - review.stripLeading().length();
        int end = review.stripTrailing().length();
        boolean declared = false;
        Matcher fenced = FENCED.matcher(review);
        if (fenced.matches()) {
            declared = fenced.group(1).equalsIgnoreCase("json");
            start = fenced.start(2);
            end = fenced.end(2);
        }
        String text = start < end ? review.substring(start, end) : "";
        if (!declared && !LOOKS_LIKE_JSON.matcher(text).find()) return Optional.empty();
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MalformedReviewException(syntaxProblem(e, review, start));
        }
        JsonNode findings = findingsOf(root);
        List<Claim> claims = new ArrayList<>();
        for (JsonNode finding : findings) {
            int index = claims.size() + 1;
            if (!finding.isObject()) {
                throw new MalformedReviewException("finding " + index + " is " + describe(finding) + ", not an object "
                        + FINDING);
            }
            claims.add(claim(index, finding));
        }
        return Optional.of(claims);
    }

    private static JsonNode findingsOf(JsonNode root) {
        if (root.isArray()) return root;
        if (root.isObject()) {
            if (root.has("cwe") || root.has("line") || root.has("code")) return JSON.createArrayNode().add(root);
            for (Iterator<JsonNode> values = root.elements(); values.hasNext(); ) {
                JsonNode value = values.next();
                if (value.isArray()) return value;
            }
        }
        throw new MalformedReviewException("no array of findings (expected " + SCHEMA + " or {\"findings\": " + SCHEMA + "})");
    }

    private static Claim claim(int index, JsonNode finding) {
        String cweField = text(index, finding, "cwe");
        CweMention cwe = cweField == null ? CweMention.NONE : cwe(index, "cwe", cweField);
        String pillarField = text(index, finding, "pillar");
        Integer pillar = pillarField == null ? null : cwe(index, "pillar", pillarField).cwe();
        List<LineSpan> lines = lines(index, finding);
        CodeMentions code = new CodeMentions();
        String quoted = text(index, finding, "code");
        if (quoted != null && quoted.contains("\n")) {
            code.addBlock(quoted);
        } else if (quoted != null) {
            code.addInline(quoted);
        }
        String explanation = text(index, finding, "explanation");
        if (explanation != null) ClaimReader.collectQuotes(explanation, code);
        String fix = text(index, finding, "fix");
        String claimText = explanation != null ? explanation : quoted != null ? quoted : "";
        return new Claim(index, claimText, cwe.cwe(), cwe.name(), pillar, lines, code.fragments(), code.identifiers(),
                explanation, fix);
    }

    private static CweMention cwe(int index, String field, String value) {
        CweMention cwe = CweMention.ofField(value);
        if (cwe.cwe() == null || cwe.cwe() < 1) {
            throw bad(index, field, "\"" + value + "\"", "a CWE id such as \"CWE-89\" or 89");
        }
        return cwe;
    }

    /** The lines of {@code line}: a positive number, or text that is only numbers and ranges ("10-12", "3, 7"). */
    private static List<LineSpan> lines(int index, JsonNode finding) {
        JsonNode value = finding.get("line");
        String expected = "a line number (42) or lines (\"10-12\", \"3, 7\")";
        if (value != null && value.isNumber()) {
            if (!value.canConvertToInt() || value.isFloatingPointNumber() && value.asDouble() != value.asInt() || value.asInt() < 1) {
                throw bad(index, "line", value.toString(), expected);
            }
            return List.of(LineSpan.of(value.asInt()));
        }
        String text = text(index, finding, "line");
        if (text == null) return List.of();
        List<LineSpan> lines = LineReferences.list(text);
        if (lines.isEmpty()) throw bad(index, "line", "\"" + text + "\"", expected);
        return lines;
    }

    /** A field as text (numbers too); null when absent, null or blank. */
    private static String text(int index, JsonNode finding, String field) {
        JsonNode value = finding.get(field);
        if (value == null || value.isNull()) return null;
        if (!value.isValueNode() || value.isBoolean()) throw bad(index, field, describe(value), "text or a number");
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    private static MalformedReviewException bad(int index, String field, String value, String expected) {
        return new MalformedReviewException("finding " + index + ": \"" + field + "\" is " + value + ", not " + expected);
    }

    private static String describe(JsonNode value) {
        String type = value.getNodeType().name().toLowerCase(Locale.ROOT);
        String article = type.startsWith("a") || type.startsWith("o") ? "an " : "a ";
        return value.isValueNode() ? article + type + " (" + value + ")" : article + type;
    }

    /** Why the text is not JSON and where in the review ({@code start}: where the JSON begins), in one line. */
    private static String syntaxProblem(JsonProcessingException e, String review, int start) {
        JsonLocation at = e.getLocation();
        String where = "";
        if (at != null) {
            String before = review.substring(0, start);
            int column = at.getLineNr() == 1 ? at.getColumnNr() + start - before.lastIndexOf('\n') - 1 : at.getColumnNr();
            where = " at line " + (at.getLineNr() + before.chars().filter(c -> c == '\n').count()) + ", column " + column;
        }
        String why = e.getOriginalMessage();
        if (e instanceof JsonEOFException || why.startsWith("Unexpected end-of-input")) {
            return "the text ends before the JSON does" + where + " (truncated?)";
        }
        // Jackson's first sentence, without the second location it gives in parentheses.
        why = why.lines().findFirst().orElse(why).replaceFirst(" \\((?:start marker|for root).*$", "");
        return why + where;
    }
}
