package dev.secreview.audit;

import dev.secreview.python.semantic.Binding;
import dev.secreview.python.tree.PyNode;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A claim about what kind of thing a module-level name is ("`Z` is a list of options", "the dict `Z`"),
 * against what the file binds to it: a literal, a builtin or class constructor call, a def or a class. Only
 * refuted: that a name is the kind of thing the claim says does not make the rest of the claim true.
 */
final class SymbolKindFacts implements PythonFactChecker {

    private static final String KINDS = "(list|dict|dictionary|tuple|set|string|str|function|class|integer|int|boolean|bool)";
    private static final String NAME = "`([A-Za-z_]\\w*)`";
    private static final Pattern IS_A = Pattern.compile("(?i)" + NAME + ",?\\s+(?:is\\s+|was\\s+)?(?:(?:defined|declared|created|built)"
            + "\\s+as\\s+)?(?:a|an)\\s+(?:\\w+\\s+){0,2}?`?" + KINDS + "`?\\b");
    private static final Pattern THE_KIND = Pattern.compile("(?i)\\bthe\\s+" + KINDS + "\\s+" + NAME);
    private static final Map<String, String> SYNONYMS = Map.of("dictionary", "dict", "string", "str", "integer", "int",
            "boolean", "bool");
    private static final Map<String, String> LITERALS = Map.ofEntries(Map.entry("list", "list"),
            Map.entry("list_comprehension", "list"), Map.entry("dictionary", "dict"), Map.entry("dictionary_comprehension", "dict"),
            Map.entry("tuple", "tuple"), Map.entry("set", "set"), Map.entry("set_comprehension", "set"),
            Map.entry("string", "str"), Map.entry("concatenated_string", "str"), Map.entry("integer", "int"),
            Map.entry("true", "bool"), Map.entry("false", "bool"));
    private static final List<String> BUILTIN_TYPES = List.of("list", "dict", "tuple", "set", "str", "int", "bool");

    /** What a name is: the kind to compare, and how to say it ("a list", "an instance of oslo_config.cfg.OptGroup"). */
    private record Kind(String name, String described) {
    }

    @Override
    public Optional<Fact> judge(Claim claim, String assertion, AuditInput input, PythonCode code) {
        Matcher isA = IS_A.matcher(assertion);
        Matcher theKind = THE_KIND.matcher(assertion);
        String name;
        String claimed;
        if (isA.find()) {
            name = isA.group(1);
            claimed = isA.group(2);
        } else if (theKind.find()) {
            name = theKind.group(2);
            claimed = theKind.group(1);
        } else {
            return Optional.empty();
        }
        String kind = claimed.toLowerCase(Locale.ROOT);
        String expected = SYNONYMS.getOrDefault(kind, kind);
        List<Binding> bindings = code.moduleBindings(name);
        if (bindings.size() != 1) return Optional.empty();
        Binding binding = bindings.get(0);
        return kindOf(binding, code).filter(actual -> !actual.name().equals(expected)).map(actual -> Fact.refuting(
                Evidence.atLine(binding.site(), "makes `" + name + "` " + actual.described() + ", not " + article(kind) + " " + kind)));
    }

    private static Optional<Kind> kindOf(Binding binding, PythonCode code) {
        if (binding.kind() == Binding.Kind.DEFINITION) {
            return Optional.of(binding.site().is("class_definition") ? new Kind("class", "a class") : new Kind("function", "a function"));
        }
        if (binding.kind() != Binding.Kind.ASSIGNMENT || binding.value() == null) return Optional.empty();
        PyNode value = binding.value();
        String literal = LITERALS.get(value.type());
        if (literal != null) return Optional.of(new Kind(literal, article(literal) + " " + literal));
        if (!value.is("call")) return Optional.empty();
        PyNode function = value.field("function");
        String called = function == null ? "" : function.text();
        if (BUILTIN_TYPES.contains(called)) return Optional.of(new Kind(called, article(called) + " " + called));
        String simple = called.substring(called.lastIndexOf('.') + 1);
        // A class by its spelling (PEP 8): calling it makes an instance of it, whatever the claim calls that.
        if (simple.isEmpty() || !Character.isUpperCase(simple.charAt(0))) return Optional.empty();
        String qualified = Optional.ofNullable(code.qualifiedName(function)).orElse(called);
        return Optional.of(new Kind(qualified, "an instance of " + qualified));
    }

    private static String article(String word) {
        return "aeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }
}
