package dev.secreview.python.rules.files;

import dev.secreview.core.rule.RuleInfo;
import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.tree.PyNode;

@RuleInfo(
        id = "py-zip-extract",
        cwe = 409,
        severity = Severity.LOW,
        confidence = Confidence.MEDIUM,
        summary = "Zip members are extracted or read whole without looking at their uncompressed size.",
        fix = "Check the declared sizes first and stop at a budget: `total = sum(i.file_size for i in zf.infolist()); "
                + "if total > MAX_UNPACKED: raise ValueError(\"archive too large\")`, then extract; when reading, "
                + "stream with `zf.open(name)` and `read(limit)` instead of `zf.read(name)`.")
public final class ZipExtractRule implements CallRule {

    @Override
    public void visitCall(Call call, RuleContext context) {
        String name = call.name();
        boolean extract = name.equals("extractall") || name.equals("extract");
        if (!extract && !name.equals("read")) return;
        PyNode receiver = call.receiver();
        if (receiver == null) return;
        String zipName;
        if (name.equals("read") && receiver.is("call")) {
            // zf.open(member).read(): the whole member at once
            Call open = Call.of(receiver, context.file());
            if (!open.name().equals("open") || open.receiver() == null || !isZipFile(open.receiver(), context)) return;
            if (!call.positional().isEmpty() || call.keyword("n") != null) return;
            zipName = open.receiver().text();
        } else {
            if (!isZipFile(receiver, context)) return;
            if (name.equals("read") && call.positional().isEmpty() && call.keyword("name") == null) return;
            zipName = receiver.text();
        }
        if (ArchivePathChecks.checksMemberSizes(ArchivePathChecks.region(call.node(), context.file()))) return;
        String message;
        if (extract) {
            message = "`" + zipName + "." + name + "(...)` writes " + (name.equals("extractall") ? "every member" : "the member")
                    + " without looking at its uncompressed size. `zipfile` already strips `..` and absolute paths "
                    + "from member names, but not size: a few-kilobyte archive can expand to gigabytes and fill the disk "
                    + "(a zip bomb).";
        } else {
            String shown = call.node().text().replace('\n', ' ');
            if (shown.length() > 60) shown = zipName + ".read(...)";
            message = "`" + shown + "` reads a whole archive member into memory without checking its declared "
                    + "`file_size`; a highly compressed member expands to gigabytes and can exhaust the process's "
                    + "memory (a zip bomb).";
        }
        context.report(call.node(), message);
    }

    private static boolean isZipFile(PyNode receiver, RuleContext context) {
        PyNode built = context.file().constructorCall(receiver);
        if (built == null) return false;
        String factory = context.file().qualifiedName(built.field("function"));
        return "zipfile.ZipFile".equals(factory) || "zipfile.PyZipFile".equals(factory);
    }
}
