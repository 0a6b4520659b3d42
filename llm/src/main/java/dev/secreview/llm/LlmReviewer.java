package dev.secreview.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.secreview.audit.AuditInput;
import dev.secreview.audit.AuditedClaim;
import dev.secreview.audit.Claim;
import dev.secreview.audit.ClaimAuditor;
import dev.secreview.audit.LibraryPath;
import dev.secreview.audit.Verdict;
import dev.secreview.core.cwe.CweCatalog;
import dev.secreview.core.engine.ScanRequest;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.SourceFile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asks an LLM to review a file and keeps only what survives verification: the file is sent in numbered
 * parts that fit the token budget, asked {@code samples} times; a claim must recur in {@code agree} samples,
 * and then get the claim auditor's verdict against the code and the static review: supported claims confirm the
 * static finding they speak of, unsupported ones are reported as the LLM's alone, every other verdict drops the
 * claim. The static findings are always all kept: nothing an answer says can remove one.
 */
public final class LlmReviewer {

    private final LlmSettings settings;
    private final RetryingChat chat;
    private final PromptBuilder prompts;
    private final TokenBudget budget;
    private final SampleAgreement agreement;
    private final ClaimAuditor auditor;
    private final LlmFindings findings;
    private final LibraryPath libraries;

    public LlmReviewer(LlmSettings settings) {
        this(settings, openAiCompatible(settings), CweCatalog.embedded(), LibraryPath.ofPythonOnPath(System.getenv("PATH")));
    }

    LlmReviewer(LlmSettings settings, ChatModel model, CweCatalog catalog, LibraryPath libraries) {
        this.settings = settings;
        this.chat = new RetryingChat(model, settings.maxRetries(), settings.firstBackoff(), settings.timeout());
        this.prompts = new PromptBuilder(catalog, settings.promptStyle(), settings.commitMessage());
        this.budget = new TokenBudget(settings.tokenBudget());
        this.agreement = new SampleAgreement(catalog);
        this.auditor = new ClaimAuditor(catalog);
        this.findings = new LlmFindings(catalog);
        this.libraries = libraries;
    }

    private static ChatModel openAiCompatible(LlmSettings settings) {
        return OpenAiChatModel.builder()
                .baseUrl(settings.baseUrl())
                .modelName(settings.model())
                .apiKey(settings.apiKey())
                .timeout(settings.timeout())
                .maxRetries(0)
                .build();
    }

    /** The second opinion on {@code source}; when the endpoint fails, the static findings as they are and why. */
    public SecondOpinion review(SourceFile source, String language, List<Finding> staticFindings) {
        TokenBudget.Split split = budget.split(source, promptOverhead(source, language));
        if (split.chunks().isEmpty()) {
            return new SecondOpinion(staticFindings, Optional.ofNullable(split.skipReason()).map(why -> "not sent: " + why),
                    Optional.empty());
        }
        List<List<Claim>> samples = new ArrayList<>();
        List<String> unusable = new ArrayList<>();
        try {
            for (int sample = 0; sample < settings.samples(); sample++) {
                List<Claim> claims = new ArrayList<>();
                for (CodeChunk chunk : split.chunks()) {
                    String answer = chat.ask(prompts.build(source.displayPath(), language, source.lineCount(), chunk));
                    AnswerCheck.Read read = AnswerCheck.read(answer);
                    if (read.problem() != null) unusable.add(read.problem());
                    claims.addAll(read.claims());
                }
                samples.add(claims);
            }
        } catch (LlmFailure e) {
            return SecondOpinion.endpointFailed(staticFindings, e.getMessage());
        }
        return new SecondOpinion(judged(source, staticFindings, agreement.keep(samples, settings.agree())),
                note(split.chunks().size(), unusable), Optional.empty());
    }

    /**
     * The static findings with what the auditor made of the agreed claims: a supported claim that speaks of static
     * findings confirms them; one a fact of the code supports, or an unsupported one, becomes an LLM finding; a
     * contradicted, misnamed, invalid, misplaced or unverifiable claim, or one naming what does not exist, is dropped.
     */
    private List<Finding> judged(SourceFile source, List<Finding> staticFindings, List<AgreedClaim> agreed) {
        if (agreed.isEmpty()) return staticFindings; // spares the auditor reviewing the file for nothing
        AuditInput input = AuditInput.of(source, List.of(), libraries, ScanRequest.DEFAULT_THREAT_MODELS)
                .withStaticFindings(staticFindings);
        List<AuditedClaim> audited = auditor.audit(input, agreed.stream().map(AgreedClaim::claim).toList()).claims();
        Map<Finding, Finding> confirmed = new LinkedHashMap<>();
        List<Finding> added = new ArrayList<>();
        for (int i = 0; i < agreed.size(); i++) {
            AgreedClaim claim = agreed.get(i);
            AuditedClaim verdict = audited.get(i);
            if (verdict.verdict() == Verdict.SUPPORTED && !verdict.matches().isEmpty()) {
                verdict.matches().forEach(f -> confirmed.putIfAbsent(f, LlmFindings.confirmed(f, claim, settings.samples())));
            } else if (verdict.verdict() == Verdict.SUPPORTED) {
                added.add(findings.toFinding(source, claim, settings.samples(), LlmFindings.Backing.CODE_FACT));
            } else if (verdict.verdict() == Verdict.UNSUPPORTED) {
                added.add(findings.toFinding(source, claim, settings.samples(), LlmFindings.Backing.NONE));
            }
        }
        return LlmFindings.merge(staticFindings, confirmed, added);
    }

    /** The tokens of the longest prompt without code (a part's prompt names its line range). */
    private int promptOverhead(SourceFile source, String language) {
        int last = source.lineCount();
        Prompt empty = prompts.build(source.displayPath(), language, last, new CodeChunk(last, last, ""));
        return TokenBudget.estimate(empty.system()) + TokenBudget.estimate(empty.user());
    }

    private Optional<String> note(int parts, List<String> unusable) {
        List<String> notes = new ArrayList<>();
        if (parts > 1) {
            notes.add("sent in " + parts + " parts to fit the budget of " + settings.tokenBudget() + " tokens");
        }
        if (!unusable.isEmpty()) {
            notes.add(unusable.size() + " of " + parts * settings.samples() + " answers unusable ("
                    + String.join(", ", unusable.stream().distinct().toList()) + ")");
        }
        return notes.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", notes));
    }
}
