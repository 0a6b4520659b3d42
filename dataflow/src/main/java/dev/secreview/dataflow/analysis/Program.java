package dev.secreview.dataflow.analysis;

import dev.secreview.dataflow.ir.ClassInfo;
import dev.secreview.dataflow.ir.Function;
import dev.secreview.dataflow.ir.SourceModule;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scanned tree as the interprocedural analysis sees it: every function, class and module-level
 * constant by qualified name. Imports are matched to modules by name suffix, so {@code helpers.db}
 * finds {@code src/helpers/db.py} whatever directory the scan started in.
 */
public final class Program {
    private final List<SourceModule> modules;
    private final Map<String, Function> functions = new HashMap<>();
    private final Map<String, ClassInfo> classes = new HashMap<>();
    private final Map<String, Object> constants = new HashMap<>();
    private final Map<String, String> moduleAliases = new HashMap<>();

    public Program(List<SourceModule> modules) {
        this.modules = List.copyOf(modules);
        for (SourceModule module : modules) {
            registerSuffixes(module.name());
            for (Function f : module.functions()) {
                functions.putIfAbsent(f.name(), f);
            }
            for (ClassInfo c : module.classes()) classes.putIfAbsent(c.name(), c);
            module.constants().forEach(constants::putIfAbsent);
        }
    }

    /** {@code a.b.c} is also reachable as {@code b.c} and {@code c}, unless another module claims that name. */
    private void registerSuffixes(String moduleName) {
        String suffix = moduleName;
        while (true) {
            moduleAliases.merge(suffix, moduleName, (a, b) -> a.length() <= b.length() ? a : b);
            int dot = suffix.indexOf('.');
            if (dot < 0) break;
            suffix = suffix.substring(dot + 1);
        }
    }

    public List<SourceModule> modules() {
        return modules;
    }

    /** The qualified name as the tree spells it, when its module prefix names a module of the tree. */
    String canonical(String name) {
        if (name == null) return null;
        // `from .queries import run` names a sibling module: match it by its name like any other.
        while (name.startsWith(".")) name = name.substring(1);
        for (int dot = name.lastIndexOf('.'); dot > 0; dot = name.lastIndexOf('.', dot - 1)) {
            String module = moduleAliases.get(name.substring(0, dot));
            if (module != null) return module + name.substring(dot);
        }
        return name;
    }

    public Optional<Function> function(String name) {
        if (name == null) return Optional.empty();
        Function f = functions.get(name);
        if (f == null) f = functions.get(canonical(name));
        return Optional.ofNullable(f);
    }

    public Optional<ClassInfo> classInfo(String name) {
        ClassInfo c = classes.get(name);
        if (c == null) c = classes.get(canonical(name));
        return Optional.ofNullable(c);
    }

    /** A method of a class of the tree, looked up through its bases. */
    public Optional<Function> method(String className, String method) {
        for (int depth = 0; className != null && depth < 8; depth++) {
            Optional<Function> found = function(className + "." + method);
            if (found.isPresent()) return found;
            Optional<ClassInfo> info = classInfo(className);
            if (info.isEmpty() || info.get().bases().isEmpty()) return Optional.empty();
            className = info.get().bases().get(0);
        }
        return Optional.empty();
    }

    /**
     * Whether {@code className} is a class of the tree whose every base is one of {@code ancestors} or,
     * in turn, such a class: {@code class ManifestLoader(yaml.SafeLoader)} is only a safe loader.
     */
    public boolean derivesOnlyFrom(String className, Collection<String> ancestors) {
        return derivesOnlyFrom(className, ancestors, 0);
    }

    private boolean derivesOnlyFrom(String className, Collection<String> ancestors, int depth) {
        Optional<ClassInfo> info = classInfo(className);
        if (info.isEmpty() || info.get().bases().isEmpty() || depth > 8) return false;
        for (String base : info.get().bases()) {
            if (!ancestors.contains(base) && !derivesOnlyFrom(base, ancestors, depth + 1)) return false;
        }
        return true;
    }

    public Optional<Object> constant(String name) {
        Object c = constants.get(name);
        if (c == null) c = constants.get(canonical(name));
        return Optional.ofNullable(c);
    }
}
