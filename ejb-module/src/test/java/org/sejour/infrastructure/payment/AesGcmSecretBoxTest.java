package org.sejour.infrastructure.payment;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AesGcmSecretBoxTest {

    private static final String KEY = "k3yFromCredentialsFile20";
    private static final String SECRET = "sk_test_51Habc0123456789abcdefXYZ";

    private final AesGcmSecretBox box = new AesGcmSecretBox(Optional.of(KEY));

    @Test
    void aSealedSecretOpensWithTheSameKeyAndContextOnly() {
        byte[] sealed = box.seal(SECRET, "stripe:7:secret-key");
        assertEquals(SECRET, box.open(sealed, "stripe:7:secret-key"));
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("sk_test"), "not in clear");
        assertEquals(12 + SECRET.length() + 16, sealed.length, "IV, ciphertext, tag");
        // another account's row, another field, another server key: nothing opens
        assertThrows(IllegalStateException.class, () -> box.open(sealed, "stripe:8:secret-key"));
        assertThrows(IllegalStateException.class, () -> box.open(sealed, "stripe:7:webhook-secret"));
        assertThrows(IllegalStateException.class,
                () -> new AesGcmSecretBox(Optional.of("anotherKeyOfTwentyChars")).open(sealed, "stripe:7:secret-key"));
    }

    @Test
    void eachSealingDrawsAFreshIvAndATamperedValueDoesNotOpen() {
        byte[] one = box.seal(SECRET, "c");
        byte[] two = box.seal(SECRET, "c");
        assertNotEquals(new String(one, StandardCharsets.ISO_8859_1), new String(two, StandardCharsets.ISO_8859_1));
        one[20] ^= 1;
        assertThrows(IllegalStateException.class, () -> box.open(one, "c"));
    }

    @Test
    void withoutAConfiguredKeyNothingIsSealed() {
        AesGcmSecretBox none = new AesGcmSecretBox(Optional.empty());
        assertFalse(none.available());
        assertTrue(box.available());
        assertThrows(IllegalStateException.class, () -> none.seal(SECRET, "c"));
        assertFalse(new AesGcmSecretBox(Optional.of("short")).available(), "a key too short to be one is refused");
    }
}
