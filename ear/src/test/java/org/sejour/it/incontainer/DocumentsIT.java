package org.sejour.it.incontainer;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sejour.application.AccommodationService;
import org.sejour.application.AccountService;
import org.sejour.application.CreatedOwner;
import org.sejour.application.OperatorService;
import org.sejour.application.booking.BookingCommand;
import org.sejour.application.booking.BookingService;
import org.sejour.application.booking.StayRequest;
import org.sejour.application.document.ContractService;
import org.sejour.application.document.DocumentSettingsService;
import org.sejour.application.mail.MailOutbox;
import org.sejour.application.mail.OutboxDispatcher;
import org.sejour.domain.model.accommodation.AccommodationDetails;
import org.sejour.domain.model.accommodation.AccommodationType;
import org.sejour.domain.model.accommodation.Classification;
import org.sejour.domain.model.accommodation.Visibility;
import org.sejour.domain.model.account.ContactDetails;
import org.sejour.domain.model.document.ContractField;
import org.sejour.domain.model.document.ContractSettings;
import org.sejour.domain.model.document.GuestMail;
import org.sejour.domain.model.document.MailField;
import org.sejour.domain.model.document.MailSettings;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.Guest;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.mail.DeliveryOutcome;
import org.sejour.domain.model.mail.MailKind;
import org.sejour.domain.model.mail.OutboxMail;
import org.sejour.domain.model.mail.OutboxStatus;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.StayPeriod;
import org.sejour.domain.model.shared.TranslatedText;
import org.sejour.it.PdfText;
import org.sejour.it.TestSmtp;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Contracts and mails on Payara and PostgreSQL, with GreenMail as the SMTP server the mail
 * session points at (server-config gives the test domain's session port base + 25). The
 * outbox timer runs meanwhile, as in production; the tests also call the dispatcher
 * themselves, with a clock moved forward to skip the backoff.
 */
@ExtendWith(ArquillianExtension.class)
public class DocumentsIT {

    static final LocalDate MAY_FIRST = LocalDate.of(2027, 5, 1);

    @EJB
    OperatorService operators;
    @EJB
    AccountService accounts;
    @EJB
    AccommodationService accommodations;
    @EJB
    BookingService bookings;
    @EJB
    DocumentSettingsService documentSettings;
    @EJB
    ContractService contracts;
    @EJB
    MailOutbox outbox;
    @EJB
    OutboxDispatcher dispatcher;
    @Resource(lookup = "jdbc/sejour")
    DataSource dataSource;
    @Resource(lookup = "mail/sejour")
    Session mailSession;

    GreenMail smtp;

    record Owner(long accountId, long accommodationId, String email) {
    }

    @BeforeEach
    void startSmtp() {
        smtp = TestSmtp.start(smtpPort());
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    int smtpPort() {
        return Integer.parseInt(mailSession.getProperty("mail.smtp.port"));
    }

    @Test
    void anOnlineBookingMailsTheContractToTheGuestAndTellsTheOwnerOnce() throws Exception {
        Owner owner = owner();
        documentSettings.changeMail(owner.accountId(), new MailSettings.Changes(GuestMail.CONTRACT,
                "copies-" + owner.email(), false, Set.of(Language.EN), Map.of()));
        String guestEmail = "guest-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        Dossier dossier = book(owner, guestEmail, Language.EN, Origin.BOOKING_SITE);

        List<OutboxMail> queued = outbox.mailsOf(owner.accountId(), dossier.id());
        assertEquals(Set.of(MailKind.GUEST_CONTRACT, MailKind.OWNER_NOTIFICATION),
                Set.copyOf(queued.stream().map(OutboxMail::kind).toList()));

        sendUntil(() -> received(guestEmail).size() == 1 && received(owner.email()).size() == 1);
        dispatcher.sendDue(Instant.now().plus(Duration.ofDays(2)));
        // nothing left to send: what arrived is all that ever will (a mail the outbox's timer
        // holds is pending until its outcome is committed, and in GreenMail before that)
        sendUntil(() -> nothingPending(owner, dossier));

        List<MimeMessage> toGuest = received(guestEmail);
        assertEquals(1, toGuest.size(), "exactly one mail to the guest");
        MimeMessage guestMail = toGuest.get(0);
        assertEquals("Your rental contract — Gîte les Lauriers, booking no. 1", guestMail.getSubject());
        assertEquals(owner.email(), ((InternetAddress) guestMail.getReplyTo()[0]).getAddress());
        Part attachment = attachment(guestMail);
        assertEquals("contract-1.pdf", attachment.getFileName());
        byte[] pdf = bytes(attachment);
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
        String text = PdfText.of(pdf);
        assertTrue(text.contains("Rental contract"), text);
        assertTrue(text.contains("€500.00"), text);
        assertTrue(text.contains("Check-in: ring at the farm"), "the owner's English arrival remark\n" + text);
        assertTrue(body(guestMail).contains("Hélène Lefèvre"), "the footer from the contact details");
        assertEquals(1, received("copies-" + owner.email()).size(), "the copy-to address gets its copy");
        assertFalse(Arrays.stream(guestMail.getRecipients(Message.RecipientType.TO)).anyMatch(
                a -> a.toString().startsWith("copies-")), "the copy is blind");

        List<MimeMessage> toOwner = received(owner.email());
        assertEquals(1, toOwner.size(), "exactly one notification to the owner");
        assertTrue(toOwner.get(0).getSubject().startsWith("Nouvelle réservation en ligne — dossier n° 1"),
                toOwner.get(0).getSubject());
        assertTrue(body(toOwner.get(0)).contains(guestEmail), "the owner can reach the guest");

        List<OutboxMail> sent = outbox.mailsOf(owner.accountId(), dossier.id());
        assertTrue(sent.stream().allMatch(m -> m.status() == OutboxStatus.SENT && m.attempts() == 1), sent::toString);
    }

    @Test
    void aBookingTheOwnerMakesByPhoneSendsNothingUntilAsked() throws Exception {
        Owner owner = owner();
        String guestEmail = "phone-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        Dossier dossier = book(owner, guestEmail, Language.FR, Origin.PHONE);
        assertTrue(outbox.mailsOf(owner.accountId(), dossier.id()).isEmpty());
        outbox.sendGuestMail(owner.accountId(), dossier.id(), Instant.now());
        sendUntil(() -> received(guestEmail).size() == 1);
        assertEquals("Votre contrat de location — Gîte les Lauriers, dossier n° 1", received(guestEmail).get(0).getSubject());
        assertTrue(received(owner.email()).isEmpty(), "no owner notification for the owner's own booking");
    }

    @Test
    void mailsWaitWhileTheSmtpServerIsDownAndGoOutOnceWhenItIsBack() throws Exception {
        Owner owner = owner();
        smtp.stop();
        String guestEmail = "down-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        Dossier dossier = book(owner, guestEmail, Language.FR, Origin.WIDGET);
        Map<DeliveryOutcome, Integer> firstRun = dispatcher.sendDue(Instant.now());
        OutboxMail guestMail = guestMail(owner, dossier);
        assertEquals(OutboxStatus.PENDING, guestMail.status());
        assertTrue(guestMail.attempts() >= 1, "the failed attempt is counted " + firstRun);
        assertTrue(guestMail.lastError().orElse("").contains("Exception"), guestMail.lastError().toString());
        Instant lastAttempt = guestMail.history().get(guestMail.history().size() - 1).at();
        assertTrue(!guestMail.nextAttemptAt().isBefore(lastAttempt.plusSeconds(30)), "backed off");
        assertTrue(guestMail.history().stream().allMatch(a -> a.outcome() == DeliveryOutcome.RETRY));

        smtp = TestSmtp.start(smtpPort());
        Instant later = Instant.now().plus(Duration.ofHours(7));
        sendUntil(() -> received(guestEmail).size() == 1, later);
        dispatcher.sendDue(later.plus(Duration.ofDays(1)));
        sendUntil(() -> nothingPending(owner, dossier), later);

        assertEquals(1, received(guestEmail).size(), "delivered once");
        assertEquals(1, received(owner.email()).size(), "the owner's notification too, once");
        OutboxMail delivered = guestMail(owner, dossier);
        assertEquals(OutboxStatus.SENT, delivered.status());
        List<DeliveryOutcome> outcomes = delivered.history().stream().map(a -> a.outcome()).toList();
        assertEquals(DeliveryOutcome.SENT, outcomes.get(outcomes.size() - 1), outcomes::toString);
        assertEquals(1, outcomes.stream().filter(o -> o == DeliveryOutcome.SENT).count(), outcomes::toString);
    }

    @Test
    void aRejectedAddressIsMarkedFailedAndNotTriedAgain() throws Exception {
        Owner owner = owner();
        smtp.stop();
        Dossier dossier;
        try (RejectingSmtpServer rejecting = new RejectingSmtpServer(smtpPort())) {
            dossier = book(owner, "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test",
                    Language.FR, Origin.BOOKING_SITE);
            sendUntil(() -> guestMail(owner, dossier).status() == OutboxStatus.FAILED);
            dispatcher.sendDue(Instant.now().plus(Duration.ofDays(3)));
            assertTrue(rejecting.refusals() >= 1);
        }
        OutboxMail failed = guestMail(owner, dossier);
        assertEquals(OutboxStatus.FAILED, failed.status());
        assertEquals(1, failed.attempts(), "a refusal is final");
        assertEquals(DeliveryOutcome.REJECTED, failed.history().get(0).outcome());
        assertTrue(failed.lastError().orElse("").contains("550"), failed.lastError().toString());
        smtp = TestSmtp.start(smtpPort());
    }

    @Test
    void theContractOfADossierIsTheOwnersOnly() throws Exception {
        Owner owner = owner();
        Owner other = owner();
        Dossier dossier = book(owner, null, Language.FR, Origin.PHONE);
        String text = PdfText.of(contracts.contractOf(owner.accountId(), dossier.id()));
        assertTrue(text.contains("Contrat de location"), text);
        assertTrue(text.contains("Gîte les Lauriers"), text);
        assertTrue(text.contains("500,00 €"), text);
        assertTrue(text.contains("Arrivée le 1 mai 2027 entre 17h00 et 20h00"), text);
        assertTrue(text.contains("Option en attente de paiement"), text);
        assertTrue(text.contains("Merci de verser les arrhes"), "the owner's text for an option\n" + text);
        assertThrows(NotFoundException.class, () -> contracts.contractOf(other.accountId(), dossier.id()));
        assertTrue(contracts.previewOfLatest(other.accountId(), Language.FR).isEmpty());
        assertTrue(contracts.previewOfLatest(owner.accountId(), Language.EN).isPresent());
    }

    @Test
    void aGermanAndASpanishGuestGetTheirContractInTheirLanguage() throws Exception {
        Owner owner = owner();
        documentSettings.changeContract(owner.accountId(), new ContractSettings.Changes(LocalTime.of(17, 0),
                LocalTime.of(20, 0), LocalTime.of(10, 0), false, true, Map.of(ContractField.ARRIVAL_REMARKS,
                TranslatedText.of(Map.of(Language.FR, "Arrivée : sonnez à la ferme", Language.EN, "Check-in: ring at the farm",
                        Language.DE, "Schlüssel im Kästchen an der Straße")))));
        Dossier german = book(owner, null, Language.DE, Origin.PHONE);
        String text = PdfText.of(contracts.contractOf(owner.accountId(), german.id()));
        assertTrue(text.contains("Mietvertrag"), text);
        assertTrue(text.contains("Anreise am 1. Mai 2027 zwischen 17:00 und 20:00 Uhr"), text);
        assertTrue(text.contains("Abreise am 8. Mai 2027 bis 10:00 Uhr"), text);
        assertTrue(text.contains("Unterkunft (7 Nächte)"), text);
        assertTrue(text.contains("500,00 €"), text);
        assertTrue(text.contains("Schlüssel im Kästchen an der Straße"), "the owner's German remark, with its ß\n" + text);
        assertTrue(text.contains("Erwachsener"), "the age range in German\n" + text);
        assertFalse(text.contains("Adulte"), text);
        assertTrue(text.contains("Anzahlung (Arrhes): 150,00 €, zahlbar bis zum "), text);
        assertTrue(text.contains("Der Mieter, „gelesen und genehmigt“"), text);

        Owner other = owner();
        Dossier spanish = book(other, null, Language.ES, Origin.PHONE);
        String spanishText = PdfText.of(contracts.contractOf(other.accountId(), spanish.id()));
        assertTrue(spanishText.contains("Contrato de alquiler"), spanishText);
        assertTrue(spanishText.contains("Llegada el 1 de mayo de 2027 entre las 17:00 y las 20:00"), spanishText);
        assertTrue(spanishText.contains("Alojamiento (7 noches)"), spanishText);
        assertTrue(spanishText.contains("Señal (arras): "), spanishText);
        assertTrue(spanishText.contains("Opción pendiente de pago"), spanishText);
        assertTrue(spanishText.contains("Check-in: ring at the farm"), "no Spanish remark: the English one\n" + spanishText);
    }

    @Test
    void aDutchGuestWhoseLanguageTheOwnerEnabledGetsTheMailInDutch() throws Exception {
        Owner owner = owner();
        documentSettings.changeMail(owner.accountId(), new MailSettings.Changes(GuestMail.CONTRACT, null, false,
                Set.of(Language.EN, Language.NL), Map.of(MailField.CONTRACT_INTRO,
                        TranslatedText.of(Map.of(Language.FR, "Bonjour et merci pour votre confiance !")))));
        String guestEmail = "nl-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        Dossier dossier = book(owner, guestEmail, Language.NL, Origin.BOOKING_SITE);
        assertEquals(Language.NL, guestMail(owner, dossier).language());

        sendUntil(() -> received(guestEmail).size() == 1);
        MimeMessage mail = received(guestEmail).get(0);
        assertEquals("Uw huurovereenkomst — Gîte les Lauriers, boeking nr. 1", mail.getSubject());
        String body = body(mail);
        assertTrue(body.contains("Hartelijk dank voor uw boeking."), "no French intro in a Dutch mail\n" + body);
        assertFalse(body.contains("merci"), body);
        assertTrue(body.contains("Verblijf: van 1 mei 2027 tot 8 mei 2027 (7 nachten)"), body);
        assertTrue(body.replace('\u00A0', ' ').contains("Totaal van het verblijf: € "), "Dutch amounts: " + body);
        Part attachment = attachment(mail);
        assertEquals("huurovereenkomst-1.pdf", attachment.getFileName());
        String text = PdfText.of(bytes(attachment));
        assertTrue(text.contains("Huurovereenkomst"), text);
        assertTrue(text.contains("Aankomst op 1 mei 2027 tussen 17:00 en 20:00 uur"), text);
        assertTrue(text.contains("€ 500,00"), text);
    }

    @Test
    void aGermanGuestGetsTheOwnersGermanMailTextAndTheStandardOneWhereTheOwnerWroteNone() throws Exception {
        Owner owner = owner();
        documentSettings.changeMail(owner.accountId(), new MailSettings.Changes(GuestMail.CONTRACT, null, false,
                Set.of(Language.EN, Language.DE), Map.of(
                        MailField.CONTRACT_INTRO, TranslatedText.of(Map.of(Language.FR, "Bonjour et merci !",
                                Language.DE, "Herzlich willkommen auf unserem Hof am Waldrand!")),
                        MailField.CONTRACT_CLOSING, TranslatedText.of(Map.of(Language.FR, "À bientôt au moulin",
                                Language.EN, "See you soon at the mill")))));
        String guestEmail = "de-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        Dossier dossier = book(owner, guestEmail, Language.DE, Origin.BOOKING_SITE);
        assertEquals(Language.DE, guestMail(owner, dossier).language());

        sendUntil(() -> received(guestEmail).size() == 1);
        MimeMessage mail = received(guestEmail).get(0);
        String body = body(mail);
        assertTrue(body.contains("Herzlich willkommen auf unserem Hof am Waldrand!"), "the owner's German intro\n" + body);
        assertTrue(body.contains("Erwachsener"), "the party in German\n" + body);
        assertFalse(body.contains("Bonjour"), body);
        assertFalse(body.contains("See you soon") || body.contains("À bientôt"),
                "no German closing written: the standard German one, not the owner's English or French\n" + body);
        assertTrue(body.contains("1. Mai 2027"), "German dates\n" + body);
    }

    // ---- helpers

    private Owner owner() throws SQLException {
        String login = "doc-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        CreatedOwner created = operators.createOwner(login);
        accounts.updateContactDetails(created.accountId(), new ContactDetails(null, "Hélène", "Lefèvre", login,
                "+33 4 76 00 00 00", null, "12 rue des Églantiers", "38000", "Grenoble", "FR", null));
        long accommodationId = accommodations.create(created.accountId(), new AccommodationDetails("Gîte les Lauriers",
                false, AccommodationType.GITE, Classification.TWO_STARS, null, "1 chemin", "38000", "Grenoble",
                null, null, 1, 6, null, null, null, null, Visibility.BOOKABLE, TranslatedText.empty(), Set.of())).id();
        long rateId = insert("insert into rate (account_id, accommodation_id, nights, arrival_days, price) "
                + "values (?, ?, 7, 32, ?) returning id", created.accountId(), accommodationId, new BigDecimal("500.00"));
        update("insert into rate_period (rate_id, first_day, last_day) values (?, ?, ?)", rateId, MAY_FIRST,
                LocalDate.of(2027, 6, 1));
        ContractSettings.Changes contract = new ContractSettings.Changes(LocalTime.of(17, 0), LocalTime.of(20, 0),
                LocalTime.of(10, 0), false, true, Map.of(
                ContractField.ARRIVAL_REMARKS, TranslatedText.of(Map.of(Language.FR, "Arrivée : sonnez à la ferme",
                        Language.EN, "Check-in: ring at the farm")),
                ContractField.STATE_OPTION, TranslatedText.of(Map.of(Language.FR, "Merci de verser les arrhes sous 7 jours."))));
        documentSettings.changeContract(created.accountId(), contract);
        return new Owner(created.accountId(), accommodationId, login);
    }

    private Dossier book(Owner owner, String guestEmail, Language language, Origin origin) {
        StayRequest stay = new StayRequest(owner.accommodationId(), StayPeriod.of(MAY_FIRST, 7), Map.of("Adulte", 2),
                Map.of(), Optional.empty(), language);
        return bookings.book(owner.accountId(), new BookingCommand(stay, new Guest("Claude", "Martin", guestEmail,
                "+33 6 00 00 00 00", null, null, null, "FR", language), origin, null, false), null, "test");
    }

    private OutboxMail guestMail(Owner owner, Dossier dossier) {
        return outbox.mailsOf(owner.accountId(), dossier.id()).stream()
                .filter(m -> m.kind() != MailKind.OWNER_NOTIFICATION).findFirst().orElseThrow();
    }

    private boolean nothingPending(Owner owner, Dossier dossier) {
        return outbox.mailsOf(owner.accountId(), dossier.id()).stream().noneMatch(m -> m.status() == OutboxStatus.PENDING);
    }

    private void sendUntil(BooleanSupplier done) throws InterruptedException {
        sendUntil(done, Instant.now());
    }

    private void sendUntil(BooleanSupplier done, Instant now) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not done within 60 s");
            dispatcher.sendDue(now);
            TimeUnit.MILLISECONDS.sleep(300);
        }
    }

    /** What GreenMail delivered to this envelope recipient (blind copies included), from its mailbox. */
    private List<MimeMessage> received(String recipient) {
        GreenMailUser user = smtp.getUserManager().getUserByEmail(recipient);
        if (user == null) {
            return List.of();
        }
        try {
            return smtp.getManagers().getImapHostManager().getInbox(user).getMessages().stream()
                    .map(StoredMessage::getMimeMessage).toList();
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Part attachment(MimeMessage message) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
                return parts.getBodyPart(i);
            }
        }
        throw new AssertionError("no attachment");
    }

    private static String body(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof String text) {
            return text;
        }
        return (String) ((Multipart) content).getBodyPart(0).getContent();
    }

    private static byte[] bytes(Part part) throws Exception {
        try (InputStream in = part.getInputStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    private long insert(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private void update(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            s.executeUpdate();
        }
    }

    private static void bind(PreparedStatement s, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
    }
}
