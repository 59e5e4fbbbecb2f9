package org.sejour.infrastructure.security;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginTagsTest {

    private static final byte[] SECRET = DeviceTokensTest.SECRET;

    @Test
    void logTagsAreStableForOneLoginAndKeyed() {
        LoginTags tags = new LoginTags(SECRET);
        String tag = tags.tag("Owner@Example.test ");
        assertTrue(tag.matches("login#[0-9a-f]{10}"), tag);
        assertEquals(tag, tags.tag("owner@example.test"));
        assertNotEquals(tag, tags.tag("owner2@example.test"));
        assertNotEquals(tag, new LoginTags("another secret of 32 bytes......".getBytes(StandardCharsets.US_ASCII))
                .tag("owner@example.test"), "without the secret, no dictionary of tags");
    }
}
