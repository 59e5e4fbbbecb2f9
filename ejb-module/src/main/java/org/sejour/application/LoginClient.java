package org.sejour.application;

/**
 * Where a login attempt comes from: the connection's address (a forwarded-for header is not
 * trusted, anyone can write one) and the device cookie the browser sent, if any (null otherwise).
 */
public record LoginClient(String address, String deviceCookie) {
}
