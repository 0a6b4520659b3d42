package dev.secreview.python.rules.access;

import dev.secreview.python.tree.PyNode;

import java.util.regex.Pattern;

/** The calls that ask a policy engine or permission system for an authorization decision. */
final class AuthorizationCalls {

    private static final Pattern CHECK_CALL = Pattern.compile(
            "^_*(can|authorize|authorise|enforce|check_policy|policy_check|check_is_admin|require_admin|"
                    + "require_admin_context|has_perm|has_perms|has_permission|check_permission|check_permissions|"
                    + "check_object_permissions|assert_permission|authorize_action|check_access|require_permission)$");

    private AuthorizationCalls() {
    }

    /** {@code context.can(...)}, {@code policy.enforce(...)}, {@code self._check_policy(...)}, {@code has_perm(...)}. */
    static boolean isCheck(PyNode call) {
        return CHECK_CALL.matcher(calledName(call)).matches();
    }

    /** The name a call calls: {@code can} of {@code context.can(...)}, {@code authorize} of {@code authorize(...)}. */
    static String calledName(PyNode call) {
        PyNode function = call.field("function");
        if (function == null) return "";
        if (function.is("attribute") && function.field("attribute") != null) return function.field("attribute").text();
        return function.is("identifier") ? function.text() : "";
    }
}
