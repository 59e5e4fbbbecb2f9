package org.sejour.infrastructure.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Tokens of staff invitation links. A token is the HMAC of the invitation's random nonce under a
 * server secret: the database keeps only the nonce and the token's SHA-256, so that neither a copy of
 * the database nor the outbox reveals a usable link, while the outbox can still write the mail later.
 */
public class InvitationTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private final byte[] key;
    private final SecureRandom random = new SecureRandom();

    public InvitationTokens(byte[] secret) {
        this.key = Hmac.subKey(Objects.requireNonNull(secret, "secret is required"), "staff-invitation");
    }

    public String newNonce() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public String token(String nonce) {
        return ENCODER.encodeToString(Hmac.sign(key, nonce));
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
