package dev.secreview.core.engine;

/**
 * What a front end keeps of one file for the analyses that need the whole tree (interprocedural
 * dataflow): typically the file's lowered IR. Opaque to the engine, which only hands it back.
 */
public interface FileFacts extends java.io.Serializable {
}
