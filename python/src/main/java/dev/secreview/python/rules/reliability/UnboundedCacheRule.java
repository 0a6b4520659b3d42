package dev.secreview.python.rules.reliability;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.rules.access.WebRoutes;
import dev.secreview.python.semantic.Identifiers;
import dev.secreview.python.tree.PyNode;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A module-level dict, list or set that a request handler adds to under a key or item the request chooses, in a module
 * that never takes anything out of it nor looks at its size: each distinct value a client sends stays in memory until
 * the process ends, so a client that varies it grows the process without limit. The module is the whole story only
 * when the collection does not leave it: one passed to other code, returned, or rebound (a reset) is not reported.
 */
@RuleInfo(
        id = "py-unbounded-cache",
        cwe = 770,
        severity = Severity.MEDIUM,
        confidence = Confidence.MEDIUM,
        summary = "A module-level dict, list or set grows by one entry for each distinct key or item a request sends, "
                + "and nothing in the module removes entries or bounds its size: a client that varies the value makes "
                + "the process hold more memory with every request, until it is killed.",
        fix = "Bound the cache: functools.lru_cache(maxsize=...) or cachetools' LRUCache/TTLCache, or evict when it "
                + "reaches a size (if len(CACHE) >= LIMIT: CACHE.pop(next(iter(CACHE)))); or key it by values the "
                + "server chooses, not by what the client sends.")
public final class UnboundedCacheRule implements NodeRule {
    /** Calls that make an empty, unbounded collection (module level). */
    private static final Set<String> EMPTY_COLLECTIONS = Set.of("dict", "list", "set", "defaultdict",
            "collections.defaultdict", "OrderedDict", "collections.OrderedDict", "Counter", "collections.Counter");
    /** Methods that add an entry or an item. */
    private static final Set<String> GROWING = Set.of("setdefault", "append", "add", "update", "extend", "insert");
    /** Methods that take entries out, or reset the collection. */
    private static final Set<String> SHRINKING = Set.of("pop", "popitem", "clear", "remove", "discard", "popleft");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("module");
    }

    @Override
    public void visitNode(PyNode module, RuleContext context) {
        Map<String, PyNode> collections = unboundedCollections(module);
        if (collections.isEmpty()) return;
        for (WebRoutes.Handler handler : WebRoutes.handlers(module)) {
            PyNode definition = handler.definition();
            Set<String> requestNames = requestNames(definition);
            PyNode body = definition.field("body");
            if (body == null) continue;
            body.forEachDescendant(node -> {
                String grown = grownWithRequestData(node, collections.keySet(), requestNames);
                if (grown != null) {
                    context.report(node, "Module-level `" + grown + "` (line " + collections.get(grown).startLine()
                            + ") grows by what the request sends in `" + definition.field("name").text() + "`, and "
                            + "nothing in the module removes its entries or checks its size: each distinct value a "
                            + "client sends stays in memory until the process ends.");
                }
            });
        }
    }

    /** The module-level names bound once to an empty collection that the module never shrinks, sizes, hands out or rebinds. */
    private static Map<String, PyNode> unboundedCollections(PyNode module) {
        Map<String, PyNode> candidates = new LinkedHashMap<>();
        Set<String> boundAgain = new HashSet<>();
        for (PyNode statement : module.namedChildren()) {
            PyNode assignment = statement.is("expression_statement") && !statement.namedChildren().isEmpty()
                    ? statement.namedChildren().get(0) : null;
            if (assignment == null || !assignment.is("assignment")) continue;
            PyNode left = assignment.field("left");
            PyNode right = assignment.field("right");
            if (left == null || !left.is("identifier") || right == null) continue;
            if (candidates.containsKey(left.text())) boundAgain.add(left.text());
            if (emptyCollection(right)) candidates.put(left.text(), assignment);
        }
        candidates.keySet().removeAll(boundAgain);
        if (candidates.isEmpty()) return candidates;
        module.forEachDescendant(node -> {
            if (candidates.isEmpty()) return;
            if (node.is("global_statement")) {
                node.namedChildren().forEach(name -> candidates.remove(name.text()));
            } else if (node.is("identifier") && candidates.containsKey(node.text()) && !growingUse(node)) {
                candidates.remove(node.text());
            }
        });
        return candidates;
    }

    private static boolean emptyCollection(PyNode value) {
        if (value.is("dictionary") || value.is("list") || value.is("set")) return value.namedChildren().isEmpty();
        if (!value.is("call") || value.field("function") == null) return false;
        PyNode arguments = value.field("arguments");
        boolean noData = arguments == null || arguments.namedChildren().stream().allMatch(a -> !a.is("keyword_argument")
                && (a.is("identifier") || a.is("attribute") || a.is("lambda")));   // defaultdict(list), defaultdict(lambda: 0)
        return noData && EMPTY_COLLECTIONS.contains(value.field("function").text());
    }

    /**
     * Whether this mention of the collection only reads or adds to it: its definition, a subscript read or store, an
     * adding method, a membership test, a loop over it. Anything else (a shrinking method, {@code del}, {@code len},
     * an argument to a call, a return) may bound it or hand it to code that does.
     */
    private static boolean growingUse(PyNode name) {
        PyNode parent = name.parent();
        if (parent == null) return false;
        if (parent.is("assignment") && parent.field("left") == name) return parent.parent() != null
                && parent.parent().parent() != null && parent.parent().parent().is("module");
        if (parent.is("subscript") && parent.field("value") == name) {
            return parent.parent() == null || !parent.parent().is("delete_statement");
        }
        if (parent.is("attribute") && parent.field("object") == name) {
            String method = parent.field("attribute") == null ? "" : parent.field("attribute").text();
            return !SHRINKING.contains(method) && parent.parent() != null && parent.parent().is("call")
                    && (GROWING.contains(method) || method.equals("get") || method.equals("keys")
                    || method.equals("values") || method.equals("items"));
        }
        if (parent.is("comparison_operator")) return true;   // `key in CACHE`
        return parent.is("for_statement") && parent.field("right") == name;
    }

    /** The handler's parameters a route fills (not `self` or the request itself) and the locals assigned from request data. */
    private static Set<String> requestNames(PyNode definition) {
        Set<String> names = new HashSet<>(Identifiers.parameterNames(definition));
        names.removeAll(List.of("self", "cls", "request", "req"));
        PyNode body = definition.field("body");
        if (body != null) {
            body.forEachDescendant(node -> {
                if (node.is("assignment") && node.field("left") != null && node.field("left").is("identifier")
                        && node.field("right") != null && readsRequest(node.field("right"), Set.of())) {
                    names.add(node.field("left").text());
                }
            });
        }
        return names;
    }

    /** The collection's name when {@code node} adds to it a key or item that reads request data; else null. */
    private static String grownWithRequestData(PyNode node, Set<String> collections, Set<String> requestNames) {
        // CACHE[key] = value; COUNTS[key] += 1 (a defaultdict or Counter)
        if ((node.is("assignment") || node.is("augmented_assignment")) && node.field("left") != null) {
            String keyed = keyedByRequest(node.field("left"), collections, requestNames);
            if (keyed != null) return keyed;
        }
        if (node.is("call") && node.field("function") != null && node.field("function").is("attribute")) {
            PyNode callee = node.field("function");
            PyNode object = callee.field("object");
            PyNode arguments = node.field("arguments");
            if (object == null || callee.field("attribute") == null || !GROWING.contains(callee.field("attribute").text())) {
                return null;
            }
            // BY_USER[user].add(tag): a defaultdict gains the key
            String keyed = keyedByRequest(object, collections, requestNames);
            if (keyed != null) return keyed;
            if (object.is("identifier") && collections.contains(object.text()) && arguments != null
                    && !arguments.namedChildren().isEmpty() && readsRequest(arguments.namedChildren().get(0), requestNames)) {
                return object.text();
            }
        }
        return null;
    }

    /** The collection's name when {@code target} is an item of it under a key that reads request data. */
    private static String keyedByRequest(PyNode target, Set<String> collections, Set<String> requestNames) {
        if (!target.is("subscript")) return null;
        PyNode object = target.field("value");
        PyNode key = target.field("subscript");
        return object != null && object.is("identifier") && collections.contains(object.text()) && key != null
                && readsRequest(key, requestNames) ? object.text() : null;
    }

    /** Whether the expression (or a part of it) is request data, or names a value of the request. */
    private static boolean readsRequest(PyNode expression, Set<String> requestNames) {
        boolean[] found = {false};
        expression.forEachDescendant(node -> {
            if (!found[0] && (WebRoutes.requestData(node) || node.is("identifier") && requestNames.contains(node.text())
                    && !(node.parent() != null && node.parent().is("attribute") && node.parent().field("attribute") == node))) {
                found[0] = true;
            }
        });
        return found[0];
    }
}
