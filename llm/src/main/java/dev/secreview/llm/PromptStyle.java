package dev.secreview.llm;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The prompt shapes of the security-code-review literature, by the name {@code --llm-prompt} takes. */
public enum PromptStyle {
    /** Just the request to review the code for security defects. */
    BASIC("basic"),
    /** The request plus the ten CWE-1000 pillars as the list of weakness kinds to think in. */
    PILLARS("pillars"),
    /** The request plus the commit message that introduced the code, so the model knows the intent. */
    COMMIT("commit"),
    /** The request broken into explicit steps: inputs, dangerous operations, paths between them, verdict. */
    STEP_BY_STEP("steps");

    private final String optionName;

    PromptStyle(String optionName) {
        this.optionName = optionName;
    }

    public String optionName() {
        return optionName;
    }

    /** The style a user named ({@code basic}, {@code pillars}, {@code commit} or {@code steps}, any case). */
    public static PromptStyle named(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.optionName.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown prompt style '" + name + "' (expected "
                        + Arrays.stream(values()).map(PromptStyle::optionName).collect(Collectors.joining(", ")) + ")"));
    }
}
