package dev.secreview.core.engine;

/**
 * What a front end keeps of one file for the analyses that need the whole tree (interprocedural
 * dataflow): typically the file's lowered IR. Opaque to the engine, which only hands it back, but for the templates
 * it renders and the template engine's settings it installs, which the engine hands to every front end's whole-tree
 * phase as {@link Views}.
 */
public interface FileFacts extends java.io.Serializable {

    /** The templates this file renders, for the front end that reviews templates (none by default). */
    default java.util.List<TemplateRender> renders() {
        return java.util.List.of();
    }

    /** The settings of the template engine this file installs (none by default). */
    default java.util.Set<Views.EngineSetting> engineSettings() {
        return java.util.Set.of();
    }
}
