package dev.secreview.python.rules.reliability;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Binding;
import dev.secreview.python.semantic.Snippets;
import dev.secreview.python.tree.PyNode;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A long-lived dict (a module's, or an attribute of an object that lives as long as the process) that a function
 * adds entries to under a key it computes, when nothing in the module ever takes an entry out or looks at its size.
 * Reported at low confidence; the dataflow ({@code judgedBy = "growth"}: the keys of item stores are the kind's
 * sinks) keeps only the stores whose key comes from the request, where every new value a client sends is a new
 * entry that stays for good.
 */
@RuleInfo(
        id = "py-unbounded-cache",
        cwe = 401,
        severity = Severity.LOW,
        confidence = Confidence.LOW,
        judgedBy = "growth",
        summary = "A module-level or instance dict gets a new entry under a key from the request, and nothing in the "
                + "module ever removes entries or bounds its size: every distinct value a client sends stays in memory "
                + "for the life of the process.",
        fix = "Bound the cache: functools.lru_cache(maxsize=...), cachetools.LRUCache/TTLCache, or evict when "
                + "len(cache) passes a limit; or key it only by values the server controls.")
public final class UnboundedCacheRule implements NodeRule {
    private static final Set<String> DICT_MAKERS = Set.of("dict", "collections.OrderedDict", "collections.defaultdict");

    @Override
    public boolean reviewsOperatorTools() {
        return false;
    }

    @Override
    public Set<String> nodeTypes() {
        return Set.of("assignment");
    }

    @Override
    public void visitNode(PyNode node, RuleContext context) {
        PyNode left = node.field("left");
        if (left == null || !left.is("subscript") || context.file().enclosingFunction(node) == null) return;
        PyNode container = left.field("value");
        PyNode key = left.field("subscript");
        if (container == null || key == null || context.values().constant(key).isPresent()) return;
        if (!longLivedDict(container, context) || evicted(container.text(), context)) return;
        context.report(node, "`" + Snippets.shortened(node.text(), 60) + "` adds an entry to `" + container.text()
                + "` under a computed key, and nothing in this module removes entries from it (no pop, del, clear) or "
                + "checks its size: when the key comes from requests, each distinct value stays in memory until the "
                + "process restarts, and a client that varies it exhausts the memory.");
    }

    /**
     * A name bound only at module level to an empty dict (a function that rebinds it empties it), or {@code self.NAME}
     * that the class binds once, to an empty dict.
     */
    private static boolean longLivedDict(PyNode container, RuleContext context) {
        if (container.is("identifier")) {
            List<Binding> bindings = context.file().resolve(container.text(), container);
            return !bindings.isEmpty() && bindings.stream().allMatch(b -> b.kind() == Binding.Kind.ASSIGNMENT
                    && context.file().enclosingFunction(b.site()) == null && emptyDict(b.value(), context));
        }
        if (!container.is("attribute") || !"self".equals(container.field("object").text())) return false;
        PyNode owner = container.ancestor("class_definition");
        if (owner == null) return false;
        String attribute = container.text();
        // Bound once, to an empty dict: a second binding (a reset) empties it.
        int[] bindings = {0};
        boolean[] empty = {false};
        owner.forEachDescendant(n -> {
            if (!n.is("assignment") || n.field("left") == null || !n.field("left").text().equals(attribute)) return;
            bindings[0]++;
            empty[0] = emptyDict(n.field("right"), context);
        });
        return bindings[0] == 1 && empty[0];
    }

    private static boolean emptyDict(PyNode value, RuleContext context) {
        if (value == null) return false;
        if (value.is("dictionary")) return value.namedChildren().isEmpty();
        if (!value.is("call")) return false;
        String made = context.file().qualifiedName(value.field("function"));
        PyNode arguments = value.field("arguments");
        int count = arguments == null ? 0 : arguments.namedChildren().size();
        // A defaultdict's one argument is its factory, not its contents.
        return made != null && DICT_MAKERS.contains(made) && count <= (made.endsWith("defaultdict") ? 1 : 0);
    }

    /** Whether the module takes entries out of the dict, empties it or measures it. */
    private static boolean evicted(String container, RuleContext context) {
        String name = Pattern.quote(container);
        Pattern eviction = Pattern.compile("(?<![\\w.])" + name + "\\s*\\.\\s*(pop|popitem|clear)\\s*\\("
                + "|\\bdel\\s+" + name + "\\s*\\[|\\blen\\(\\s*" + name + "\\s*\\)");
        return eviction.matcher(context.file().source().text()).find();
    }
}
