package dev.secreview.java.rules;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.java.api.JavaRule;
import dev.secreview.java.api.RuleContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * TLS pinned to, or opened up to, a broken protocol version: {@code SSLContext.getInstance} with SSL, SSLv3, TLSv1 or
 * TLSv1.1; {@code setEnabledProtocols}/{@code setProtocols} given a list that names one of them; the
 * {@code https.protocols} or {@code jdk.tls.client.protocols} system property set to one. The protocol names must be
 * constants the file shows (a literal, an array of literals, a local or final field bound to one).
 */
@RuleInfo(id = "java-ssl-old-protocol", cwe = 327, severity = Severity.MEDIUM, confidence = Confidence.HIGH,
        summary = "A TLS context or socket is pinned to, or allowed, SSLv3, TLS 1.0 or TLS 1.1 (SSLContext.getInstance, setEnabledProtocols).",
        fix = "Request SSLContext.getInstance(\"TLSv1.3\") (or \"TLS\" and let the platform choose), and enable only TLSv1.2 and TLSv1.3.")
public final class SslOldProtocol implements JavaRule {
    private static final Set<String> BROKEN = Set.of("SSL", "SSLV2", "SSLV3", "TLSV1", "TLSV1.1");
    private static final Set<String> PROTOCOL_SETTERS = Set.of("setEnabledProtocols", "setProtocols");
    private static final Set<String> PROTOCOL_PROPERTIES = Set.of("https.protocols", "jdk.tls.client.protocols",
            "jdk.tls.server.protocols");

    @Override
    public void check(CompilationUnit unit, RuleContext context) {
        for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
            String callee = context.staticCallee(call);
            String name = call.getNameAsString();
            if (("javax.net.ssl.SSLContext.getInstance".equals(callee) || "SSLContext.getInstance".equals(callee))
                    && !call.getArguments().isEmpty()) {
                Constants.text(call.getArgument(0)).filter(SslOldProtocol::broken).ifPresent(p -> context.report(call,
                        "SSLContext.getInstance(\"" + p + "\") asks for " + describe(p) + "; request \"TLSv1.3\" or \"TLS\"."));
            } else if (PROTOCOL_SETTERS.contains(name) && call.getArguments().size() == 1) {
                List<String> old = protocols(call.getArgument(0)).stream().filter(SslOldProtocol::broken).toList();
                if (!old.isEmpty()) {
                    context.report(call, name + " enables " + String.join(", ", old) + ", which an attacker on the path "
                            + "can downgrade the connection to and then break.");
                }
            } else if ("java.lang.System.setProperty".equals(callee) && call.getArguments().size() == 2
                    && Constants.text(call.getArgument(0)).filter(PROTOCOL_PROPERTIES::contains).isPresent()) {
                List<String> old = Constants.text(call.getArgument(1)).stream()
                        .flatMap(list -> Arrays.stream(list.split(","))).map(String::strip).filter(SslOldProtocol::broken).toList();
                if (!old.isEmpty()) {
                    context.report(call, "the protocol property enables " + String.join(", ", old) + ", which an "
                            + "attacker on the path can downgrade the connection to and then break.");
                }
            }
        }
    }

    private static boolean broken(String protocol) {
        return BROKEN.contains(protocol.toUpperCase(Locale.ROOT));
    }

    private static String describe(String protocol) {
        return protocol.equalsIgnoreCase("SSL")
                ? "the SSL protocol family by name (a provider may give SSLv3; the JDK gives TLS under that name)"
                : protocol + ", a protocol version with known attacks (POODLE, BEAST) that current clients refuse";
    }

    /** The protocol names of an array argument: {@code new String[] {...}}, or a local or field bound to one. */
    private static List<String> protocols(Expression e) {
        ArrayInitializerExpr values = null;
        if (e instanceof ArrayCreationExpr creation) values = creation.getInitializer().orElse(null);
        else if (e instanceof ArrayInitializerExpr init) values = init;
        else if (e instanceof NameExpr name) values = arrayBoundTo(name).orElse(null);
        List<String> names = new ArrayList<>();
        if (values != null) values.getValues().forEach(v -> Constants.text(v).ifPresent(names::add));
        return names;
    }

    /** The array a name is declared with, a local of its method first, else a field of its class. */
    private static Optional<ArrayInitializerExpr> arrayBoundTo(NameExpr name) {
        for (Optional<Node> scope : List.of(Binding.callable(name), Constants.enclosing(name, TypeDeclaration.class))) {
            Optional<VariableDeclarator> declared = scope.flatMap(s -> s.findFirst(VariableDeclarator.class,
                    v -> v.getNameAsString().equals(name.getNameAsString())));
            if (declared.isEmpty()) continue;
            Optional<Expression> init = declared.get().getInitializer();
            if (init.isPresent() && init.get() instanceof ArrayInitializerExpr a) return Optional.of(a);
            if (init.isPresent() && init.get() instanceof ArrayCreationExpr c) return c.getInitializer();
            return Optional.empty();
        }
        return Optional.empty();
    }
}
