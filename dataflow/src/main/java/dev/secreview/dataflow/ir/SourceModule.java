package dev.secreview.dataflow.ir;

import dev.secreview.core.model.SourceFile;

import java.util.List;
import java.util.Map;

/**
 * One source file lowered to IR. {@code name} is its dotted module name relative to the scanned
 * tree ({@code app/views.py} is {@code app.views}); its top-level code is the function named
 * {@code <name>.<module>}. {@code constants} maps the qualified names of its module-level constants
 * (names bound once, to a literal) to their values; {@code instances} maps those of its module-level names bound once
 * to the result of calling a name ({@code db = Database(app)}) to the qualified name called: when that is a class of
 * the tree, the name is an instance of it wherever the tree uses it.
 */
public record SourceModule(SourceFile source, String name, List<Function> functions, List<ClassInfo> classes,
                           Map<String, Object> constants, Map<String, String> instances) implements java.io.Serializable {

    public static final String TOP_LEVEL = "<module>";

    public SourceModule {
        functions = List.copyOf(functions);
        classes = List.copyOf(classes);
        constants = Map.copyOf(constants);
        instances = Map.copyOf(instances);
    }

    public SourceModule(SourceFile source, String name, List<Function> functions, List<ClassInfo> classes,
                        Map<String, Object> constants) {
        this(source, name, functions, classes, constants, Map.of());
    }
}
