package dev.secreview.python.rules.web;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.core.rule.RuleMetadata;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.SerializerFields;
import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A Django REST framework {@code ModelSerializer} that takes every field of its model lets a client write each one
 * through the views that create or update with it, the owner and privilege fields too. The model, the serializer and
 * the view are usually three files: the rule reports what one file shows whole, and the whole-tree phase
 * ({@link #acrossFiles}) the rest, from every file's {@link SerializerFields}.
 */
@RuleInfo(
        id = SerializerMassAssignmentRule.ID,
        cwe = 915,
        severity = Severity.HIGH,
        confidence = Confidence.MEDIUM,
        summary = "A Django REST framework ModelSerializer takes every field of its model (fields = \"__all__\", or "
                + "exclude only) and a view creates or updates through it, so a client can set fields only the server "
                + "should: an owner, a user, a role, is_staff or is_superuser, groups, a tenant.",
        fix = "List the fields a client may write in Meta.fields, and make the owner and privilege fields read-only "
                + "(Meta.read_only_fields, or read_only=True on the declared field); set the owner in the view with "
                + "serializer.save(owner=self.request.user).",
        altNames = {})
public final class SerializerMassAssignmentRule implements NodeRule {

    /** The rule's id, by which the whole-tree phase reports what no one file shows. */
    public static final String ID = "py-drf-mass-assignment";

    @Override
    public Set<String> nodeTypes() {
        return Set.of("module");
    }

    @Override
    public void visitNode(PyNode module, RuleContext context) {
        for (SerializerFields.Exposure exposure : SerializerFields.exposures(List.of(context.file().serializerFields()))) {
            PyNode at = nodeAt(module, exposure.serializer().at());
            if (at != null) context.report(at, message(exposure));
        }
    }

    /**
     * The findings no one file shows whole (the model, the serializer or the writing view in another file): each at
     * its serializer's {@code Meta} line, as the rule reports it.
     */
    public static List<Finding> acrossFiles(RuleMetadata rule, List<SerializerFields.Facts> files) {
        Set<SerializerFields.Serializer> withinOneFile = new HashSet<>();
        for (SerializerFields.Facts file : files) {
            SerializerFields.exposures(List.of(file)).forEach(e -> withinOneFile.add(e.serializer()));
        }
        List<Finding> findings = new ArrayList<>();
        for (SerializerFields.Exposure exposure : SerializerFields.exposures(files)) {
            SerializerFields.Serializer serializer = exposure.serializer();
            if (withinOneFile.contains(serializer)) continue;
            findings.add(new Finding(rule, serializer.path(), serializer.at(), serializer.snippet(), message(exposure),
                    rule.fix(), rule.severity(), rule.confidence(), null, List.of()));
        }
        return findings;
    }

    private static String message(SerializerFields.Exposure exposure) {
        SerializerFields.Serializer serializer = exposure.serializer();
        SerializerFields.Write write = exposure.write();
        return "`" + serializer.name() + "` takes every field of `" + serializer.model() + "`, and `"
                + String.join("`, `", exposure.fields()) + "` " + (exposure.fields().size() == 1 ? "is" : "are")
                + " neither excluded nor read-only: a client that creates or updates through it (" + write.path() + ":"
                + write.at().startLine() + ") can set " + (exposure.fields().size() == 1 ? "it" : "them")
                + " to another user, or grant itself a privilege.";
    }

    private static PyNode nodeAt(PyNode module, dev.secreview.core.model.TextRange range) {
        PyNode[] found = {null};
        module.forEachDescendant(node -> {
            if (found[0] == null && node.range().equals(range)) found[0] = node;
        });
        return found[0];
    }
}
