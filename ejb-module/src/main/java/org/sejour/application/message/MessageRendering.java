package org.sejour.application.message;

import org.sejour.application.document.ContractTexts;
import org.sejour.domain.model.accommodation.Accommodation;
import org.sejour.domain.model.accommodation.AccommodationDetails;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.DossierAmounts;
import org.sejour.domain.model.dossier.DossierStay;
import org.sejour.domain.model.message.MessagePlaceholder;
import org.sejour.domain.model.message.MessageRule;
import org.sejour.domain.model.shared.Language;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A rule's subject and text with the dossier's values in place of the placeholders, written as
 * the guest's language writes dates and amounts ({@link ContractTexts}). The amounts are the
 * dossier's ({@link DossierAmounts}) when the message is rendered, that is when it goes out.
 */
public final class MessageRendering {

    private MessageRendering() {
    }

    public record Rendered(String subject, String body) {
    }

    /**
     * @param bookingPage the guest's booking page ("https://…/booking/{token}"), empty when the server
     *                    does not know its public address; the placeholder then reads as nothing
     */
    public static Rendered render(MessageRule.Wording wording, Dossier dossier, ContractTexts t,
                                  Optional<String> bookingPage) {
        DossierAmounts amounts = dossier.amounts();
        AccommodationDetails place = dossier.accommodation().details();
        java.util.function.Function<MessagePlaceholder, String> values = p -> switch (p) {
            case GUEST -> join(" ", dossier.guest().firstName(), dossier.guest().lastName());
            case FIRST_NAME -> dossier.guest().firstName();
            case ARRIVAL -> t.date(dossier.stay().arrival());
            case DEPARTURE -> t.date(dossier.stay().departure());
            case NIGHTS -> Integer.toString(dossier.stay().nights());
            case ACCOMMODATION -> dossier.stays().stream().map(s -> s.accommodation().name())
                    .collect(Collectors.joining(" + "));
            case ADDRESS -> join(", ", place.address(), join(" ", place.postalCode(), place.city()));
            case ACCESS -> access(dossier, t.language());
            case NUMBER -> Integer.toString(dossier.number());
            case TOTAL -> t.money(amounts.total());
            case PAID -> t.money(amounts.netReceived());
            case OWED -> t.money(amounts.owed());
            case BOOKING_LINK -> bookingPage.orElse("");
            case PRE_ARRIVAL_LINK -> bookingPage.map(MessageRendering::preArrivalForm).orElse("");
        };
        return new Rendered(MessagePlaceholder.fill(wording.subject(), values).replaceAll("\\s+", " ").strip(),
                MessagePlaceholder.fill(wording.body(), values));
    }

    /**
     * How to get into each accommodation of the stay, in the message's language (else English,
     * else French); named by accommodation when the dossier holds several that have instructions.
     */
    private static String access(Dossier dossier, Language language) {
        List<Accommodation> places = dossier.stays().stream().map(DossierStay::accommodation).distinct()
                .filter(a -> !a.access().languages().isEmpty()).toList();
        if (places.size() == 1) {
            return places.get(0).access().forReader(language);
        }
        return places.stream().map(a -> a.name() + "\n" + a.access().forReader(language))
                .collect(Collectors.joining("\n\n"));
    }

    /** The guest's booking page at the server's public address ("https://gites.example/booking/…"), when it has one. */
    public static Optional<String> bookingPage(Optional<String> publicUrl, Dossier dossier) {
        return publicUrl.filter(url -> !url.isBlank())
                .map(url -> (url.endsWith("/") ? url : url + "/") + "booking/" + dossier.guestToken());
    }

    /** The pre-arrival form on the guest's booking page: the page's anchor (pre-arrival-form.xhtml). */
    public static String preArrivalForm(String bookingPage) {
        return bookingPage + "#pre-arrival";
    }

    private static String join(String separator, String... parts) {
        return Stream.of(parts).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(separator));
    }
}
