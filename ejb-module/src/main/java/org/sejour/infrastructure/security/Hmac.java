package org.sejour.infrastructure.security;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/** HMAC-SHA256, and keys for separate purposes derived from one secret. */
final class Hmac {

    private Hmac() {
    }

    static byte[] sign(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** A key for one purpose: a signature made for one use is worth nothing for another. */
    static byte[] subKey(byte[] secret, String purpose) {
        return sign(secret, "sejour:" + purpose);
    }
}
