package org.sejour.infrastructure.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {

    private final PasswordHasher fast = new PasswordHasher(1_000);

    @Test
    void defaultUsesAtLeastSixHundredThousandIterations() {
        String hash = new PasswordHasher().hash("correct horse battery");
        String[] parts = hash.split("\\$");
        assertEquals("pbkdf2-sha256", parts[0]);
        assertTrue(Integer.parseInt(parts[1]) >= 600_000, hash);
    }

    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = fast.hash("s3cret-pässwörd");
        assertTrue(fast.verify("s3cret-pässwörd", hash));
        assertFalse(fast.verify("s3cret-passwort", hash));
        assertFalse(fast.verify("", hash));
    }

    @Test
    void saltsEveryHash() {
        assertNotEquals(fast.hash("same"), fast.hash("same"));
    }

    @Test
    void rejectsForeignFormats() {
        assertFalse(fast.verify("x", "$2a$10$abcdefghijklmnopqrstuv"));
        assertFalse(fast.verify("x", "plain"));
    }

    @Test
    void asksForRehashWhenIterationsWereFewer() {
        String old = new PasswordHasher(10).hash("pw");
        assertTrue(fast.needsRehash(old));
        assertFalse(fast.needsRehash(fast.hash("pw")));
        assertTrue(fast.verify("pw", old), "old hashes keep working until upgraded");
    }

    @Test
    void anUnknownLoginCostsOneHashLikeAWrongPassword() {
        String hash = fast.hash("pw");
        long before = fast.derivations();
        assertFalse(fast.verify("wrong", hash));
        assertEquals(before + 1, fast.derivations());
        assertFalse(fast.verifyNone("pw"));
        assertEquals(before + 2, fast.derivations());
    }
}
