package dev.secreview.dataflow.ir;

import dev.secreview.core.model.SourceFile;

import java.util.List;
import java.util.Map;

/**
 * One source file lowered to IR. {@code name} is its dotted module name relative to the scanned
 * tree ({@code app/views.py} is {@code app.views}); its top-level code is the function named
 * {@code <name>.<module>}. {@code constants} maps the qualified names of its module-level constants
 * (names bound once, to a literal) to their values.
 */
public record SourceModule(SourceFile source, String name, List<Function> functions, List<ClassInfo> classes,
                           Map<String, Object> constants) implements java.io.Serializable {

    public static final String TOP_LEVEL = "<module>";

    public SourceModule {
        functions = List.copyOf(functions);
        classes = List.copyOf(classes);
        constants = Map.copyOf(constants);
    }
}
