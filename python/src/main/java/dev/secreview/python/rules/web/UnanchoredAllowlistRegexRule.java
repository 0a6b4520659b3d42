package dev.secreview.python.rules.web;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.Identifiers;
import dev.secreview.python.tree.PyNode;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

@RuleInfo(
        id = "py-regex-unanchored-allowlist",
        cwe = 625,
        severity = Severity.MEDIUM,
        confidence = Confidence.MEDIUM,
        summary = "An e-mail address, host, domain, origin or URL is checked against an allow-list pattern with "
                + "re.search() or re.match() and no end anchor, so a value that merely contains an allowed one passes.",
        fix = "Match the whole value: re.fullmatch(pattern, value), or anchor the pattern (^...$, \\A...\\Z) and "
                + "escape literal dots; for domains compare parsed values (value == d or value.endswith(\".\" + d)).")
public final class UnanchoredAllowlistRegexRule implements CallRule {
    /** Words that name what an allow-list admits. */
    private static final Set<String> SUBJECT_WORDS = Set.of("email", "mail", "host", "hostname", "domain", "origin",
            "url", "uri", "referer", "referrer", "redirect", "netloc", "server", "address");
    /** Words that say a collection or a pattern is an allow-list. */
    private static final Set<String> ALLOW_WORDS = Set.of("whitelist", "whitelists", "allowlist", "allowlists",
            "allowed", "allow", "trusted", "permitted", "domains", "hosts", "origins");
    /** A literal pattern that names a domain: letters, an escaped dot, letters ({@code example\.com}). */
    private static final Pattern DOMAIN_LITERAL = Pattern.compile("[A-Za-z0-9-]\\\\\\.[A-Za-z]{2,}");

    @Override
    public void visitCall(Call call, RuleContext context) {
        boolean search = call.calls("re.search");
        if (!search && !call.calls("re.match")) return;
        PyNode pattern = call.argument(0, "pattern");
        PyNode subject = call.argument(1, "string");
        if (pattern == null || subject == null || !decides(call.node()) || !namesSubject(subject)) return;
        String literal = context.values().string(pattern).orElse(null);
        String why;
        if (literal != null) {
            if (!DOMAIN_LITERAL.matcher(literal).find() || anchoredEnd(literal) && (!search || anchoredStart(literal))) {
                return;
            }
            why = "the pattern has no " + (search && !anchoredStart(literal) ? "anchors" : "end anchor");
        } else if (allowList(pattern, context)) {
            why = "the allow-list's patterns are used as they are written, and nothing anchors them";
        } else {
            return;
        }
        String function = search ? "re.search" : "re.match";
        String accepts = search ? "any value that contains an allowed one anywhere (`attacker-example.com.evil.net`)"
                : "any value that starts with an allowed one (`example.com.evil.net`)";
        context.report(call.node(), "`" + function + "` checks `" + subject.text() + "` against an allow-list, but "
                + why + ": it accepts " + accepts + ", so the check admits addresses or hosts it was meant to keep out.");
    }

    /** Whether the match result decides something: an if/while/and/or/not, a return, any()/all(). */
    private static boolean decides(PyNode call) {
        PyNode node = call;
        for (PyNode p = call.parent(); p != null; node = p, p = p.parent()) {
            switch (p.type()) {
                case "boolean_operator", "not_operator", "parenthesized_expression" -> {
                }
                case "if_statement", "elif_clause", "while_statement", "conditional_expression", "if_clause",
                        "return_statement", "assert_statement" -> {
                    return p.is("conditional_expression") ? node != p.namedChildren().get(0) : true;
                }
                case "argument_list", "generator_expression", "list_comprehension" -> {
                    PyNode outer = p.parent() != null && p.parent().is("argument_list") ? p.parent().parent() : p.parent();
                    String function = outer != null && outer.is("call") && outer.field("function") != null
                            ? outer.field("function").text() : "";
                    if (function.equals("any") || function.equals("all")) return true;
                    if (!function.equals("bool")) return false;
                    p = outer;  // bool(re.match(...)) decides as the match does
                }
                default -> {
                    return false;
                }
            }
        }
        return false;
    }

    /** {@code email}, {@code request.host}, {@code userinfo["email"]}: the value names what an allow-list admits. */
    private static boolean namesSubject(PyNode subject) {
        String name = null;
        if (subject.is("identifier")) {
            name = subject.text();
        } else if (subject.is("attribute") && subject.field("attribute") != null) {
            name = subject.field("attribute").text();
        } else if (subject.is("subscript") && subject.field("subscript") != null
                && subject.field("subscript").is("string")) {
            name = subject.field("subscript").text().replaceAll("[\"']", "");
        }
        return name != null && Identifiers.words(name).stream().anyMatch(SUBJECT_WORDS::contains);
    }

    /** A pattern named as an allow-list entry, or the loop variable over an allow-list. */
    private static boolean allowList(PyNode pattern, RuleContext context) {
        if (!pattern.is("identifier") && !pattern.is("attribute") && !pattern.is("subscript")) return false;
        if (mentionsAllowList(pattern.text())) return true;
        if (!pattern.is("identifier")) return false;
        for (PyNode p = pattern.parent(); p != null; p = p.parent()) {
            List<PyNode> loops = p.is("for_statement") ? List.of(p)
                    : p.namedChildren().stream().filter(c -> c.is("for_in_clause")).toList();
            for (PyNode loop : loops) {
                if (loop.field("left") != null && loop.field("left").text().equals(pattern.text())) {
                    return iteratesAllowList(loop.field("right"), context);
                }
            }
        }
        return false;
    }

    private static boolean iteratesAllowList(PyNode iterated, RuleContext context) {
        if (iterated == null) return false;
        if (mentionsAllowList(iterated.text())) return true;
        PyNode assigned = iterated.is("identifier") ? context.values().singleAssignedValue(iterated) : null;
        return assigned != null && mentionsAllowList(assigned.text());
    }

    private static boolean mentionsAllowList(String text) {
        List<String> words = Identifiers.words(text);
        return words.stream().anyMatch(ALLOW_WORDS::contains);
    }

    private static boolean anchoredEnd(String pattern) {
        return pattern.endsWith("$") || pattern.endsWith("\\Z") || pattern.endsWith("\\z");
    }

    private static boolean anchoredStart(String pattern) {
        return pattern.startsWith("^") || pattern.startsWith("\\A");
    }
}
