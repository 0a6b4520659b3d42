package dev.secreview.dataflow.analysis;

import dev.secreview.dataflow.ir.Block;
import dev.secreview.dataflow.ir.ClassInfo;
import dev.secreview.dataflow.ir.Constant;
import dev.secreview.dataflow.ir.Expr;
import dev.secreview.dataflow.ir.Function;
import dev.secreview.dataflow.ir.Instruction;
import dev.secreview.dataflow.ir.Operand;
import dev.secreview.dataflow.ir.SourceModule;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The scanned tree as the interprocedural analysis sees it: every function, class and module-level
 * constant by qualified name, the subclasses of each class, and the functions that store each attribute
 * name. Imports are matched to modules by name suffix, so {@code helpers.db} finds
 * {@code src/helpers/db.py} whatever directory the scan started in.
 */
public final class Program {
    /** How many bases deep an attribute is looked for; hierarchies are shallow, cycles are not followed. */
    private static final int MAX_HIERARCHY = 16;

    private final List<SourceModule> modules;
    private final Map<String, Function> functions = new HashMap<>();
    private final Map<String, ClassInfo> classes = new HashMap<>();
    private final Map<String, Object> constants = new HashMap<>();
    private final Map<String, String> instances = new HashMap<>();
    /** Each instance's callee by the instance's simple name, when only one module binds an instance so named. */
    private final Map<String, String> instancesBySimpleName = new HashMap<>();
    private final Map<String, String> moduleAliases = new HashMap<>();
    private final Map<String, List<ClassInfo>> subclasses = new HashMap<>();
    private final Map<String, List<Function>> attributeStores = new HashMap<>();
    /** The classes whose bodies bind each name, to a constant or to anything else. */
    private final Map<String, List<ClassInfo>> classesBinding = new HashMap<>();
    /** Asked for every method analysed and every call on an instance: the hierarchy does not change. */
    private final Map<String, List<String>> ancestors = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Optional<String>> instanceAttributes = new java.util.concurrent.ConcurrentHashMap<>();

    public Program(List<SourceModule> modules) {
        this.modules = List.copyOf(modules);
        for (SourceModule module : modules) {
            registerSuffixes(module.name());
            for (Function f : module.functions()) {
                functions.putIfAbsent(f.name(), f);
                indexAttributeStores(f);
            }
            for (ClassInfo c : module.classes()) classes.putIfAbsent(c.name(), c);
            module.constants().forEach(constants::putIfAbsent);
            module.instances().forEach(instances::putIfAbsent);
        }
        Set<String> ambiguous = new HashSet<>();
        instances.forEach((name, called) -> {
            String simple = name.substring(name.lastIndexOf('.') + 1);
            if (instancesBySimpleName.putIfAbsent(simple, called) != null) ambiguous.add(simple);
        });
        instancesBySimpleName.keySet().removeAll(ambiguous);
        for (SourceModule module : modules) {
            for (ClassInfo c : module.classes()) {
                if (classes.get(c.name()) != c) continue;   // a duplicate name: the first one is the class
                c.attributeValues().keySet().forEach(name -> classesBinding.computeIfAbsent(name, k -> new ArrayList<>()).add(c));
                c.otherAttributes().forEach(name -> classesBinding.computeIfAbsent(name, k -> new ArrayList<>()).add(c));
                c.declaredAttributes().forEach(name -> classesBinding.computeIfAbsent(name, k -> new ArrayList<>()).add(c));
                for (String base : c.bases()) {
                    classInfo(base).ifPresent(b -> subclasses.computeIfAbsent(b.name(), k -> new ArrayList<>()).add(c));
                }
            }
        }
    }

    private void indexAttributeStores(Function function) {
        Set<String> stored = new LinkedHashSet<>();
        for (Block block : function.blocks()) {
            for (Instruction instruction : block.instructions()) {
                if (instruction instanceof Instruction.StoreAttribute store) stored.add(store.name());
            }
        }
        for (String name : stored) attributeStores.computeIfAbsent(name, k -> new ArrayList<>()).add(function);
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

    /**
     * {@code self.compute_rpcapi = rpcapi.ComputeAPI()}: the one class of the tree whose instances the methods of
     * {@code type}'s hierarchy store in {@code attribute} of their own object, read from their code (not their
     * summaries, so that asking changes no order of analysis); empty when they store anything else there, when a
     * class body binds the name to something other than None, or when they store nothing there.
     */
    public Optional<String> instanceAttribute(ClassInfo type, String attribute) {
        return instanceAttributes.computeIfAbsent(type.name() + "#" + attribute, k -> findInstanceAttribute(type, attribute));
    }

    private Optional<String> findInstanceAttribute(ClassInfo type, String attribute) {
        Set<String> hierarchy = hierarchy(type);
        for (String name : hierarchy) {
            Optional<ClassInfo> info = classInfo(name);
            if (info.isEmpty()) continue;
            Object bound = info.get().attributeValues().get(attribute);
            boolean boundToOther = info.get().otherAttributes().contains(attribute) || info.get().declaredAttributes().contains(attribute);
            if (boundToOther || bound != null && bound != Constant.NONE) return Optional.empty();
        }
        String found = null;
        for (Function function : storesOf(attribute)) {
            if (function.owner() == null || function.parameters().isEmpty() || !hierarchy.contains(function.owner())) continue;
            String self = function.parameters().get(0);
            Map<String, String> built = new HashMap<>();   // the locals bound to a call of a class of the tree
            Set<String> rebound = new HashSet<>();         // and those bound more than once, or to anything else
            for (Block block : function.blocks()) {
                for (Instruction instruction : block.instructions()) {
                    if (!(instruction instanceof Instruction.Assign assign)) continue;
                    // `Client()`, or `rpcapi.Client()`: a method of the module
                    String called = assign.value() instanceof Expr.Call call && call.target() instanceof Operand.Global global
                            ? classInfo(call.method() == null ? global.name() : global.name() + "." + call.method())
                                    .map(ClassInfo::name).orElse(null)
                            : null;
                    if (called == null || built.put(assign.target(), called) != null) rebound.add(assign.target());
                }
            }
            for (Block block : function.blocks()) {
                for (Instruction instruction : block.instructions()) {
                    if (!(instruction instanceof Instruction.StoreAttribute store) || !store.name().equals(attribute)
                            || !(store.object() instanceof Operand.Local object) || !object.name().equals(self)) {
                        continue;
                    }
                    String stored = store.value() instanceof Operand.Local local && !rebound.contains(local.name())
                            ? built.get(local.name()) : null;
                    if (stored == null || found != null && !found.equals(stored)) return Optional.empty();
                    found = stored;
                }
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * The class and all its bases, transitively, breadth first: those of the tree and those it names
     * from outside (a framework's base class).
     */
    public List<String> ancestors(String className) {
        return ancestors.computeIfAbsent(className, this::findAncestors);
    }

    private List<String> findAncestors(String className) {
        Set<String> names = new LinkedHashSet<>();
        List<String> work = new ArrayList<>(List.of(className));
        for (int i = 0; i < work.size() && names.size() <= MAX_HIERARCHY * 4; i++) {
            if (!names.add(work.get(i))) continue;
            classInfo(work.get(i)).ifPresent(info -> work.addAll(info.bases()));
        }
        return List.copyOf(names);
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
        if (info.isEmpty() || info.get().bases().isEmpty() || depth > MAX_HIERARCHY) return false;
        for (String base : info.get().bases()) {
            if (!ancestors.contains(base) && !derivesOnlyFrom(base, ancestors, depth + 1)) return false;
        }
        return true;
    }

    /**
     * The functions that store attribute {@code name} on some object ({@code obj.name = value}), whatever
     * the object; {@link Instruction.StoreAttribute#ANY} gives those that store attributes chosen at run time.
     */
    List<Function> storesOf(String name) {
        return attributeStores.getOrDefault(name, List.of());
    }

    /**
     * The constants the class bodies of {@code type}'s hierarchy bind {@code attribute} to: in the class or
     * the ancestor it inherits the name from, and in every subclass of the tree (an instance may be one).
     * Empty when some class body binds it to something else, or when it may come from a base class
     * outside the tree.
     */
    Optional<List<Object>> classBodyValues(ClassInfo type, String attribute) {
        List<Object> values = new ArrayList<>();
        if (!inherited(type, attribute, values, 0)) return Optional.empty();
        for (ClassInfo subclass : descendants(type)) {
            if (subclass.otherAttributes().contains(attribute)) return Optional.empty();
            Object value = subclass.attributeValues().get(attribute);
            if (value != null) values.add(value);
        }
        return Optional.of(values);
    }

    /** The constants every class body of the tree that binds {@code attribute} binds it to; empty when one binds something else or none binds it. */
    Optional<List<Object>> classBodyValuesAnywhere(String attribute) {
        List<Object> values = new ArrayList<>();
        for (ClassInfo c : classesBinding.getOrDefault(attribute, List.of())) {
            if (c.otherAttributes().contains(attribute) || c.declaredAttributes().contains(attribute)) return Optional.empty();
            Object value = c.attributeValues().get(attribute);
            if (value != null) values.add(value);
        }
        if (values.isEmpty()) return Optional.empty();
        values.sort(java.util.Comparator.comparing(String::valueOf));   // the same join whatever the map order
        return Optional.of(values);
    }

    private boolean inherited(ClassInfo type, String attribute, List<Object> values, int depth) {
        if (type.otherAttributes().contains(attribute) || depth > MAX_HIERARCHY) return false;
        if (type.declaredAttributes().contains(attribute)) return true;
        Object value = type.attributeValues().get(attribute);
        if (value != null) {
            values.add(value);
            return true;
        }
        for (String base : type.bases()) {
            Optional<ClassInfo> info = classInfo(base);
            if (info.isEmpty() || !inherited(info.get(), attribute, values, depth + 1)) return false;
        }
        return true;
    }

    /** The class, its ancestors in the tree and its subclasses: the classes whose code can act on its instances. */
    Set<String> hierarchy(ClassInfo type) {
        Set<String> names = new LinkedHashSet<>();
        List<ClassInfo> ancestors = new ArrayList<>(List.of(type));
        for (int i = 0; i < ancestors.size(); i++) {
            if (!names.add(ancestors.get(i).name())) continue;
            for (String base : ancestors.get(i).bases()) classInfo(base).ifPresent(ancestors::add);
        }
        for (ClassInfo subclass : descendants(type)) names.add(subclass.name());
        return names;
    }

    private List<ClassInfo> descendants(ClassInfo type) {
        List<ClassInfo> found = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>(Set.of(type.name()));
        List<ClassInfo> work = new ArrayList<>(List.of(type));
        for (int i = 0; i < work.size(); i++) {
            for (ClassInfo subclass : subclasses.getOrDefault(work.get(i).name(), List.of())) {
                if (seen.add(subclass.name())) {
                    found.add(subclass);
                    work.add(subclass);
                }
            }
        }
        return found;
    }

    /** The class of the tree a module-level name is an instance of ({@code calibre_db = CalibreDB()}), if it is one. */
    public Optional<String> instanceType(String name) {
        if (name == null) return Optional.empty();
        String called = instances.get(name);
        if (called == null) called = instances.get(canonical(name));
        // `from . import calibre_db` names `calibre_db` of the importing package: the one instance so named.
        if (called == null && name.startsWith(".")) called = instancesBySimpleName.get(name.replaceFirst("^\\.+", ""));
        if (called == null) return Optional.empty();
        return classInfo(called).map(c -> c.name());
    }

    public Optional<Object> constant(String name) {
        Object c = constants.get(name);
        if (c == null) c = constants.get(canonical(name));
        return Optional.ofNullable(c);
    }
}
