package org.sejour.infrastructure.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sejour.application.payment.SecretBox;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

/**
 * AES-256-GCM with a random 96-bit IV per value; the stored form is IV followed by the
 * ciphertext and its 128-bit tag. The key is SHA-256 of {@code sejour.payment.secrets-key}, a
 * random value that server-config generates into var/credentials.properties (kept and backed
 * up with the other generated secrets, not in the database). The context is the additional
 * authenticated data.
 */
@ApplicationScoped
public class AesGcmSecretBox implements SecretBox {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Optional<SecretKeySpec> key;

    protected AesGcmSecretBox() {
        this.key = Optional.empty(); // CDI proxy
    }

    @Inject
    public AesGcmSecretBox(@ConfigProperty(name = "sejour.payment.secrets-key") Optional<String> configured) {
        this.key = configured.filter(k -> k.strip().length() >= 16).map(AesGcmSecretBox::derive);
    }

    private static SecretKeySpec derive(String configured) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(configured.strip().getBytes(StandardCharsets.UTF_8));
            return new SecretKeySpec(digest, "AES");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean available() {
        return key.isPresent();
    }

    @Override
    public byte[] seal(String secret, String context) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, context);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    @Override
    public String open(byte[] sealed, String context) {
        if (sealed.length <= IV_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("not a sealed value");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(sealed, IV_BYTES), context);
            return new String(cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // never the value, nor the key, in the message
            throw new IllegalStateException("a sealed payment secret does not open (wrong key or altered)", e);
        }
    }

    private Cipher cipher(int mode, byte[] iv, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key.orElseThrow(() -> new IllegalStateException("sejour.payment.secrets-key is not set")),
                new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
