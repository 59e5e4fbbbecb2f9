package org.sejour.interfaces.site.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sejour.domain.model.shared.Language;
import jakarta.ws.rs.core.Response;
import org.sejour.interfaces.guest.rest.RateLimitedProblem;
import org.sejour.interfaces.web.RateLimitFilter;

import java.io.IOException;
import java.util.ResourceBundle;

/**
 * What an address past its rate gets (RateLimitFilter forwards it here): the 429 sent with
 * sendError inside the forward, for the standard reason phrase, then, as the 429 error page
 * (web.xml), its body: the API's problem details for an API request, else a short page in the
 * guest's language, written without Faces so that a refusal costs little and opens no session.
 */
@WebServlet(RateLimitFilter.REFUSAL)
public class TooManyRequestsPage extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Response.Status TOO_MANY = Response.Status.TOO_MANY_REQUESTS;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getDispatcherType() == DispatcherType.FORWARD) {
            response.sendError(TOO_MANY.getStatusCode(), TOO_MANY.getReasonPhrase());
            return;
        }
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (failed != null && failed.toString().startsWith(request.getContextPath() + "/api/")) {
            RateLimitedProblem.write(request, response);
            return;
        }
        Language language = SiteLanguage.of(request);
        ResourceBundle texts = ResourceBundle.getBundle(SiteLanguage.BUNDLE, language.locale());
        String title = escape(texts.getString("error.tooMany.title"));
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<!DOCTYPE html>\n<html lang=\"" + language.code() + "\"><head>"
                + "<meta charset=\"UTF-8\"/><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
                + "<meta name=\"robots\" content=\"noindex\"/><title>" + title + "</title>"
                + "<link rel=\"stylesheet\" href=\"" + request.getContextPath()
                + "/jakarta.faces.resource/css/site.css.xhtml\"/></head>\n<body class=\"site\"><main id=\"main\" "
                + "class=\"site-main\"><h1 id=\"error-title\">" + title + "</h1><p id=\"error-text\">"
                + escape(texts.getString("error.tooMany")) + "</p></main></body></html>\n");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
