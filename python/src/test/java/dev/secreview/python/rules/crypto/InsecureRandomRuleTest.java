package dev.secreview.python.rules.crypto;

import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.python.rules.RuleCheck;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A shuffle of characters from a CSPRNG is a low note about their order, not a guessable secret. */
class InsecureRandomRuleTest {

    private static List<Finding> findings(String code) {
        return RuleCheck.findings(new InsecureRandomRule(), "svc/passwords.py", code);
    }

    @Test
    void shufflingCsprngCharactersIsALowNoteAboutTheirOrder() {
        List<Finding> found = findings("""
                import os, random

                def make(groups):
                    password = [g[os.urandom(1)[0] % len(g)] for g in groups]
                    random.shuffle(password)
                    random.shuffle(password)
                    return "".join(password)
                """);
        assertEquals(1, found.size(), () -> "one note per list: " + found);
        Finding note = found.get(0);
        assertEquals(5, note.line());
        assertEquals(Severity.LOW, note.severity());
        assertTrue(note.message().contains("whose characters come from a CSPRNG: they stay unguessable, and only "
                + "their order follows the Mersenne Twister"), note.message());
        assertFalse(note.message().contains("guess this secret value"), note.message());
    }

    @Test
    void shufflingConstantCharactersMakesTheSecret() {
        List<Finding> found = findings("""
                import random, string

                def make():
                    password = list(string.ascii_letters)
                    random.shuffle(password)
                    return "".join(password[:12])
                """);
        assertEquals(1, found.size());
        assertEquals(Severity.HIGH, found.get(0).severity());
        assertTrue(found.get(0).message().contains("an attacker can guess this secret value"), found.get(0).message());
    }
}
