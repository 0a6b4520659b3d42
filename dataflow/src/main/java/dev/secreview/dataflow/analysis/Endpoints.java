package dev.secreview.dataflow.analysis;

import dev.secreview.dataflow.ir.Argument;
import dev.secreview.dataflow.ir.Block;
import dev.secreview.dataflow.ir.ClassInfo;
import dev.secreview.dataflow.ir.Expr;
import dev.secreview.dataflow.ir.Function;
import dev.secreview.dataflow.ir.Instruction;
import dev.secreview.dataflow.ir.Operand;
import dev.secreview.dataflow.ir.SourceModule;
import dev.secreview.dataflow.model.TaintModels;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The classes of the tree that a framework calls by method name ({@code endpoint} lines: a class whose body, or a
 * base's in the tree, binds a name to a call of the line's marker), and their public methods, inherited ones
 * included: by name, for the calls that dispatch to them ({@code dispatch} lines), and with the line that makes
 * their parameters input under the scan's threat models. And the clients: the classes of the tree whose methods make
 * the dispatch calls.
 */
final class Endpoints {
    static final Endpoints NONE = new Endpoints(Map.of(), Map.of(), Set.of());

    private final Map<String, List<Function>> byName;
    private final Map<Function, TaintModels.Endpoint> sources;
    private final Set<String> clients;

    private Endpoints(Map<String, List<Function>> byName, Map<Function, TaintModels.Endpoint> sources, Set<String> clients) {
        this.byName = byName;
        this.sources = sources;
        this.clients = clients;
    }

    static Endpoints of(Program program, TaintModels models) {
        if (!models.hasEndpoints()) return NONE;
        Set<String> clients = new HashSet<>();
        Map<String, List<Function>> methodsOf = new HashMap<>();
        for (SourceModule module : program.modules()) {
            for (Function f : module.functions()) {
                if (f.isMethod() && !f.simpleName().startsWith("_")) methodsOf.computeIfAbsent(f.owner(), k -> new ArrayList<>()).add(f);
                if (f.isMethod() && dispatches(f, models)) clients.add(f.owner());
            }
        }
        Map<String, List<Function>> byName = new HashMap<>();
        Map<Function, TaintModels.Endpoint> sources = new IdentityHashMap<>();
        Set<Function> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (SourceModule module : program.modules()) {
            for (ClassInfo type : module.classes()) {
                if (program.classInfo(type.name()).orElse(null) != type) continue;   // a duplicate name: the first one is the class
                List<String> hierarchy = program.ancestors(type.name());
                Optional<String> marker = marker(program, models, hierarchy);
                if (marker.isEmpty()) continue;
                Optional<TaintModels.Endpoint> source = models.endpoint(marker.get(), true);
                for (String ancestor : hierarchy) {
                    for (Function method : methodsOf.getOrDefault(ancestor, List.of())) {
                        if (!seen.add(method)) continue;
                        byName.computeIfAbsent(method.simpleName(), k -> new ArrayList<>()).add(method);
                        source.ifPresent(line -> sources.put(method, line));
                    }
                }
            }
        }
        return new Endpoints(byName, sources, clients);
    }

    /** Whether the function makes a dispatch call with a constant method name ({@code cctxt.cast(ctxt, "resize", ...)}). */
    private static boolean dispatches(Function function, TaintModels models) {
        for (Block block : function.blocks()) {
            for (Instruction instruction : block.instructions()) {
                if (!(instruction instanceof Instruction.Assign assign) || !(assign.value() instanceof Expr.Call call)
                        || call.method() == null) {
                    continue;
                }
                Optional<TaintModels.Dispatch> dispatch = models.dispatch("?." + call.method());
                if (dispatch.isEmpty()) continue;
                List<Argument> positional = call.arguments().stream().filter(Argument::positional).toList();
                int at = dispatch.get().nameArgument();
                if (at < positional.size() && positional.get(at).value() instanceof Operand.Const c && c.value() instanceof String) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a method of the class makes a dispatch call: the class is a client of the endpoints. */
    boolean client(String className) {
        return clients.contains(className);
    }

    /** What a class of the hierarchy calls in its body that an endpoint line names as its marker. */
    private static Optional<String> marker(Program program, TaintModels models, List<String> hierarchy) {
        for (String name : hierarchy) {
            Optional<ClassInfo> info = program.classInfo(name);
            if (info.isEmpty()) continue;
            for (String called : info.get().attributeCalls().values()) {
                if (models.endpoint(called, false).isPresent()) return Optional.of(called);
            }
        }
        return Optional.empty();
    }

    /** The endpoint methods of this name, in the order of the tree. */
    List<Function> methods(String name) {
        return byName.getOrDefault(name, List.of());
    }

    /** The line that makes the method's parameters input under the scan's threat models, if it is an endpoint's. */
    Optional<TaintModels.Endpoint> source(Function method) {
        return Optional.ofNullable(sources.get(method));
    }
}
