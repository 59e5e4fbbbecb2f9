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
import org.sejour.application.Failures;
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
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Every failure of the API as problem details in the guest's language: bad input 400 with its
 * fields, anything of another account 404 (worded exactly like nothing at all), a stay taken
 * meanwhile 409 (naming its nights, and worded apart when an imported calendar holds them), a reused
 * idempotency key with another request 422, an unreachable database 503 with Retry-After. Nothing
 * else leaks: an unexpected failure is logged and answers a bare 500.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());
    /** Refusals that mean "someone else has these nights", not "you asked wrongly". */
    private static final Set<UnbookableReason> TAKEN = EnumSet.of(UnbookableReason.NO_STOCK, UnbookableReason.SALES_BAN,
            UnbookableReason.CLOSED_BY_CHANNEL);

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
        if (failure instanceof StayTakenException taken) {
            return taken(language, taken.nights(), taken.byChannel());
        }
        if (failure instanceof NotBookableException notBookable) {
            List<Refusal> taken = notBookable.refusals().stream().filter(r -> TAKEN.contains(r.reason())).toList();
            if (!taken.isEmpty()) {
                return taken(language, taken.stream().map(Refusal::night).filter(Objects::nonNull).distinct().sorted()
                        .toList(), taken.stream().allMatch(r -> r.reason() == UnbookableReason.CLOSED_BY_CHANNEL));
            }
            return badInput(language, refusals(language, notBookable.refusals()));
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
        if (Failures.causedBy(failure, BodyLimitFilter.TooLarge.class)) {
            return BodyLimitFilter.tooLarge(language);
        }
        // the body stopped coming (read timeout) or its connection broke: the client's doing, not a server error
        if (unreadableBody(failure) || Failures.causedBy(failure, IOException.class)) {
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
                && (Failures.causedBy(failure.getCause(), JsonbException.class)
                || Failures.causedBy(failure.getCause(), jakarta.json.JsonException.class));
    }

    private static Problem badInput(Language language, List<Problem.FieldError> errors) {
        return Problem.of("invalid-input", 400, GuestTexts.text(language, "api.invalidInput"), null, errors);
    }

    /**
     * 409: the nights are someone else's now, named once in the detail. A night an imported
     * calendar holds was sold on another platform: its own type and words, not "just booked".
     */
    private static Problem taken(Language language, List<LocalDate> nights, boolean byChannel) {
        String detail = nights.isEmpty() ? null : nightsConcerned(language, nights);
        return byChannel
                ? Problem.of("closed-by-channel", 409, GuestTexts.text(language, "booking.closedByChannel"), detail,
                List.of())
                : Problem.of("stay-taken", 409, GuestTexts.text(language, "booking.stayTaken"), detail, List.of());
    }

    /** Each reason once, with the nights it concerns. */
    private static List<Problem.FieldError> refusals(Language language, List<Refusal> refusals) {
        return Refusal.grouped(refusals).stream().map(r -> new Problem.FieldError(field(r.reason()),
                refusalText(language, r))).toList();
    }

    /** A reason in the guest's language, the nights it concerns named after it. */
    static String refusalText(Language language, Refusal.Grouped refusal) {
        return GuestTexts.textOr(language, "quote.refusal." + refusal.reason().name(), refusal.reason().name())
                + (refusal.nights().isEmpty() ? "" : " (" + nightsConcerned(language, refusal.nights()) + ")");
    }

    private static String nightsConcerned(Language language, List<LocalDate> nights) {
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(language.locale());
        return GuestTexts.text(language, "quote.refusal.nights", nights.stream().map(format::format)
                .collect(Collectors.joining(", ")));
    }

    private static String field(UnbookableReason reason) {
        return switch (reason) {
            case BELOW_MINIMUM_CAPACITY, ABOVE_MAXIMUM_CAPACITY -> "party";
            case SUPPLEMENT_NOT_OPTIONAL, SUPPLEMENT_NOT_OFFERED, SUPPLEMENT_QUANTITY_INVALID -> "supplements";
            case BELOW_MINIMUM_STAY -> "nights";
            default -> "arrival";
        };
    }

    private Language language() {
        return GuestLanguage.ofError(uri == null ? null : uri.getQueryParameters().getFirst("lang"), headers);
    }
}
