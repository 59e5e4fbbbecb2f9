package org.sejour.interfaces.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.ConfigProvider;
import org.sejour.application.TrustedDevice;

/**
 * The login device cookie (OWASP "device cookies", see LoginThrottle): given after a successful
 * login, sent back by the browser with its next login attempts, and only with them (its path is
 * the login page). HttpOnly, SameSite=Strict, Secure when Séjour is served over HTTPS.
 */
public final class DeviceCookie {

    static final String NAME = "sejour_device";
    private static final String LOGIN_PAGE = "/login.xhtml";

    private DeviceCookie() {
    }

    /** The value the browser sent, or null. */
    static String read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (NAME.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    public static void give(HttpServletRequest request, HttpServletResponse response, TrustedDevice device) {
        boolean secure = ConfigProvider.getConfig().getOptionalValue("sejour.cookie.secure", Boolean.class)
                .orElse(false);
        // written by hand: every attribute is in the answer whatever the container does with Cookie's
        response.addHeader("Set-Cookie", NAME + "=" + device.cookie()
                + "; Path=" + request.getContextPath() + LOGIN_PAGE
                + "; Max-Age=" + device.validFor().toSeconds()
                + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : ""));
    }
}
