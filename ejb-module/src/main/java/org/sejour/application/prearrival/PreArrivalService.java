package org.sejour.application.prearrival;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import org.sejour.application.booking.BusinessCalendar;
import org.sejour.application.document.DocumentSettingsService;
import org.sejour.application.document.PoliceFormRenderer;
import org.sejour.domain.model.accommodation.AccommodationDetails;
import org.sejour.domain.model.account.AccountRepository;
import org.sejour.domain.model.account.ContactDetails;
import org.sejour.domain.model.document.ContractSettings;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.DossierRepository;
import org.sejour.domain.model.dossier.DossierStatus;
import org.sejour.domain.model.dossier.PartyCount;
import org.sejour.domain.model.prearrival.ArrivingPerson;
import org.sejour.domain.model.prearrival.PreArrivalForm;
import org.sejour.domain.model.prearrival.PreArrivalRepository;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.SejourException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The pre-arrival form: the guest fills it from their booking page (by its secret token) until
 * the arrival day, the owner reads it on the dossier and the arrivals list and prints the police
 * forms. A cancelled dossier has no form. Prices and the tourist tax are not touched: the ages
 * are only kept for a later step.
 */
@Stateless
public class PreArrivalService {

    /** How long hosts keep the police forms after the stay (CESEDA R814-3). */
    public static final Period POLICE_FORMS_KEPT = Period.ofMonths(6);
    private static final Logger LOG = Logger.getLogger(PreArrivalService.class.getName());

    @Inject
    DossierRepository dossiers;
    @Inject
    PreArrivalRepository forms;
    @Inject
    AccountRepository accounts;
    @EJB
    DocumentSettingsService documentSettings;
    @Inject
    PoliceFormRenderer renderer;

    /** The form of the token's dossier as the guest's page shows it; empty for an unknown token or a cancelled dossier. */
    public Optional<GuestPreArrival> guestForm(@NotNull String guestToken) {
        return dossiers.findByGuestToken(guestToken).filter(d -> d.status() != DossierStatus.CANCELLED)
                .map(d -> {
                    ContractSettings hours = documentSettings.contract(d.accountId());
                    Optional<PreArrivalForm> form = forms.ofDossier(d.accountId(), d.id());
                    String country = d.guest().country();
                    PreArrivalForm.Person guest = new PreArrivalForm.Person(d.guest().firstName(),
                            d.guest().lastName(), null,
                            country != null && country.matches("[A-Z]{2}") ? country : null,
                            null, null, null, d.guest().phone(), d.guest().email());
                    return new GuestPreArrival(partySize(d), d.stay(), hours.arrivalFrom(), hours.arrivalUntil(),
                            editable(d), form.map(f -> f.answers(partySize(d))), form.map(PreArrivalForm::updatedAt),
                            guest);
                });
    }

    /**
     * The guest sends the form: stored whole, replacing what they sent before, or refused whole
     * (InvalidInputException, each field's problem). Under the dossier's lock, so that the same
     * body posted twice at once writes one form. Unknown token or cancelled dossier: not found.
     */
    public PreArrivalForm submit(@NotNull String guestToken, @NotNull PreArrivalForm.Answers answers) {
        Dossier found = dossiers.findByGuestToken(guestToken)
                .filter(d -> d.status() != DossierStatus.CANCELLED)
                .orElseThrow(() -> new NotFoundException("dossier", "token"));
        Dossier dossier = dossiers.lock(found.id()).orElseThrow(() -> new NotFoundException("dossier", "token"));
        if (dossier.status() == DossierStatus.CANCELLED) {
            throw new NotFoundException("dossier", "token");
        }
        if (!editable(dossier)) {
            throw new SejourException("prearrival.error.closed");
        }
        ContractSettings hours = documentSettings.contract(dossier.accountId());
        PreArrivalForm.Frame frame = new PreArrivalForm.Frame(partySize(dossier), dossier.stay().arrival(),
                hours.arrivalFrom(), hours.arrivalUntil());
        Instant now = Instant.now();
        Optional<PreArrivalForm> sent = forms.ofDossier(dossier.accountId(), dossier.id());
        if (sent.isPresent()) {
            sent.get().revise(answers, frame, now);
            return sent.get();
        }
        return forms.store(PreArrivalForm.submit(dossier.accountId(), dossier.id(), answers, frame, now));
    }

    /** The form of the owner's dossier, with its persons; empty when none was sent, or the dossier is not theirs. */
    public Optional<PreArrivalForm> ofDossier(long accountId, long dossierId) {
        Optional<PreArrivalForm> form = forms.ofDossier(accountId, dossierId);
        form.ifPresent(PreArrivalForm::persons);
        return form;
    }

    /** What the arrivals list shows, for those of these dossiers of the owner's that have a form. */
    public Map<Long, ArrivalNote> notesOf(long accountId, @NotNull Collection<Long> dossierIds) {
        return forms.ofDossiers(accountId, dossierIds).stream().collect(Collectors.toMap(PreArrivalForm::dossierId,
                f -> new ArrivalNote(f.dossierId(), f.arrivalTime(), f.persons().size(),
                        f.policeFormHolders().size()), (a, b) -> a));
    }

    /**
     * The police forms of the owner's dossier as PDF, one page per foreign guest aged 15 or over,
     * the children under 15 on the first of them. Not found for another owner's dossier, and when
     * no form or no such guest is there.
     */
    public byte[] policeForms(long accountId, long dossierId) {
        Dossier dossier = dossiers.find(accountId, dossierId)
                .orElseThrow(() -> new NotFoundException("dossier", dossierId));
        PreArrivalForm form = forms.ofDossier(accountId, dossierId)
                .filter(f -> !f.policeFormHolders().isEmpty())
                .orElseThrow(() -> new NotFoundException("policeForm", dossierId));
        List<PoliceFormRenderer.Child> children = form.children().stream()
                .map(c -> new PoliceFormRenderer.Child(c.firstName() + " " + c.lastName(), c.age())).toList();
        List<ArrivingPerson> holders = form.policeFormHolders();
        List<PoliceFormRenderer.Page> pages = holders.stream().map(p -> new PoliceFormRenderer.Page(
                p.lastName(), p.firstName(), p.birthDate().orElseThrow(), p.birthPlace().orElseThrow(),
                nationality(p.nationality()), p.homeAddress().orElseThrow(), p.phone().orElseThrow(),
                p.email().orElseThrow(), p == holders.get(0) ? children : List.of())).toList();
        AccommodationDetails place = dossier.accommodation().details();
        String host = accounts.find(accountId).flatMap(a -> a.contact()).map(ContactDetails::displayName).orElse("");
        return renderer.render(new PoliceFormRenderer.Host(host, join(" + ", dossier.stays().stream()
                        .map(s -> s.accommodation().name())), join(", ", Stream.of(place.address(),
                        join(" ", Stream.of(place.postalCode(), place.city()))))),
                dossier.number(), dossier.stay().arrival(), dossier.stay().departure(), pages);
    }

    /** Every night: the police forms of stays that ended more than six months ago are erased. */
    @Schedule(hour = "3", minute = "40", timezone = "Europe/Paris", persistent = true, info = "police-form-erasure")
    void nightlyErasure() {
        erasePoliceForms(BusinessCalendar.today(Clock.systemUTC()));
    }

    /**
     * Erases the police fields of the foreign guests whose stay ended more than six months before
     * {@code today} (kept through the day six months after the departure); answers how many.
     */
    public int erasePoliceForms(@NotNull LocalDate today) {
        int erased = forms.erasePoliceFields(today.minus(POLICE_FORMS_KEPT), today);
        if (erased > 0) {
            LOG.log(Level.INFO, "Police form fields of {0} guests erased, six months after their stay", erased);
        }
        return erased;
    }

    /** "Espagne (ES)": the form is for the French police. */
    private static String nationality(String code) {
        String name = new Locale("", code).getDisplayCountry(Locale.FRENCH);
        return name.isBlank() || name.equals(code) ? code : name + " (" + code + ")";
    }

    private static String join(String separator, Stream<String> parts) {
        return parts.filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(separator));
    }

    /** Until the arrival day, in the owners' calendar; a cancelled dossier never. */
    private static boolean editable(Dossier d) {
        return d.status() != DossierStatus.CANCELLED
                && !BusinessCalendar.today(Clock.systemUTC()).isAfter(d.stay().arrival());
    }

    private static int partySize(Dossier d) {
        return d.party().stream().mapToInt(PartyCount::persons).sum();
    }
}
