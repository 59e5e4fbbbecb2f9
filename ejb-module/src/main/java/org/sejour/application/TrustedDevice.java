package org.sejour.application;

import java.time.Duration;
import java.util.Objects;

/** The device cookie to give the browser after a successful login, and how long it stays valid. */
public record TrustedDevice(String cookie, Duration validFor) {

    public TrustedDevice {
        Objects.requireNonNull(cookie, "cookie is required");
        Objects.requireNonNull(validFor, "validFor is required");
    }
}
