package dev.secreview.java.taint;

import dev.secreview.core.engine.FileFacts;
import dev.secreview.dataflow.ir.SourceModule;

/** What the whole-tree dataflow keeps of one Java file: its IR. */
public record JavaFacts(SourceModule module) implements FileFacts {
}
