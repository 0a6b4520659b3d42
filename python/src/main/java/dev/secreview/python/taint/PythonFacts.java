package dev.secreview.python.taint;

import dev.secreview.core.engine.FileFacts;
import dev.secreview.dataflow.ir.SourceModule;

/** What the whole-tree dataflow keeps of one Python file: its IR. */
public record PythonFacts(SourceModule module) implements FileFacts {
}
