package org.sejour.infrastructure.security;

import java.util.HexFormat;
import java.util.Objects;

/**
 * What the log says instead of a login that matches no user: people type passwords into the
 * login field, so the text itself is never written. The tag is a keyed hash, the same for the
 * same login (so that repeated attempts can be told apart and counted) and impossible to turn
 * back into the text, even by guessing, without the server's secret.
 */
public final class LoginTags {

    private final byte[] key;

    public LoginTags(byte[] secret) {
        this.key = Hmac.subKey(Objects.requireNonNull(secret, "secret is required"), "log-tag");
    }

    /** "login#" and 10 hex digits; logins that differ only in case or surrounding spaces share a tag. */
    public String tag(String login) {
        return "login#" + HexFormat.of().formatHex(Hmac.sign(key, LoginThrottle.loginKey(login)), 0, 5);
    }
}
