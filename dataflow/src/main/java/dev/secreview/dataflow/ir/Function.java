package dev.secreview.dataflow.ir;

import dev.secreview.core.model.TextRange;

import java.util.List;
import java.util.Map;

/**
 * A function (or a module's top-level code) lowered to basic blocks; block 0 is the entry.
 * {@code name} is qualified ({@code app.views.Login.post}); {@code owner} is the qualified name of
 * the class a method belongs to, else null. {@code decorators} are the qualified names of the
 * decorators' callees (and of what else marks the function for a framework, such as FastAPI's parameter
 * declarations); {@code parameterTypes} the qualified names of annotated parameter types.
 * A method's first parameter is its receiver ({@code self}, {@code this}); a parameter whose name starts with
 * {@code *} collects the arguments no other parameter takes (Python's {@code *args} and {@code **kwargs}).
 */
public record Function(String name, List<String> parameters, List<Block> blocks, List<String> decorators,
                       String owner, Map<String, String> parameterTypes, TextRange range) implements java.io.Serializable {

    public Function {
        parameters = List.copyOf(parameters);
        blocks = List.copyOf(blocks);
        decorators = List.copyOf(decorators);
        parameterTypes = Map.copyOf(parameterTypes);
    }

    public String simpleName() {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    public boolean isMethod() {
        return owner != null;
    }
}
