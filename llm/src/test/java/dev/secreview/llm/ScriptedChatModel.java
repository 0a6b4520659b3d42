package dev.secreview.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/** A chat model that plays back scripted answers or failures in order (the last one repeats) and keeps the questions. */
final class ScriptedChatModel implements ChatModel {

    private final Deque<Supplier<String>> script = new ArrayDeque<>();
    final List<String> questions = new ArrayList<>();

    static ScriptedChatModel answering(String... answers) {
        ScriptedChatModel model = new ScriptedChatModel();
        for (String answer : answers) model.then(() -> answer);
        return model;
    }

    ScriptedChatModel then(Supplier<String> step) {
        script.add(step);
        return this;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        questions.add(((UserMessage) request.messages().get(1)).singleText());
        Supplier<String> step = script.size() > 1 ? script.poll() : script.peek();
        return ChatResponse.builder().aiMessage(AiMessage.from(step.get())).build();
    }
}
