package org.sejour.interfaces.guest.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sejour.domain.model.shared.Language;
import org.sejour.interfaces.web.RequestLanguage;

import java.io.IOException;
import java.util.List;

/** The body of an API request refused by the rate limit (RateLimitFilter): problem details in the guest's language. */
public final class RateLimitedProblem {

    private RateLimitedProblem() {
    }

    public static void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Language language = Language.fromCode(request.getParameter("lang"))
                .or(() -> RequestLanguage.accepted(request)).orElse(Language.FR);
        Problem problem = Problem.of("rate-limited", 429, GuestTexts.text(language, "api.rateLimited"), null,
                List.of());
        response.setContentType(Problem.MEDIA_TYPE + ";charset=UTF-8");
        response.getWriter().write(problem.json());
    }
}
