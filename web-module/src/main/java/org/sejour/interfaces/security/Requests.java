package org.sejour.interfaces.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** What the security filters and the sign-in read of a request, and how they send it elsewhere. */
final class Requests {

    private Requests() {
    }

    /**
     * The path as the container mapped it: decoded, "." and ".." segments resolved, no path
     * parameters. The raw request URI is none of these ("/app/x/../dossiers.xhtml" is the dossiers page).
     */
    static String mappedPath(HttpServletRequest request) {
        String info = request.getPathInfo();
        return request.getServletPath() + (info == null ? "" : info);
    }

    static boolean isFacesAjax(HttpServletRequest request) {
        return "partial/ajax".equals(request.getHeader("Faces-Request"))
                || request.getParameter("jakarta.faces.partial.ajax") != null;
    }

    /**
     * A redirect, which an Ajax request does not follow: Faces' partial response sends the page
     * there instead. Either way the request itself is not carried out.
     */
    static void redirect(String location, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!isFacesAjax(request)) {
            response.sendRedirect(location);
            return;
        }
        response.setContentType("text/xml");
        response.setCharacterEncoding("UTF-8");
        String url = location.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
        response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<partial-response><redirect url=\"" + url + "\"/></partial-response>");
    }
}
