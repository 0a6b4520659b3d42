package dev.secreview.python.rules.files;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.Snippets;
import dev.secreview.python.tree.PyNode;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

@RuleInfo(
        id = "py-permissive-file-mode",
        cwe = 732,
        severity = Severity.HIGH,
        confidence = Confidence.HIGH,
        summary = "A file or directory is given a mode that lets other local users write it, or read a secret in it.",
        fix = "Grant only the owner (and, if needed, the service group) access: `os.chmod(path, 0o600)` for files holding "
                + "keys or passwords, `0o640`/`0o750` when a group must read; create secrets with "
                + "`os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)` so they are never readable by others.",
        altNames = {"B103"})
public final class PermissiveFileModeRule implements CallRule {
    private static final long OTHER_WRITE = 02;
    private static final long OTHER_READ = 04;
    private static final long STICKY = 01000;
    /** Words that name a secret whatever else the name says. */
    private static final Set<String> SECRET_WORDS = Set.of("privkey", "private", "secret", "secrets", "password",
            "passwd", "passwords", "htpasswd", "shadow", "token", "tokens", "credential", "credentials", "creds",
            "keytab", "netrc", "kubeconfig");
    /** Words that usually name a secret, unless the name also says it is public (a certificate, a .pub key). */
    private static final Set<String> KEY_WORDS = Set.of("key", "keys", "keyfile", "pem", "rsa", "id_rsa", "ed25519",
            "p12", "pfx", "keyring");
    private static final Set<String> PUBLIC_WORDS = Set.of("pub", "public", "cert", "certs", "certificate", "crt",
            "ca", "chain", "fullchain", "bundle", "authorized", "known", "hosts");

    @Override
    public void visitCall(Call call, RuleContext context) {
        String callee = call.callee();
        if (callee == null) return;
        PyNode mode;
        PyNode target;
        boolean creates;
        switch (callee) {
            case "os.chmod", "os.lchmod" -> {
                mode = call.argument(1, "mode");
                target = call.argument(0, "path");
                creates = false;
            }
            case "os.fchmod" -> {
                mode = call.argument(1, "mode");
                target = call.argument(0, "fd");
                creates = false;
            }
            case "pathlib.Path().chmod", "pathlib.Path().lchmod" -> {
                mode = call.argument(0, "mode");
                target = call.receiver();
                creates = false;
            }
            case "os.open" -> {
                mode = call.argument(2, "mode");
                target = call.argument(0, "path");
                creates = true;
            }
            case "os.mkdir", "os.mkfifo" -> {
                mode = call.argument(1, "mode");
                target = call.argument(0, "path");
                creates = true;
            }
            case "os.makedirs" -> {
                mode = call.argument(1, "mode");
                target = call.argument(0, "name");
                creates = true;
            }
            case "pathlib.Path().mkdir", "pathlib.Path().touch" -> {
                mode = call.argument(0, "mode");
                target = call.receiver();
                creates = true;
            }
            default -> {
                return;
            }
        }
        if (mode == null || target == null) return;
        StatModeBits.Mode bits = StatModeBits.fold(mode, context.file(), context.values());
        if (bits == null) return;
        String modeText = bits.exact() && !mode.text().startsWith("0o") ? StatModeBits.octal(bits.bits()) : null;
        String shownMode = "`" + Snippets.shortened(mode.text(), 50) + "`" + (modeText != null && !mode.text().equals(modeText)
                ? " (" + modeText + ")" : "");
        String shownTarget = "`" + Snippets.shortened(target.text(), 50) + "`";
        String call_ = "`" + callee.replace("pathlib.Path()", "Path") + "`";

        if ((bits.bits() & OTHER_WRITE) != 0) {
            if (creates) {
                // The umask (usually 022) takes the world-write bit away, unless the process cleared it.
                String umask = clearedUmask(context);
                if (umask == null) return;
                context.report(call.node(), call_ + " creates " + shownTarget + " with mode " + shownMode + ", and this "
                        + "file sets `" + umask + "`, so the umask no longer removes the world-write bit: every local "
                        + "user can write to it.", Severity.HIGH, Confidence.MEDIUM);
                return;
            }
            if (bits.exact() && (bits.bits() & STICKY) != 0) {
                context.report(call.node(), call_ + " sets mode " + shownMode + " on " + shownTarget + ": the sticky bit "
                        + "stops users deleting each other's files, but every local user can still create entries "
                        + "in it; make sure that shared, /tmp-like directory is what is meant.", Severity.MEDIUM,
                        Confidence.MEDIUM);
                return;
            }
            String how = bits.exact() ? "mode " + shownMode + ","
                    : shownMode + ", which adds the world-write bit to whatever mode it had,";
            context.report(call.node(), call_ + " gives " + shownTarget + " " + how + " so every local user can write "
                    + "to it: they can replace its contents or, for a directory, add and rename files in it.");
            return;
        }
        // A directory readable by others shows file names, not contents: only files are checked for secrets.
        boolean directory = callee.endsWith("mkdir") || callee.equals("os.makedirs");
        if (!directory && (bits.bits() & OTHER_READ) != 0 && looksSecret(target, context)) {
            context.report(call.node(), call_ + (creates ? " creates " : " sets ") + shownTarget
                    + (creates ? " with mode " : " to mode ") + shownMode + ", which lets every local user read it, "
                    + "and the name says it holds a key, password or token" + (creates
                    ? " (the usual umask 022 does not remove read access)." : "."), Severity.MEDIUM, Confidence.MEDIUM);
        }
    }

    /** The {@code os.umask(...)} call of this file that clears the world-write bit of the mask, as written; else null. */
    private static String clearedUmask(RuleContext context) {
        String[] found = {null};
        context.file().root().forEachDescendant(node -> {
            if (found[0] != null || !node.is("call")) return;
            Call call = Call.of(node, context.file());
            if (!call.calls("os.umask")) return;
            Optional<Object> mask = context.values().constant(call.argument(0, "mask"));
            if (mask.isPresent() && mask.get() instanceof Long m && (m & OTHER_WRITE) == 0) {
                found[0] = node.text();
            }
        });
        return found[0];
    }

    private static boolean looksSecret(PyNode target, RuleContext context) {
        String text = target.text();
        Optional<String> constant = context.values().string(target);
        if (constant.isPresent()) text = text + " " + constant.get();
        // split camelCase before lower-casing, then on anything that is not a letter or digit
        String[] words = text.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT).split("[^a-z0-9]+");
        boolean key = false;
        boolean published = false;
        for (String word : words) {
            if (SECRET_WORDS.contains(word)) return true;
            key |= KEY_WORDS.contains(word);
            published |= PUBLIC_WORDS.contains(word);
        }
        return key && !published;
    }
}
