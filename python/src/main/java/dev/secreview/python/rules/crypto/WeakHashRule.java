package dev.secreview.python.rules.crypto;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Identifiers;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.PythonFile;
import dev.secreview.python.semantic.Values;
import dev.secreview.python.tree.PyNode;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@RuleInfo(
        id = "py-weak-hash",
        cwe = 328,
        severity = Severity.MEDIUM,
        confidence = Confidence.MEDIUM,
        summary = "MD5, SHA-1, MD4 or MD2 is used where a hash may have to resist collisions or guessing.",
        fix = "Use hashlib.sha256() (or SHA-3/BLAKE2) for integrity and signatures, a password hash such as "
                + "hashlib.scrypt()/argon2/bcrypt for passwords, and pass usedforsecurity=False "
                + "(Python 3.9+) when MD5/SHA-1 is only a non-security checksum: hashlib.md5(data, usedforsecurity=False).",
        altNames = {"B303", "B324"})
public final class WeakHashRule implements CallRule {

    private static final Map<String, String> DIRECT = Map.ofEntries(
            Map.entry("hashlib.md5", "MD5"), Map.entry("hashlib.sha1", "SHA-1"),
            Map.entry("Crypto.Hash.MD5.new", "MD5"), Map.entry("Crypto.Hash.SHA.new", "SHA-1"),
            Map.entry("Crypto.Hash.SHA1.new", "SHA-1"), Map.entry("Crypto.Hash.MD4.new", "MD4"),
            Map.entry("Crypto.Hash.MD2.new", "MD2"),
            Map.entry("Cryptodome.Hash.MD5.new", "MD5"), Map.entry("Cryptodome.Hash.SHA.new", "SHA-1"),
            Map.entry("Cryptodome.Hash.SHA1.new", "SHA-1"), Map.entry("Cryptodome.Hash.MD4.new", "MD4"),
            Map.entry("Cryptodome.Hash.MD2.new", "MD2"),
            Map.entry("cryptography.hazmat.primitives.hashes.MD5", "MD5"),
            Map.entry("cryptography.hazmat.primitives.hashes.SHA1", "SHA-1"));

    /** Names accepted by hashlib.new() / hmac / pbkdf2_hmac that select a weak algorithm. */
    private static final Map<String, String> BY_NAME = Map.of("md5", "MD5", "sha1", "SHA-1", "sha", "SHA-1",
            "md4", "MD4", "md2", "MD2", "sha-1", "SHA-1");

    /** Modules and callables that stand for MD5 when passed as an HMAC digest. */
    private static final Set<String> MD5_REFERENCES = Set.of("hashlib.md5", "Crypto.Hash.MD5", "Cryptodome.Hash.MD5",
            "cryptography.hazmat.primitives.hashes.MD5", "cryptography.hazmat.primitives.hashes.MD5()", "md5.new", "md5");

    private static final Set<String> SECURITY_WORDS = Set.of("password", "passwd", "pwd", "passphrase", "token",
            "secret", "sign", "signs", "signed", "signing", "signature", "signatures", "signer", "hmac", "auth",
            "authenticate", "authentication", "authenticator", "authorize", "authorization", "credential",
            "credentials");

    /** Words that say a digest names or identifies something (a cache file, an image, a key pair) rather than protects it. */
    private static final Set<String> IDENTITY_WORDS = Set.of("fname", "filename", "filenames", "path", "paths",
            "cache", "cached", "id", "ids", "identifier", "ident", "uuid", "fingerprint", "fingerprints", "etag",
            "etags", "checksum", "checksums", "crc", "shard", "bucket", "partition", "lock");

    /** Calls whose arguments are file names, besides {@code os.path.*}. */
    private static final Set<String> PATH_CALLS = Set.of("open", "io.open", "os.makedirs", "os.mkdir", "os.remove",
            "os.unlink", "os.rename", "os.replace", "os.stat", "os.listdir", "shutil.copy", "shutil.copyfile",
            "shutil.move", "shutil.rmtree", "pathlib.Path", "pathlib.PurePath");

    private static final Set<String> CONSTANT_TIME_COMPARISONS = Set.of("hmac.compare_digest", "secrets.compare_digest");

    private static final String PREFIX = "cryptography.hazmat.primitives.";

    /**
     * What the code does with a digest: protects a secret (compared with a stored secret or in constant
     * time; {@code how} says so) or names and identifies something (a file name, a lookup key, a checksum).
     */
    private record Purpose(boolean security, String how) {
        static final Purpose IDENTITY = new Purpose(false, null);
    }

    @Override
    public void visitCall(Call call, RuleContext context) {
        String callee = call.callee();
        if (callee == null) return;
        if (callee.equals("hmac.new") || callee.equals("hmac.HMAC") || callee.equals("hmac.digest")) {
            checkHmac(call, context);
            return;
        }
        if (callee.equals("hashlib.pbkdf2_hmac")) {
            checkPbkdf2(call, context);
            return;
        }
        String algorithm = DIRECT.get(callee);
        if (algorithm == null && callee.equals("hashlib.new")) {
            Optional<String> name = context.values().string(call.argument(0, "name"));
            if (name.isEmpty()) return;
            algorithm = BY_NAME.get(name.get().toLowerCase(Locale.ROOT));
        }
        if (algorithm == null) return;
        Values values = context.values();
        PyNode forSecurity = call.keyword("usedforsecurity");
        // False, or a wrapper forwarding its caller's choice (usedforsecurity=usedforsecurity)
        if (forSecurity != null && !values.isTrue(forSecurity)) return;
        if (onlyAsksSize(call.node())) return;
        if (callee.startsWith(PREFIX)) {
            checkCryptographyHash(call, algorithm, context);
            return;
        }
        PythonFile file = context.file();
        PyNode data = callee.equals("hashlib.new") ? call.argument(1, "data") : call.argument(0, "data");
        String digest = "`" + callee + "` computes " + article(algorithm) + " digest"
                + (data == null ? "" : " of `" + CryptoSupport.shorten(data.text()) + "`");
        List<String> destinations = CryptoSupport.destinationNames(call.node(), file);
        // What the digest protects or names decides: the names it is stored under and hashes, then where it goes.
        String role = securityName(destinations);
        if (role == null && data != null) role = securityName(CryptoSupport.identifiersIn(data));
        Purpose purpose = role == null ? purposeOfUse(call.node(), file, 0) : null;
        if (purpose != null && purpose.security()) {
            context.report(call.node(), digest + " that is " + purpose.how() + "; " + algorithm + " is fast and has "
                    + "practical collision attacks, so it protects neither passwords nor tokens nor signatures.",
                    Severity.HIGH, Confidence.HIGH);
            return;
        }
        // A file name, a lookup key, an id, a fingerprint or a checksum needs no secrecy: not CWE-328.
        if (role == null && (purpose != null || identityName(destinations))) return;
        if (role == null) role = securityName(listOf(functionCall(call.node(), file)));
        if (role != null) {
            context.report(call.node(), digest + " in a security role (`" + role + "`); " + algorithm + " is fast and "
                    + "has practical collision attacks, so it protects neither passwords nor tokens nor signatures.",
                    Severity.HIGH, Confidence.HIGH);
        } else if (forSecurity != null) {  // usedforsecurity=True: any other value returned above
            context.report(call.node(), digest + ", and `usedforsecurity=True` says it protects something; "
                    + algorithm + " has practical collision attacks and is fast to brute-force. Unless a peer's "
                    + "protocol fixes " + algorithm + " here, use SHA-256 or stronger (a password-based key needs "
                    + "scrypt or PBKDF2).", Severity.MEDIUM, Confidence.HIGH);
        } else {
            context.report(call.node(), digest + "; " + algorithm + " has practical collision attacks. If this is "
                    + "only a checksum or cache key, say so with `usedforsecurity=False`; otherwise use SHA-256 or "
                    + "stronger.");
        }
    }

    /**
     * Where the digest (or the name it is assigned to, or the hash object's {@code hexdigest()}) goes:
     * into a file name, a dict key or a comparison with a checksum, or into a comparison with a secret.
     * Null when no use tells.
     */
    private static Purpose purposeOfUse(PyNode value, PythonFile file, int depth) {
        PyNode at = CryptoSupport.carrier(value);
        PyNode parent = at.parent();
        if (parent == null) return null;
        if (parent.is("keyword_argument") && at == parent.field("value")) {
            at = parent;
            parent = parent.parent();
            if (parent == null) return null;
        }
        return switch (parent.type()) {
            case "subscript" -> at == parent.field("subscript") ? Purpose.IDENTITY : null;
            case "pair" -> at == parent.field("key") ? Purpose.IDENTITY : null;
            case "comparison_operator" -> comparedWith(parent, at);
            case "argument_list" -> parent.parent() != null && parent.parent().is("call")
                    ? passedTo(parent.parent(), file) : null;
            case "assignment" -> {
                PyNode left = parent.field("left");
                boolean named = at == parent.field("right") && left != null && left.is("identifier");
                yield named && depth < 2 ? purposeOfName(left, parent, file, depth + 1) : null;
            }
            default -> null;
        };
    }

    /** The purpose of the later uses of a name in the same function: one use with a secret decides. */
    private static Purpose purposeOfName(PyNode name, PyNode assignment, PythonFile file, int depth) {
        PyNode function = file.enclosingFunction(assignment);
        PyNode scope = function == null ? file.root() : function;
        Purpose[] found = {null};
        scope.forEachDescendant(n -> {
            if (found[0] != null && found[0].security()) return;
            if (!n.is("identifier") || !n.text().equals(name.text()) || n.startOffset() < assignment.endOffset()
                    || file.enclosingFunction(n) != function || isMemberName(n)) {
                return;
            }
            Purpose use = purposeOfUse(n, file, depth);
            if (use != null && (found[0] == null || use.security())) found[0] = use;
        });
        return found[0];
    }

    /** {@code x.name} or {@code f(name=...)}: the identifier is a member or keyword, not the variable. */
    private static boolean isMemberName(PyNode identifier) {
        PyNode parent = identifier.parent();
        if (parent == null) return false;
        return parent.is("attribute") && parent.field("attribute") == identifier
                || parent.is("keyword_argument") && parent.field("name") == identifier;
    }

    /** {@code digest == stored_token} protects a secret; {@code digest != image.checksum} checks integrity. */
    private static Purpose comparedWith(PyNode comparison, PyNode digest) {
        for (PyNode other : comparison.namedChildren()) {
            if (other == digest) continue;
            List<String> names = CryptoSupport.identifiersIn(other);
            String secret = securityName(names);
            if (secret != null) return new Purpose(true, "compared with `" + CryptoSupport.shorten(other.text()) + "`");
            if (identityName(names)) return Purpose.IDENTITY;
        }
        return null;
    }

    /** A file name ({@code os.path.join(base, digest)}) or a secret compared in constant time. */
    private static Purpose passedTo(PyNode call, PythonFile file) {
        PyNode function = call.field("function");
        String callee = file.qualifiedName(function);
        if (callee != null && (PATH_CALLS.contains(callee) || callee.startsWith("os.path."))) return Purpose.IDENTITY;
        if (callee != null && CONSTANT_TIME_COMPARISONS.contains(callee)) {
            return new Purpose(true, "compared in constant time (`" + callee + "`), as a secret is");
        }
        return null;
    }

    private void checkCryptographyHash(Call call, String algorithm, RuleContext context) {
        PythonFile file = context.file();
        PyNode parent = call.node().parent();
        if (parent != null && (parent.is("pair") || parent.is("list") || parent.is("tuple") || parent.is("set"))) {
            return;  // an entry of an algorithm table (OID → hash), not a use
        }
        PyNode user = consumer(call.node());
        String userName = user == null ? null : file.qualifiedName(user.field("function"));
        String method = user == null ? "" : Call.of(user, file).name();
        if (userName != null && (userName.equals(PREFIX + "asymmetric.padding.MGF1")
                || userName.equals(PREFIX + "asymmetric.padding.OAEP"))) {
            if (algorithm.equals("SHA-1")) return;  // OAEP/MGF1 do not rely on collision resistance
        }
        boolean keyed = userName != null && (userName.equals(PREFIX + "hmac.HMAC")
                || userName.equals(PREFIX + "kdf.pbkdf2.PBKDF2HMAC") || userName.equals(PREFIX + "kdf.hkdf.HKDF")
                || userName.equals(PREFIX + "twofactor.totp.TOTP") || userName.equals(PREFIX + "twofactor.hotp.HOTP"));
        if (keyed) {
            if (algorithm.equals("SHA-1")) return;  // HMAC-SHA1 and PBKDF2-HMAC-SHA1 are not broken by collisions
            context.report(call.node(), "`" + userName + "` is keyed with MD5; HMAC constructions survive MD5's "
                    + "collisions better than plain digests, but MD5 is deprecated for any new security use.",
                    Severity.LOW, Confidence.HIGH);
            return;
        }
        if (identityName(List.of(method))) return;  // cert.fingerprint(hashes.SHA1()): names a certificate
        if (method.equals("sign") || method.equals("verify")) {
            context.report(call.node(), "A signature is made or checked over a " + algorithm + " digest (`"
                    + CryptoSupport.shorten(user.text()) + "`); " + algorithm + " collisions let an attacker get a "
                    + "signature for one document that is also valid for another.", Severity.HIGH, Confidence.HIGH);
            return;
        }
        String role = user == null ? null : securityName(CryptoSupport.destinationNames(user, file));
        if (role == null) role = securityName(listOf(functionCall(call.node(), file)));
        if (role != null) {
            context.report(call.node(), "`hashes." + call.name() + "()` selects " + algorithm + " in a security role (`"
                    + role + "`); " + algorithm + " has practical collision attacks.", Severity.HIGH, Confidence.HIGH);
        } else {
            context.report(call.node(), "`hashes." + call.name() + "()` selects " + algorithm + ", which has practical "
                    + "collision attacks; use `hashes.SHA256()` or stronger unless this digest has no security role.");
        }
    }

    private void checkHmac(Call call, RuleContext context) {
        boolean digestFunction = call.calls("hmac.digest");
        PyNode digest = call.argument(2, digestFunction ? "digest" : "digestmod");
        if (digest == null) {
            if (digestFunction || call.unpacksArguments()) return;
            context.report(call.node(), "`" + call.callee() + "` has no digestmod; before Python 3.8 this silently "
                    + "meant HMAC-MD5 (3.8+ raises TypeError), so name a strong digest explicitly.",
                    Severity.LOW, Confidence.MEDIUM, "Pass the digest explicitly: hmac.new(key, msg, hashlib.sha256).");
            return;
        }
        if (!isMd5(digest, context)) return;
        context.report(call.node(), "`" + call.callee() + "` computes HMAC-MD5 (`" + CryptoSupport.shorten(digest.text())
                + "`); HMAC survives MD5's collisions better than a plain digest, but MD5 should not be chosen for "
                + "new message authentication.", Severity.LOW, Confidence.HIGH,
                "Use hmac.new(key, msg, hashlib.sha256) and compare tags with hmac.compare_digest().");
    }

    private void checkPbkdf2(Call call, RuleContext context) {
        Optional<String> name = context.values().string(call.argument(0, "hash_name"));
        if (name.isEmpty() || !name.get().equalsIgnoreCase("md5")) return;
        context.report(call.node(), "`hashlib.pbkdf2_hmac` derives a key with HMAC-MD5; use SHA-256 with a high "
                + "iteration count, or scrypt/argon2 for passwords.", Severity.LOW, Confidence.HIGH);
    }

    private static boolean isMd5(PyNode digest, RuleContext context) {
        Optional<String> name = context.values().string(digest);
        if (name.isPresent()) return name.get().equalsIgnoreCase("md5");
        String qn = context.file().qualifiedName(digest);
        return qn != null && MD5_REFERENCES.contains(qn);
    }

    /** {@code hashlib.sha1().digest_size}: the object is made only to ask a property, nothing is hashed. */
    private static boolean onlyAsksSize(PyNode call) {
        PyNode parent = call.parent();
        if (parent == null || !parent.is("attribute") || parent.field("object") != call) return false;
        PyNode attribute = parent.field("attribute");
        if (attribute == null) return false;
        String name = attribute.text();
        return name.equals("digest_size") || name.equals("block_size") || name.equals("name");
    }

    /** The call that receives {@code node} as an argument (positional or keyword), or null. */
    private static PyNode consumer(PyNode node) {
        PyNode p = node.parent();
        if (p != null && p.is("keyword_argument")) p = p.parent();
        if (p == null || !p.is("argument_list")) return null;
        PyNode call = p.parent();
        return call != null && call.is("call") ? call : null;
    }

    /** The first name that says it holds a password, token, signature or the like. */
    private static String securityName(List<String> names) {
        for (String name : names) {
            if (name == null) continue;
            for (String word : Identifiers.words(name)) {
                if (SECURITY_WORDS.contains(word) || word.startsWith("password") || word.startsWith("passwd")
                        || word.startsWith("token") || word.startsWith("secret")) {
                    return name;
                }
            }
        }
        return null;
    }

    /** Whether a name says it holds a file name, an id, a fingerprint, a checksum or a cache key. */
    private static boolean identityName(List<String> names) {
        for (String name : names) {
            if (name != null && Identifiers.words(name).stream().anyMatch(IDENTITY_WORDS::contains)) return true;
        }
        return false;
    }

    private static String article(String algorithm) {
        return (algorithm.startsWith("M") ? "an " : "a ") + algorithm;
    }

    private static String functionCall(PyNode node, PythonFile file) {
        String name = CryptoSupport.functionName(node, file);
        return name == null ? null : name + "()";
    }

    private static List<String> listOf(String name) {
        return name == null ? List.of() : List.of(name);
    }
}
