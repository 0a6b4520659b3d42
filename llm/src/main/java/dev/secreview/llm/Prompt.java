package dev.secreview.llm;

/** One request: the standing instructions (system message) and the code with its task (user message). */
record Prompt(String system, String user) {
}
