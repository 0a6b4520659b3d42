package dev.secreview.python.rules.injection;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.Interpolation;
import dev.secreview.python.semantic.PythonFile;
import dev.secreview.python.semantic.Values;
import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@RuleInfo(
        id = "py-ldap-filter-string",
        cwe = 90,
        judgedBy = "ldap",
        severity = Severity.MEDIUM,
        confidence = Confidence.MEDIUM,
        summary = "An LDAP search filter is built by inserting values into its text (format(), %, an f-string) "
                + "without escaping them, so *, (, ) and \\ in a value change what the filter matches.",
        fix = "Escape every value put into a filter: ldap.filter.filter_format(\"(uid=%s)\", [username]) or "
                + "ldap.filter.escape_filter_chars(username) (ldap3: ldap3.utils.conv.escape_filter_chars).",
        altNames = {})
public final class LdapFilterStringRule implements NodeRule {

    /** {@code (uid=...)}, {@code (&(objectClass=user)(cn=...))}: a parenthesised item or a composition of them. */
    private static final Pattern FILTER = Pattern.compile("^\\((?:[&|!]|[\\w.;-]*[~<>]?=).*=.*\\)$|^\\([\\w.;-]*=.*\\)$",
            Pattern.DOTALL);
    /** Replacement fields and conversions, left out of the text matched against {@link #FILTER}. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^{}]*}|%(?:\\([^)]*\\))?[-#0 +]*\\d*(?:\\.\\d+)?[sdrifxa]");
    private static final Pattern CONVERSION = Pattern.compile("%%|%(?:\\([^)]*\\))?[-#0 +]*\\d*(?:\\.\\d+)?([sdrifxa])");
    private static final Pattern FIELD = Pattern.compile("\\{\\{|\\{([^{}!:]*)(?:[!:][^{}]*)?}");
    private static final Set<String> SEARCHES = Set.of("search", "search_s", "search_st", "search_ext",
            "search_ext_s", "paged_search", "search_paged");
    private static final Set<String> ESCAPERS = Set.of("escape_filter_chars", "filter_format", "escape_rdn",
            "escape_dn_chars");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("binary_operator", "call", "string");
    }

    @Override
    public void visitNode(PyNode node, RuleContext context) {
        PythonFile file = context.file();
        boolean ldap = context.fileState(() -> usesLdap(file));
        if (!ldap) return;
        Filter filter = filter(node, context);
        if (filter == null || !FILTER.matcher(PLACEHOLDER.matcher(filter.template().strip()).replaceAll("")).matches()) {
            return;
        }
        List<PyNode> risky = filter.values().stream().filter(part -> !escaped(part, context, 0)).toList();
        if (risky.isEmpty()) return;
        boolean one = risky.size() == 1;
        context.report(node, "This LDAP filter is built by inserting " + Interpolation.names(risky)
                + " as " + (one ? "a value" : "values") + " into its text unescaped: a `*`, `(` or `)` in "
                + (one ? "that value" : "those values")
                + " changes what the search matches (`*` matches every entry, `admin)(|(uid=*` adds conditions), "
                + "which can log a user in as someone else or list the directory.",
                Severity.MEDIUM, Confidence.MEDIUM, searchesUsing(node, context));
    }

    /**
     * The searches in the same function that use the filter through the name it is assigned to: beside
     * the finding, and where the dataflow judges the data that reaches them (a value it proves fixed clears it).
     */
    private static List<Map.Entry<PyNode, String>> searchesUsing(PyNode built, RuleContext context) {
        PyNode assignment = built.parent();
        if (assignment == null || !assignment.is("assignment") || assignment.field("right") != built) return List.of();
        PyNode target = assignment.field("left");
        PyNode scope = context.file().enclosingFunction(built);
        if (target == null || !target.is("identifier") || scope == null) return List.of();
        List<Map.Entry<PyNode, String>> searches = new ArrayList<>();
        scope.forEachDescendant(n -> {
            if (!n.is("call") || n.startOffset() < built.endOffset()) return;
            Call call = Call.of(n, context.file());
            if (call.name() == null || !SEARCHES.contains(call.name())) return;
            boolean uses = call.positional().stream().anyMatch(a -> a.is("identifier") && a.text().equals(target.text()))
                    || call.keywordArguments().stream().anyMatch(k -> k.field("value") != null
                    && k.field("value").text().equals(target.text()));
            if (uses) searches.add(Map.entry(n, "the search that uses `" + target.text() + "`"));
        });
        return searches;
    }

    /** A filter's template text and the expressions inserted where the filter expects a value (after `=`). */
    private record Filter(String template, List<PyNode> values) {
    }

    private static Filter filter(PyNode node, RuleContext context) {
        Values values = context.values();
        switch (node.type()) {
            case "string" -> {
                if (node.namedChildren().stream().noneMatch(c -> c.is("interpolation"))) return null;
                StringBuilder text = new StringBuilder();
                List<PyNode> inserted = new ArrayList<>();
                for (PyNode child : node.namedChildren()) {
                    if (child.is("interpolation")) {
                        PyNode expr = child.namedChildren().isEmpty() ? null : child.namedChildren().get(0);
                        if (expr != null && valuePosition(text)) inserted.add(expr);
                        text.append("{}");
                    } else if (child.is("string_content")) {
                        text.append(child.text());
                    }
                }
                return new Filter(text.toString(), inserted);
            }
            case "binary_operator" -> {
                if (!"%".equals(Values.operator(node))) return null;
                String template = values.string(node.field("left")).orElse(null);
                PyNode args = node.field("right");
                if (template == null || args == null) return null;
                List<PyNode> list = args.is("tuple") ? args.namedChildren() : List.of(args);
                List<PyNode> inserted = new ArrayList<>();
                Matcher m = CONVERSION.matcher(template);
                int index = 0;
                while (m.find()) {
                    if (m.group().equals("%%")) continue;
                    boolean number = "d".equals(m.group(1)) || "i".equals(m.group(1));
                    if (!number && index < list.size() && valuePosition(template.substring(0, m.start()))) {
                        inserted.add(list.get(index));
                    }
                    index++;
                }
                return new Filter(template, inserted);
            }
            case "call" -> {
                if (!isFormatCall(node)) return null;
                String template = values.string(node.field("function").field("object")).orElse(null);
                if (template == null) return null;
                Call call = Call.of(node, context.file());
                List<PyNode> inserted = new ArrayList<>();
                Matcher m = FIELD.matcher(template);
                int auto = 0;
                while (m.find()) {
                    if (m.group().startsWith("{{")) continue;
                    String name = m.group(1);
                    PyNode arg;
                    if (name.isEmpty()) arg = at(call.positional(), auto++);
                    else if (name.chars().allMatch(Character::isDigit)) arg = at(call.positional(), Integer.parseInt(name));
                    else arg = call.keyword(name);
                    if (arg != null && valuePosition(template.substring(0, m.start()))) inserted.add(arg);
                }
                return new Filter(template, inserted);
            }
            default -> {
                return null;
            }
        }
    }

    private static boolean isFormatCall(PyNode call) {
        PyNode function = call.field("function");
        if (function == null || !function.is("attribute")) return false;
        PyNode attribute = function.field("attribute");
        PyNode object = function.field("object");
        return attribute != null && attribute.text().equals("format") && object != null && object.is("string");
    }

    private static PyNode at(List<PyNode> list, int index) {
        return index < list.size() ? list.get(index) : null;
    }

    /** Whether what follows this text is an assertion's value: `(uid=`, `(cn=*`, `(age>=`. */
    private static boolean valuePosition(CharSequence before) {
        String text = before.toString().stripTrailing();
        while (text.endsWith("*")) text = text.substring(0, text.length() - 1);
        return text.endsWith("=");
    }

    /**
     * Escaped (also through a variable assigned the escaped value), a number, or the object's own
     * configuration ({@code self.object_class}: set by the operator).
     */
    private static boolean escaped(PyNode part, RuleContext context, int depth) {
        PythonFile file = context.file();
        if (part.is("attribute") && part.field("object") != null && part.field("object").text().equals("self")) return true;
        if (Interpolation.isNumeric(part, file)) return true;
        // `object_class or self.object_class`: the caller's choice, or the configured default
        if (part.is("boolean_operator")) {
            return part.namedChildren().stream().anyMatch(operand -> operand.is("attribute")
                    && operand.field("object") != null && operand.field("object").text().equals("self"));
        }
        if (part.is("identifier") && depth < 3) {
            PyNode value = context.values().singleAssignedValue(part);
            return value != null && escaped(value, context, depth + 1);
        }
        String called = Interpolation.calledName(part, file);
        if (called == null) return false;
        return ESCAPERS.contains(called.substring(called.lastIndexOf('.') + 1));
    }

    /** A module that imports python-ldap or ldap3 (directly or a submodule). */
    private static boolean usesLdap(PythonFile file) {
        return file.imports("ldap") || file.imports("ldap3");
    }
}
