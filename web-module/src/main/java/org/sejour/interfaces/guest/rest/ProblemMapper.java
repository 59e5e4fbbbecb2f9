package org.sejour.interfaces.guest.rest;

import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.sejour.domain.model.dossier.NotBookableException;
import org.sejour.domain.model.dossier.StayTakenException;
import org.sejour.domain.model.pricing.Refusal;
import org.sejour.domain.model.pricing.UnbookableReason;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.interfaces.web.DatabaseOutage;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every failure of the API as problem details in the guest's language: bad input 400 with its
 * fields, anything of another account 404 (worded exactly like nothing at all), a stay taken
 * meanwhile 409, a reused idempotency key with another request 422, an unreachable database 503
 * with Retry-After. Nothing else leaks: an unexpected failure is logged and answers a bare 500.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());
    /** Refusals that mean "someone else has these nights", not "you asked wrongly". */
    private static final Set<UnbookableReason> TAKEN = EnumSet.of(UnbookableReason.NO_STOCK, UnbookableReason.SALES_BAN);

    @Context
    HttpHeaders headers;
    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable failure) {
        Language language = language();
        if (DatabaseOutage.isCause(failure)) {
            DatabaseOutage.report(failure);
            return unavailable(language);
        }
        Throwable cause = failure instanceof EJBException && failure.getCause() != null ? failure.getCause() : failure;
        return problem(cause, language).response().build();
    }

    /** 503 service-unavailable with Retry-After: the database cannot be reached. */
    static Response unavailable(Language language) {
        return Problem.of("service-unavailable", 503, GuestTexts.text(language, "api.unavailable"), null, List.of())
                .response().header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS).build();
    }

    private Problem problem(Throwable failure, Language language) {
        if (failure instanceof InvalidInputException invalid) {
            return badInput(language, invalid.violations().stream()
                    .map(v -> new Problem.FieldError(v.field(), GuestTexts.text(language, v.messageKey()))).toList());
        }
        if (failure instanceof NotFoundException) {
            return Problem.of("not-found", 404, GuestTexts.text(language, "api.notFound"), null, List.of());
        }
        if (failure instanceof StayTakenException) {
            return taken(language);
        }
        if (failure instanceof NotBookableException notBookable) {
            if (notBookable.refusals().stream().anyMatch(r -> TAKEN.contains(r.reason()))) {
                return taken(language);
            }
            return badInput(language, notBookable.refusals().stream().map(r -> refusal(language, r)).toList());
        }
        if (failure instanceof Inputs.MalformedBody) {
            return Problem.of("malformed-body", 400, GuestTexts.text(language, "api.body.malformed"), null, List.of());
        }
        if (failure instanceof SejourException business) {
            return switch (business.messageKey()) {
                case "booking.idempotencyKeyReused" -> Problem.of("idempotency-key-reused", 422,
                        GuestTexts.text(language, business.messageKey()), null, List.of());
                case "booking.promoCodeSpent" -> Problem.of("promo-code-spent", 409,
                        GuestTexts.text(language, business.messageKey()), null,
                        List.of(new Problem.FieldError("promoCode", GuestTexts.text(language, business.messageKey()))));
                default -> Problem.of("refused", 400, GuestTexts.text(language, business.messageKey()), null, List.of());
            };
        }
        if (causedBy(failure, BodyLimitFilter.TooLarge.class)) {
            return BodyLimitFilter.tooLarge(language);
        }
        // the body stopped coming (read timeout) or its connection broke: the client's doing, not a server error
        if (unreadableBody(failure) || causedBy(failure, IOException.class)) {
            return Problem.of("malformed-body", 400, GuestTexts.text(language, "api.body.malformed"), null, List.of());
        }
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            if (status == 404) {
                return Problem.of("not-found", 404, GuestTexts.text(language, "api.notFound"), null, List.of());
            }
            if (status < 500) {
                return Problem.of("http-" + status, status, web.getResponse().getStatusInfo().getReasonPhrase(), null,
                        List.of());
            }
        }
        LOG.log(Level.SEVERE, "Public API request failed", failure);
        return Problem.of("server-error", 500, GuestTexts.text(language, "api.serverError"), null, List.of());
    }

    /**
     * The body could not be read as the JSON expected: JSON-B's error as the reader throws it or
     * as Jersey wraps it. An answer that cannot be written is the server's fault, never this.
     */
    private static boolean unreadableBody(Throwable failure) {
        if (failure instanceof JsonbException || failure instanceof ProcessingException) {
            return true;
        }
        return failure instanceof WebApplicationException web && web.getResponse().getStatus() == 400
                && (causedBy(failure.getCause(), JsonbException.class)
                || causedBy(failure.getCause(), jakarta.json.JsonException.class));
    }

    /** Jersey wraps what the body's stream throws (ProcessingException, BadRequestException…): the cause tells. */
    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static Problem badInput(Language language, List<Problem.FieldError> errors) {
        return Problem.of("invalid-input", 400, GuestTexts.text(language, "api.invalidInput"), null, errors);
    }

    private static Problem taken(Language language) {
        return Problem.of("stay-taken", 409, GuestTexts.text(language, "booking.stayTaken"), null, List.of());
    }

    private static Problem.FieldError refusal(Language language, Refusal refusal) {
        String field = switch (refusal.reason()) {
            case BELOW_MINIMUM_CAPACITY, ABOVE_MAXIMUM_CAPACITY -> "party";
            case SUPPLEMENT_NOT_OPTIONAL, SUPPLEMENT_NOT_OFFERED, SUPPLEMENT_QUANTITY_INVALID -> "supplements";
            case BELOW_MINIMUM_STAY -> "nights";
            default -> "arrival";
        };
        return new Problem.FieldError(field, GuestTexts.textOr(language, "quote.refusal." + refusal.reason().name(),
                refusal.reason().name()));
    }

    private Language language() {
        return GuestLanguage.ofError(uri == null ? null : uri.getQueryParameters().getFirst("lang"), headers);
    }
}
