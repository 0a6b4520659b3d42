package dev.secreview.audit;

import dev.secreview.python.semantic.Binding;
import dev.secreview.python.semantic.PythonFile;
import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Whether a dotted name a claim gives ({@code hmac.compare_digest}, {@code flask.Request.get_json},
 * {@code SomeLibraryClass.set_permission}) exists, read from code rather than imported: through the audited
 * file's imports and classes, then the modules of the tree and the library path ({@link Modules}), following
 * imports, re-exports, star imports and base classes. A name is missing only when every place it could come
 * from was read; what cannot be read (a compiled module, a base class from an unknown library, a module
 * {@code __getattr__}) is taken as it is.
 */
final class ApiLookup {

    /** FOUND: the name exists (or could not be read further); MISSING: it does not; UNKNOWN_LIBRARY: its library cannot be found. */
    enum Outcome { FOUND, MISSING, UNKNOWN_LIBRARY }

    record Lookup(Outcome outcome, String evidence) {
    }

    /** What a part of a dotted name resolved to, as the next part is looked up in it. */
    private interface Target {
    }

    private record InModule(Modules.Module module) implements Target {
    }

    private record InClass(Modules.Module module, PyNode definition) implements Target {
    }

    /** Something that exists but whose attributes are not followed: a function, a variable, an unreadable module. */
    private record Leaf(String where) implements Target {
    }

    private record Failed(Outcome outcome, String why) implements Target {
    }

    private static final int MAX_DEPTH = 12;

    private final Modules modules;

    ApiLookup(Modules modules) {
        this.modules = modules;
    }

    /** Looks a dotted name up from the audited file: its own imports and classes first. */
    Lookup resolve(String dotted, PythonCode code) {
        List<String> parts = Arrays.asList(dotted.split("\\."));
        List<Binding> bindings = code.moduleBindings(parts.get(0));
        Optional<Binding> imported = bindings.stream().filter(b -> b.kind() == Binding.Kind.IMPORT).findFirst();
        Optional<Binding> definedClass = bindings.stream().filter(b -> b.site().is("class_definition")).findFirst();
        Modules.Module self = new Modules.Module(Modules.dottedName(code.source().projectPath()),
                Modules.isPackage(code.source().projectPath()), code.source().displayPath(), Optional.of(code.file()), false);
        Target target;
        if (imported.isPresent()) {
            target = global(join(relativeTo(self, imported.get().qualifiedName()), parts, 1), 0);
        } else if (definedClass.isPresent()) {
            target = members(new InClass(self, definedClass.get().site()), parts.subList(1, parts.size()), 0);
        } else {
            target = global(dotted, 0);
        }
        return lookup(dotted, target);
    }

    private static Lookup lookup(String dotted, Target target) {
        if (target instanceof Failed failed) return new Lookup(failed.outcome(), failed.why());
        if (target instanceof InModule in) return new Lookup(Outcome.FOUND, "`" + dotted + "` is the module " + in.module().shown());
        if (target instanceof InClass in) {
            return new Lookup(Outcome.FOUND, "`" + dotted + "` is the class on line " + in.definition().startLine() + " of "
                    + in.module().shown());
        }
        return new Lookup(Outcome.FOUND, "`" + dotted + "` is " + ((Leaf) target).where());
    }

    /** A fully qualified name: the longest prefix that is a module, then the rest inside it. */
    private Target global(String qualified, int depth) {
        if (depth > MAX_DEPTH) return new Leaf("beyond " + MAX_DEPTH + " imports, not followed further");
        List<String> parts = Arrays.asList(qualified.split("\\."));
        for (int prefix = parts.size(); prefix >= 1; prefix--) {
            Optional<Modules.Module> module = modules.find(String.join(".", parts.subList(0, prefix)));
            if (module.isPresent()) return members(new InModule(module.get()), parts.subList(prefix, parts.size()), depth);
        }
        String head = parts.get(0);
        if (modules.libraries().isEmpty()) {
            return new Failed(Outcome.UNKNOWN_LIBRARY, "`" + head + "` is not a module of the tree, and there is no library "
                    + "path to look for it in");
        }
        // A class by its spelling (PEP 8) may be named without its module: look for the module that defines it.
        if (Character.isUpperCase(head.charAt(0))) {
            Optional<Modules.Module> defining = modules.defining(head);
            if (defining.isPresent()) return members(new InModule(defining.get()), parts, depth);
            return new Failed(Outcome.MISSING, "`" + head + "` is defined in no module of the tree or of the library path ("
                    + modules.libraries() + ")");
        }
        return new Failed(Outcome.UNKNOWN_LIBRARY, "`" + head + "` is not a module of the tree or of the library path ("
                + modules.libraries() + "), so `" + qualified + "` could not be checked");
    }

    private Target members(Target start, List<String> names, int depth) {
        Target target = start;
        for (String name : names) {
            if (target instanceof InModule in) {
                target = inModule(in.module(), name, depth);
            } else if (target instanceof InClass in) {
                target = inClass(in.module(), in.definition(), name, depth, 0);
            }
        }
        return target;
    }

    private Target inModule(Modules.Module module, String name, int depth) {
        if (module.opaque()) return new Leaf("in " + module.name() + " (" + module.shown() + "), whose code cannot be read");
        Optional<Modules.Module> submodule = modules.find(module.name() + "." + name);
        if (module.code().isEmpty()) {
            return submodule.<Target>map(InModule::new).orElseGet(() -> new Failed(Outcome.MISSING,
                    "the package " + module.name() + " (" + module.shown() + ") has no module `" + name + "`"));
        }
        PythonFile file = module.code().get();
        List<Binding> bindings = file.scope(file.root()).bindings(name);
        if (!bindings.isEmpty()) return bound(module, bindings.get(bindings.size() - 1), depth);
        if (submodule.isPresent()) return new InModule(submodule.get());
        if (!file.scope(file.root()).bindings("__getattr__").isEmpty()) {
            return new Leaf("looked up by the module __getattr__ of " + module.shown() + ", which is not followed");
        }
        for (Binding star : file.scope(file.root()).bindings("*")) {
            String from = relativeTo(module, star.qualifiedName()).replaceAll("\\.\\*$", "");
            Target throughStar = global(from + "." + name, depth + 1);
            if (!(throughStar instanceof Failed)) return throughStar;
        }
        return new Failed(Outcome.MISSING, module.shown() + " defines no `" + name + "`");
    }

    private Target bound(Modules.Module module, Binding binding, int depth) {
        if (binding.kind() == Binding.Kind.IMPORT) return global(relativeTo(module, binding.qualifiedName()), depth + 1);
        if (binding.site().is("class_definition")) return new InClass(module, binding.site());
        return new Leaf("defined on line " + binding.site().startLine() + " of " + module.shown());
    }

    private Target inClass(Modules.Module module, PyNode definition, String name, int depth, int inherited) {
        PythonFile file = module.code().orElseThrow();
        String where = "class `" + definition.field("name").text() + "` (line " + definition.startLine() + " of "
                + module.shown() + ")";
        List<Binding> own = file.scope(definition).bindings(name);
        if (!own.isEmpty()) {
            Binding last = own.get(own.size() - 1);
            return last.site().is("class_definition") ? new InClass(module, last.site())
                    : new Leaf("defined on line " + last.site().startLine() + " in " + where);
        }
        Optional<Integer> assigned = selfAssignment(definition, name);
        if (assigned.isPresent()) return new Leaf("set on line " + assigned.get() + " in " + where);
        if (!file.scope(definition).bindings("__getattr__").isEmpty()) return new Leaf("looked up by the __getattr__ of " + where);
        List<String> unreadBases = new ArrayList<>();
        for (PyNode base : bases(definition)) {
            Target resolved = baseClass(module, base, depth);
            if (resolved instanceof InClass parent && inherited < MAX_DEPTH) {
                Target inParent = inClass(parent.module(), parent.definition(), name, depth + 1, inherited + 1);
                if (!(inParent instanceof Failed failed && failed.outcome() == Outcome.MISSING)) return inParent;
            } else if (!(resolved instanceof InClass)) {
                unreadBases.add(base.text());
            }
        }
        if (!unreadBases.isEmpty()) return new Leaf("perhaps inherited by " + where + " from " + String.join(", ", unreadBases)
                + ", which could not be read");
        return new Failed(Outcome.MISSING, where + " and its base classes define no `" + name + "`");
    }

    /** The class a base expression names, in the module or through its imports. */
    private Target baseClass(Modules.Module module, PyNode base, int depth) {
        PythonFile file = module.code().orElseThrow();
        if (base.is("identifier")) {
            List<Binding> bindings = file.scope(file.root()).bindings(base.text());
            if (!bindings.isEmpty()) return bound(module, bindings.get(bindings.size() - 1), depth);
        }
        String qualified = file.qualifiedName(base);
        return qualified == null ? new Leaf("unknown") : global(relativeTo(module, qualified), depth + 1);
    }

    /** The base class expressions of a class; {@code object} and keyword arguments (metaclass=) left out. */
    private static List<PyNode> bases(PyNode definition) {
        PyNode superclasses = definition.field("superclasses");
        if (superclasses == null) return List.of();
        return superclasses.namedChildren().stream().filter(n -> !n.is("keyword_argument") && !n.text().equals("object"))
                .toList();
    }

    /** The line of a {@code self.name = ...} in a method of the class, if any. */
    private static Optional<Integer> selfAssignment(PyNode definition, String name) {
        List<Integer> lines = new ArrayList<>();
        definition.forEachDescendant(n -> {
            PyNode left = n.is("assignment") ? n.field("left") : null;
            if (left != null && left.is("attribute") && left.text().equals("self." + name)) lines.add(n.startLine());
        });
        return lines.stream().findFirst();
    }

    /** A relative import ({@code .app.Flask}) made absolute from the module that makes it. */
    private static String relativeTo(Modules.Module module, String qualified) {
        if (!qualified.startsWith(".")) return qualified;
        int dots = 0;
        while (dots < qualified.length() && qualified.charAt(dots) == '.') dots++;
        String packageName = module.packageName();
        List<String> packageParts = new ArrayList<>(packageName.isEmpty() ? List.of() : Arrays.asList(packageName.split("\\.")));
        for (int up = 1; up < dots && !packageParts.isEmpty(); up++) packageParts.remove(packageParts.size() - 1);
        String rest = qualified.substring(dots);
        String base = String.join(".", packageParts);
        return base.isEmpty() ? rest : rest.isEmpty() ? base : base + "." + rest;
    }

    private static String join(String first, List<String> parts, int from) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(parts.subList(from, parts.size()));
        return String.join(".", all);
    }
}
