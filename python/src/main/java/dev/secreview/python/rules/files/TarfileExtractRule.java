package dev.secreview.python.rules.files;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.Values;
import dev.secreview.python.semantic.Snippets;
import dev.secreview.python.tree.PyNode;

import java.util.Optional;
import java.util.Set;

@RuleInfo(
        id = "py-tarfile-extract",
        cwe = 22,
        judgedBy = "path",
        severity = Severity.HIGH,
        confidence = Confidence.MEDIUM,
        summary = "A tar archive is extracted without an extraction filter or a check of its member paths.",
        fix = "Pass an extraction filter: `tar.extractall(dest, filter=\"data\")` (Python 3.12+, and the 3.8.17/3.9.17/"
                + "3.10.12/3.11.4 security releases); on older runtimes extract only members whose resolved path stays "
                + "under dest and that are regular files or directories.",
        altNames = {"B202"})
public final class TarfileExtractRule implements CallRule {
    private static final Set<String> TAR_FACTORIES = Set.of("tarfile.open", "tarfile.TarFile", "tarfile.TarFile.open",
            "tarfile.TarFile.taropen", "tarfile.TarFile.gzopen", "tarfile.TarFile.bz2open", "tarfile.TarFile.xzopen");

    @Override
    public void visitCall(Call call, RuleContext context) {
        String name = call.name();
        if (!name.equals("extractall") && !name.equals("extract") && !call.calls("shutil.unpack_archive")) return;
        if (call.calls("shutil.unpack_archive")) {
            checkUnpackArchive(call, context);
            return;
        }
        PyNode receiver = call.receiver();
        if (receiver == null) return;
        PyNode opened = context.file().constructorCall(receiver);
        if (opened == null) return;
        String factory = context.file().qualifiedName(opened.field("function"));
        if (factory == null || !TAR_FACTORIES.contains(factory)) return;
        if (call.unpacksArguments() || filterMakesItSafe(call.keyword("filter"), context)) return;
        if (setsDefaultFilter(context)) return;
        boolean all = name.equals("extractall");
        if (all) {
            PyNode members = call.argument(1, "members");
            if (members != null && !isPlainMemberList(members, context)) return;
        }
        PyNode filter = call.keyword("filter");
        String subject = "`" + receiver.text() + "." + name + "(...)` extracts " + archiveSource(opened, context);
        Values.Origin origin = archiveOrigin(opened, context);
        Severity severity = origin == Values.Origin.CONSTANT ? Severity.MEDIUM : Severity.HIGH;
        PyNode region = ArchivePathChecks.region(call.node(), context.file());
        if (ArchivePathChecks.validatesMemberPaths(region, context.file())) {
            if (ArchivePathChecks.admitsUncheckedLinks(region, context.file())) {
                context.report(call.node(), subject + " after checking member names, but it lets link members through "
                        + "(`issym()`/`islnk()`) without looking at where they point (`linkname`): a link aimed at `/` or "
                        + "`../..`, and then a member written through it, lands outside the target directory.",
                        severity, Confidence.MEDIUM);
            }
            return;
        }
        String how = filter != null
                ? " with `filter=" + filter.text() + "`, which keeps member names and links as they are"
                : " without a `filter=` or a check of member names";
        String consequence = all
                ? "a member named `../../etc/cron.d/x`, an absolute path, or a symlink pointing outside the target "
                        + "directory writes files anywhere this process can write."
                : "if that member's name is `../`-relative or absolute, or it is a link, the file lands outside the "
                        + "target directory.";
        context.report(call.node(), subject + how + "; " + consequence, severity, Confidence.MEDIUM);
    }

    private void checkUnpackArchive(Call call, RuleContext context) {
        if (call.unpacksArguments() || filterMakesItSafe(call.keyword("filter"), context)) return;
        Values values = context.values();
        Optional<String> format = values.string(call.argument(2, "format"));
        if (format.isPresent() && !format.get().contains("tar")) return;
        Optional<String> file = values.string(call.argument(0, "filename"));
        if (format.isEmpty() && file.isPresent() && file.get().endsWith(".zip")) return;
        if (setsDefaultFilter(context)) return;
        PyNode archive = call.argument(0, "filename");
        String what = archive == null ? "the archive" : "`" + Snippets.shortened(archive.text(), 50) + "`";
        context.report(call.node(), "`shutil.unpack_archive` unpacks " + what + " without `filter=`; if it is a tar "
                + "archive, member names with `../`, absolute paths and links are honoured and can write outside the "
                + "extraction directory.", Severity.MEDIUM, Confidence.MEDIUM,
                "Pass `filter=\"data\"`: `shutil.unpack_archive(path, dest, filter=\"data\")` (Python 3.12+ and the "
                        + "3.8–3.11 security releases).");
    }

    /** {@code filter="data"}/{@code "tar"}, or a callable of the project's own. {@code fully_trusted} is not safe. */
    private static boolean filterMakesItSafe(PyNode filter, RuleContext context) {
        if (filter == null) return false;
        Optional<Object> constant = context.values().constant(filter);
        if (constant.isPresent()) {
            return constant.get() instanceof String s && (s.equals("data") || s.equals("tar"));
        }
        String qn = context.file().qualifiedName(filter);
        return qn == null || !qn.equals("tarfile.fully_trusted_filter");
    }

    /** {@code TarFile.extraction_filter = ...} set somewhere in the file gives every extraction a filter. */
    private static boolean setsDefaultFilter(RuleContext context) {
        return context.file().source().text().contains("extraction_filter");
    }

    /** {@code members=tar.getmembers()} (or a name holding it) checks nothing. */
    private static boolean isPlainMemberList(PyNode members, RuleContext context) {
        PyNode value = members;
        if (value.is("identifier")) {
            PyNode assigned = context.values().singleAssignedValue(value);
            if (assigned != null) value = assigned;
        }
        return value.is("call") && Call.of(value, context.file()).name().equals("getmembers");
    }

    private static PyNode archiveArgument(PyNode opened, RuleContext context) {
        Call open = Call.of(opened, context.file());
        PyNode archive = open.argument(0, "name");
        return archive != null ? archive : open.keyword("fileobj");
    }

    private static String archiveSource(PyNode opened, RuleContext context) {
        PyNode archive = archiveArgument(opened, context);
        return archive == null ? "the archive" : "archive `" + Snippets.shortened(archive.text(), 50) + "`";
    }

    private static Values.Origin archiveOrigin(PyNode opened, RuleContext context) {
        PyNode archive = archiveArgument(opened, context);
        return archive == null ? Values.Origin.UNKNOWN : context.values().origin(archive);
    }
}
