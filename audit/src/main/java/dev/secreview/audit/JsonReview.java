package dev.secreview.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A review in the LLM answer schema: a JSON array of {@code {cwe, line, code, explanation, fix}}, where
 * {@code cwe} is "CWE-89" or 89 and {@code line} is 42 or "10-12". The array may be wrapped in a
 * ```json fence or in an object ({@code {"findings": [...]}}).
 */
final class JsonReview {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FENCED = Pattern.compile("(?s)^```(?:json)?\\s*(.*?)\\s*```$");

    private JsonReview() {
    }

    /** The claims, or empty when the text is not JSON of that shape (it is then read as Markdown). */
    static Optional<List<Claim>> parse(String review) {
        String text = review.strip();
        Matcher fenced = FENCED.matcher(text);
        if (fenced.matches()) text = fenced.group(1);
        if (!text.startsWith("[") && !text.startsWith("{")) return Optional.empty();
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        JsonNode findings = findingsOf(root);
        if (findings == null) return Optional.empty();
        List<Claim> claims = new ArrayList<>();
        for (JsonNode finding : findings) {
            if (finding.isObject()) claims.add(claim(claims.size() + 1, finding));
        }
        return Optional.of(claims);
    }

    private static JsonNode findingsOf(JsonNode root) {
        if (root.isArray()) return root;
        if (root.has("cwe") || root.has("line") || root.has("code")) return JSON.createArrayNode().add(root);
        for (Iterator<JsonNode> values = root.elements(); values.hasNext(); ) {
            JsonNode value = values.next();
            if (value.isArray()) return value;
        }
        return null;
    }

    private static Claim claim(int index, JsonNode finding) {
        String cweField = text(finding, "cwe");
        CweMention cwe = cweField == null ? CweMention.NONE : CweMention.ofField(cweField);
        String pillarField = text(finding, "pillar");
        Integer pillar = pillarField == null ? null : CweMention.ofField(pillarField).cwe();
        String line = text(finding, "line");
        List<LineSpan> lines = line == null ? List.of() : LineReferences.ranges(line);
        CodeMentions code = new CodeMentions();
        String quoted = text(finding, "code");
        if (quoted != null && quoted.contains("\n")) {
            code.addBlock(quoted);
        } else if (quoted != null) {
            code.addInline(quoted);
        }
        String explanation = text(finding, "explanation");
        String fix = text(finding, "fix");
        String claimText = explanation != null ? explanation : quoted != null ? quoted : "";
        return new Claim(index, claimText, cwe.cwe(), cwe.name(), pillar, lines, code.fragments(), code.identifiers(),
                explanation, fix);
    }

    /** A field as text (numbers too); null when absent, null or blank. */
    private static String text(JsonNode finding, String field) {
        JsonNode value = finding.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) return null;
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }
}
