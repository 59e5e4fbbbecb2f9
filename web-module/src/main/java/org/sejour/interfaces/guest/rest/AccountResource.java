package org.sejour.interfaces.guest.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sejour.application.booking.AvailabilityService.StayOffers;
import org.sejour.application.booking.BookingCommand;
import org.sejour.application.booking.BusinessCalendar;
import org.sejour.application.booking.StayRequest;
import org.sejour.application.guest.PublicBookingService;
import org.sejour.domain.model.account.Account;
import org.sejour.domain.model.account.AccountState;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.Guest;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.dossier.TermsAcceptance;
import org.sejour.domain.model.pricing.ArrivalCalendar.ArrivalDay;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.StayPeriod;
import org.sejour.domain.model.accommodation.PhotoSize;

import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One owner's public side, named by the account number: profile, terms, accommodations and
 * their photos, availability, month calendars, quotes and bookings.
 */
// one instance for all requests: created per request, it cost a sixth of a kept answer's CPU
// (Jersey's injection and the @EJB's naming lookup); what is per request comes as parameters
@Path("/v1/accounts/{account}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "account", description = "An owner's catalogue and bookings, open to guests")
@APIResponse(responseCode = "400", description = "bad input, with the fields at fault",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "no such account, accommodation or photo open to guests",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "413", description = "a request body above 16,384 bytes",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "429", description = "too many requests from this address; see Retry-After",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApplicationScoped
public class AccountResource {

    /** Catalogue answers change when the owner edits; a minute of staleness costs nobody a booking. */
    private static final int CATALOGUE_MAX_AGE = 60;
    /** Availability changes with every booking: short, and the booking itself re-checks the stock. */
    static final int AVAILABILITY_MAX_AGE = 15;
    private static final String ACCOUNT = "the owner's account number";

    @EJB
    PublicBookingService guests;
    @Inject
    AnswerCache answers;

    @GET
    @Operation(summary = "The owner's public profile: name, contact, age ranges, languages")
    @APIResponse(responseCode = "200", description = "the profile",
            content = @Content(schema = @Schema(implementation = Views.AccountView.class)))
    public Response profile(
            @Parameter(description = ACCOUNT, example = "100063") @PathParam("account") String account,
            @QueryParam("lang") String lang,
            @Context Request request, @Context HttpHeaders headers) {
        Language language = GuestLanguage.of(lang, headers);
        int number = accountNumber(account);
        Account open = guests.openAccount(number);
        return Cached.ok(request, headers, PublicAssembler.account(open, guests.ageRanges(number), language),
                CATALOGUE_MAX_AGE);
    }

    @GET
    @Path("terms")
    @Operation(summary = "Terms of sale in the guest's language, with the version a booking must accept")
    @APIResponse(responseCode = "200", description = "the terms",
            content = @Content(schema = @Schema(implementation = Views.TermsView.class)))
    public Response terms(
            @Parameter(description = ACCOUNT, example = "100063") @PathParam("account") String account,
            @QueryParam("lang") String lang,
            @Context Request request, @Context HttpHeaders headers) {
        Language language = GuestLanguage.of(lang, headers);
        return Cached.ok(request, headers, PublicAssembler.terms(guests.terms(accountNumber(account)), language),
                CATALOGUE_MAX_AGE);
    }

    @GET
    @Path("accommodations")
    @Operation(summary = "The accommodations open for online booking")
    @APIResponse(responseCode = "200", description = "an array of AccommodationSummary, in the owner's order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response accommodations(
            @Parameter(description = ACCOUNT, example = "100063") @PathParam("account") String account,
            @QueryParam("lang") String lang,
            @Context Request request, @Context HttpHeaders headers) {
        Language language = GuestLanguage.of(lang, headers);
        int number = accountNumber(account);
        return Cached.ok(request, headers, guests.answerAt(guests.openState(number), () -> guests.accommodations(number)
                .stream().map(a -> PublicAssembler.summary(number, a, language)).toList()), CATALOGUE_MAX_AGE);
    }

    @GET
    @Path("accommodations/{id}")
    @Operation(summary = "One accommodation: translated description, photos with sizes, amenities, supplements")
    @APIResponse(responseCode = "200", description = "the accommodation",
            content = @Content(schema = @Schema(implementation = Views.AccommodationView.class)))
    public Response accommodation(
            @Parameter(description = ACCOUNT, example = "100063") @PathParam("account") String account,
            @PathParam("id") String id, @QueryParam("lang") String lang,
            @Context Request request, @Context HttpHeaders headers) {
        Language language = GuestLanguage.of(lang, headers);
        int number = accountNumber(account);
        long accommodationId = pathId(id);
        return Cached.ok(request, headers, PublicAssembler.accommodation(number,
                guests.accommodation(number, accommodationId), guests.optionalSupplements(number, accommodationId),
                language), CATALOGUE_MAX_AGE);
    }

    @GET
    @Path("photos/{id}/{size}")
    @Produces("image/jpeg")
    @Operation(summary = "A photo of an accommodation, large or as a thumbnail")
    @APIResponse(responseCode = "200", description = "the JPEG image")
    public Response photo(
            @Parameter(description = ACCOUNT, example = "100063") @PathParam("account") String account,
            @PathParam("id") String id, @PathParam("size") String size) {
        PhotoSize wanted = switch (size) {
            case "large" -> PhotoSize.LARGE;
            case "thumb" -> PhotoSize.THUMBNAIL;
            default -> throw new org.sejour.domain.model.shared.NotFoundException("photo", id);
        };
        java.nio.file.Path file = guests.photo(accountNumber(account), pathId(id), wanted);
        if (!Files.isRegularFile(file)) {
            throw new org.sejour.domain.model.shared.NotFoundException("photo", id);
        }
        CacheControl cache = new CacheControl();
        cache.setMaxAge(86400);
        // a photo's id names fixed bytes: a new upload is a new id
        return Response.ok(file.toFile(), "image/jpeg").cacheControl(cache).build();
    }

    @GET
    @Path("availability")
    @Operation(summary = "Accommodations bookable for a stay, priced for their smallest party; "
            + "flexDays also tries arrivals up to that many days earlier and later")
    @APIResponse(responseCode = "200", description = "the bookable stays",
            content = @Content(schema = @Schema(implementation = Views.SearchView.class)))
    public Response availability(
            @Parameter(description = ACCOUNT, example = "100063") @PathParam("account") String account,
                                 @Parameter(example = "2027-05-01") @QueryParam("arrival") String arrival,
                                 @Parameter(example = "7") @QueryParam("nights") String nights,
                                 @Parameter(description = "0 to 3") @QueryParam("flexDays") String flexDays,
                                 @QueryParam("lang") String lang,
            @Context Request request, @Context HttpHeaders headers) {
        AvailabilityQuestion question = AvailabilityQuestion.read(account, arrival, nights, flexDays,
                GuestLanguage.of(lang, headers));
        int number = question.account();
        Language language = question.language();
        LocalDate today = BusinessCalendar.today(Clock.systemUTC());
        AccountState state = guests.openState(number);
        Cached.Body answer = answers.answer(question.key(), stamp(state, today), () -> guests.answerAt(state, () -> {
                    List<StayOffers> searched = new ArrayList<>();
                    for (int offset = -question.flexDays(); offset <= question.flexDays(); offset++) {
                        LocalDate tried = question.arrival().plusDays(offset);
                        if (!tried.isBefore(today)) {
                            searched.add(guests.search(state, tried, question.nights()));
                        }
                    }
                    // the same revisions: the same offers, so the same answer as the one kept
                    return new AnswerCache.Draft(searched.stream().map(StayOffers::revision).toList(), () ->
                            new Views.SearchView(question.arrival().toString(), question.nights(),
                                    question.flexDays(), searched.stream().flatMap(o -> o.offers().stream())
                                    .map(h -> PublicAssembler.hit(number, h, language)).toList()));
                }));
        return Cached.ok(request, headers, answer, AVAILABILITY_MAX_AGE);
    }

    @GET
    @Path("calendar")
    @Operation(summary = "Possible arrivals of a month with their stay options and prices, "
            + "for one or several accommodations")
    @APIResponse(responseCode = "200", description = "the month",
            content = @Content(schema = @Schema(implementation = Views.CalendarView.class)))
    public Response calendar(
            @Parameter(description = ACCOUNT, example = "100063") @PathParam("account") String account,
                             @Parameter(description = "an accommodation id; repeat for several (at most 10)")
                             @QueryParam("accommodation") List<String> accommodations,
                             @Parameter(example = "2027-05") @QueryParam("month") String month,
                             @QueryParam("lang") String lang,
            @Context Request request, @Context HttpHeaders headers) {
        CalendarQuestion question = CalendarQuestion.read(account, accommodations, month,
                GuestLanguage.of(lang, headers));
        int number = question.account();
        Language language = question.language();
        YearMonth wanted = question.month();
        LocalDate today = BusinessCalendar.today(Clock.systemUTC());
        AccountState state = guests.openState(number);
        Cached.Body answer = answers.answer(question.key(), stamp(state, today),
                () -> AnswerCache.Draft.of(guests.answerAt(state, () -> {
                    List<Views.AccommodationMonthView> months = new ArrayList<>();
                    for (long id : question.accommodations()) {
                        String name = guests.accommodation(number, id).name();
                        List<ArrivalDay> days = guests.month(number, id, wanted);
                        months.add(new Views.AccommodationMonthView(id, name, days.stream()
                                .map(d -> PublicAssembler.day(d, language)).toList()));
                    }
                    return new Views.CalendarView(wanted.toString(), months);
                })));
        return Cached.ok(request, headers, answer, AVAILABILITY_MAX_AGE);
    }

    @POST
    @Path("quotes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The itemised price of a stay for a party, with supplements and a promo code")
    @APIResponse(responseCode = "200", description = "the quote, or why the stay cannot be booked",
            content = @Content(schema = @Schema(implementation = Views.QuoteView.class)))
    public Response quote(
            @Parameter(description = ACCOUNT, example = "100063") @PathParam("account") String account,
            
            @RequestBody(required = true, content = @Content(schema = @Schema(implementation = StayInput.class)))
            String body, @QueryParam("lang") String lang,
            @Context HttpHeaders headers) {
        Language language = GuestLanguage.of(lang, headers);
        StayInput stay = Inputs.body(body, StayInput.class);
        Views.QuoteView quote = PublicAssembler.quote(guests.quote(accountNumber(account), stayRequest(stay, language)),
                language);
        return Response.ok(quote)
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("bookings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Books a stay as an option awaiting its deposit; retrying with the same "
            + "Idempotency-Key returns the same dossier")
    @APIResponse(responseCode = "201", description = "the dossier, with the guest's links to pay and follow it",
            content = @Content(schema = @Schema(implementation = Views.BookingView.class)))
    @APIResponse(responseCode = "409", description = "the stay was just taken, or a single-use code just spent",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "the Idempotency-Key was already used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response book(
            @Parameter(description = ACCOUNT, example = "100063") @PathParam("account") String account,
                         @Parameter(description = "a unique key per booking attempt, 8 to 100 characters",
                                 required = true) @HeaderParam("Idempotency-Key") String idempotencyKey,
                         @RequestBody(required = true,
                                 content = @Content(schema = @Schema(implementation = BookingInput.class)))
                         String body, @QueryParam("lang") String lang,
            @Context HttpHeaders headers) {
        Language language = GuestLanguage.of(lang, headers);
        if (idempotencyKey == null || !idempotencyKey.matches("[A-Za-z0-9._:-]{8,100}")) {
            throw new InvalidInputException("Idempotency-Key", "api.idempotencyKey.invalid");
        }
        BookingInput booking = Inputs.body(body, BookingInput.class);
        BookingInput.GuestInput g = booking.guest;
        Guest guest = new Guest(g.firstName, g.lastName, g.email, g.phone, g.address, g.postalCode, g.city, g.country,
                language);
        Origin origin = booking.origin == null ? Origin.WIDGET : Origin.valueOf(booking.origin);
        int number = accountNumber(account);
        // the guest accepts the terms by sending this request: its arrival is the acceptance time
        TermsAcceptance accepted = new TermsAcceptance(booking.acceptedTermsVersion, Instant.now());
        Dossier dossier = guests.book(number, new BookingCommand(stayRequest(booking, language), guest, origin,
                booking.originSite, false, accepted), idempotencyKey);
        return Response.created(URI.create("/api/v1/bookings/" + dossier.guestToken()))
                .entity(PublicAssembler.booking(number, dossier)).header("Cache-Control", "no-store").build();
    }

    private static StayRequest stayRequest(StayInput input, Language language) {
        LocalDate arrival = Inputs.date("arrival", input.arrival);
        Map<Long, Integer> supplements = new LinkedHashMap<>();
        if (input.supplements != null) {
            input.supplements.forEach((id, quantity) -> supplements.put(Long.valueOf(id), quantity));
        }
        return new StayRequest(input.accommodationId, StayPeriod.of(arrival, input.nights), input.party, supplements,
                Optional.ofNullable(input.promoCode), language);
    }

    /**
     * What an availability answer of the account depends on besides its question: the versions of
     * its catalog and nights ({@code state}, whose reading also refused an account not open to
     * guests before anything is served), and the business day (lead times and "not in the past"
     * move with it). The answer is computed on the replica only if it holds these very versions.
     */
    static String stamp(AccountState state, LocalDate today) {
        return state.versions() + "/" + today;
    }

    /** The account number; anything that is not one is answered like an unknown number. */
    static int accountNumber(String account) {
        if (account == null || !account.matches("\\d{6,9}")) {
            throw new org.sejour.domain.model.shared.NotFoundException("account", "?");
        }
        return Integer.parseInt(account);
    }

    private static long pathId(String id) {
        if (id == null || !id.matches("\\d{1,18}")) {
            throw new org.sejour.domain.model.shared.NotFoundException("item", "?");
        }
        return Long.parseLong(id);
    }
}
