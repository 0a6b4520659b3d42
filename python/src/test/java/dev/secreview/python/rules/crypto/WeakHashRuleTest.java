package dev.secreview.python.rules.crypto;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.python.rules.RuleCheck;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a reader sees: the severity follows what the digest is used for, and the message says which use. */
class WeakHashRuleTest {

    private static Finding only(String code) {
        return RuleCheck.only(new WeakHashRule(), "svc/digests.py", code);
    }

    @Test
    void aDigestComparedWithASecretIsHighAndSaysSo() {
        Finding f = only("import hashlib\n\ndef ok(given, user):\n"
                + "    return hashlib.md5(given).hexdigest() == user.secret_hash\n");
        assertEquals(Severity.HIGH, f.severity());
        assertEquals(Confidence.HIGH, f.confidence());
        assertTrue(f.message().contains("that is compared with `user.secret_hash`"), f.message());
    }

    @Test
    void aDigestOfUnknownPurposeIsMediumAndAsks() {
        Finding f = only("import hashlib\n\ndef d(blob):\n    return hashlib.sha1(blob).hexdigest()\n");
        assertEquals(Severity.MEDIUM, f.severity());
        assertEquals(Confidence.MEDIUM, f.confidence());
        assertTrue(f.message().contains("If this is only a checksum or cache key, say so with `usedforsecurity=False`"),
                f.message());
    }

    @Test
    void usedForSecurityTrueIsTakenAtItsWord() {
        Finding f = only("import hashlib\n\ndef d(blob):\n    return hashlib.md5(blob, usedforsecurity=True).digest()\n");
        assertEquals(Severity.MEDIUM, f.severity());
        assertEquals(Confidence.HIGH, f.confidence());
        assertTrue(f.message().contains("`usedforsecurity=True` says it protects something"), f.message());
        assertTrue(!f.message().contains("say so with `usedforsecurity=False`"), f.message());
    }
}
