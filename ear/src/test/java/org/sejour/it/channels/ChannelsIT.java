package org.sejour.it.channels;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.annotation.Resource;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.ejb.EJB;
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
import org.sejour.application.booking.DossierService;
import org.sejour.application.booking.StayRequest;
import org.sejour.application.catalog.SalesBanService;
import org.sejour.application.channel.ChannelExportService;
import org.sejour.application.channel.ChannelFeedService;
import org.sejour.application.channel.FeedStatusView;
import org.sejour.application.mail.OutboxDispatcher;
import org.sejour.application.planning.PlanningQueries;
import org.sejour.application.planning.PlanningView;
import org.sejour.domain.model.accommodation.AccommodationDetails;
import org.sejour.domain.model.accommodation.AccommodationType;
import org.sejour.domain.model.accommodation.Classification;
import org.sejour.domain.model.accommodation.Visibility;
import org.sejour.domain.model.account.ContactDetails;
import org.sejour.domain.model.channel.ChannelConflict;
import org.sejour.domain.model.channel.FeedProblem;
import org.sejour.domain.model.channel.FeedStatus;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.Guest;
import org.sejour.domain.model.dossier.NotBookableException;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.pricing.UnbookableReason;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.StayPeriod;
import org.sejour.domain.model.shared.TranslatedText;
import org.sejour.interfaces.batch.BatchScheduler;
import org.sejour.it.TestSmtp;

import javax.sql.DataSource;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Channels on Payara and PostgreSQL: feeds served by a small HTTP server inside the test,
 * imported through the services, their nights checked in the booking ledger; the export feed
 * fetched over HTTP from the running application.
 */
@ExtendWith(ArquillianExtension.class)
public class ChannelsIT {

    // Saturdays of May 2027, the weeks BookingIT sells too
    static final LocalDate MAY_FIRST = LocalDate.of(2027, 5, 1);
    static final LocalDate MAY_8 = MAY_FIRST.plusWeeks(1);
    static final LocalDate MAY_15 = MAY_FIRST.plusWeeks(2);

    @EJB
    OperatorService operators;
    @EJB
    AccommodationService accommodations;
    @EJB
    BookingService bookings;
    @EJB
    DossierService dossiers;
    @EJB
    SalesBanService salesBans;
    @EJB
    ChannelFeedService feeds;
    @EJB
    ChannelExportService exports;
    @EJB
    BatchScheduler scheduler;
    @EJB
    AccountService accounts;
    @EJB
    PlanningQueries planning;
    @EJB
    OutboxDispatcher dispatcher;
    @Resource(lookup = "mail/sejour")
    Session mailSession;
    @Resource(lookup = "jdbc/sejour")
    DataSource dataSource;

    private FeedServer platform;

    @BeforeEach
    void startPlatform() throws IOException {
        platform = new FeedServer();
    }

    @AfterEach
    void stopPlatform() {
        platform.close();
    }

    record Owner(long accountId, long accommodationId) {
    }

    static String calendar(String producer, String... events) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:" + producer + "\r\n" + String.join("", events)
                + "END:VCALENDAR\r\n";
    }

    static String event(String uid, LocalDate first, LocalDate departure, String summary) {
        return "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20270101T000000Z\r\nDTSTART;VALUE=DATE:"
                + first.toString().replace("-", "") + "\r\nDTEND;VALUE=DATE:" + departure.toString().replace("-", "")
                + "\r\nSUMMARY:" + summary + "\r\nEND:VEVENT\r\n";
    }

    @Test
    void importedNightsAreClosedInTheLedgerAndABookingOnThemIsRefused() throws SQLException {
        Owner owner = ownerWithWeeklyRate("Gîte des Airelles");
        platform.serve("/airbnb.ics", FeedServer.Answer.calendar(calendar("-//Airbnb Inc//Hosting Calendar 1.0//EN",
                event("r1@airbnb.com", MAY_FIRST, MAY_8, "Reserved"),
                event("w1@airbnb.com", MAY_15, MAY_15.plusDays(3), "Airbnb (Not available)"))));
        FeedStatusView added = feeds.add(owner.accountId(), owner.accommodationId(), "Airbnb",
                platform.url("/airbnb.ics"));
        assertEquals(FeedStatus.NEW, added.status());

        FeedStatusView synced = feeds.syncNow(owner.accountId(), added.id());
        assertEquals(FeedStatus.OK, synced.status(), () -> String.valueOf(synced.problem()));
        assertEquals(2, synced.eventCount());
        assertEquals(nights(MAY_FIRST, MAY_8), soldNights(owner.accommodationId()).subList(0, 7));
        assertEquals(10, soldNights(owner.accommodationId()).size());

        NotBookableException refused = assertThrows(NotBookableException.class, () ->
                bookings.book(owner.accountId(), booking(owner, MAY_FIRST, "Martin"), null, "owner"));
        // the nights are held by the imported events: refused as closed by a channel, not as sold here
        assertTrue(refused.refusals().stream().allMatch(r -> r.reason() == UnbookableReason.CLOSED_BY_CHANNEL),
                refused.refusals()::toString);

        // unchanged feed: a conditional GET answered 304, nothing taken twice
        FeedStatusView again = feeds.syncNow(owner.accountId(), added.id());
        assertEquals(FeedStatus.OK, again.status());
        assertEquals(1, platform.notModified.get());
        assertEquals(10, soldNights(owner.accommodationId()).size());
        assertEquals(List.of(1), soldCounts(owner.accommodationId()));

        // the reservation leaves the feed: its week can be sold here again
        platform.serve("/airbnb.ics", FeedServer.Answer.calendar(calendar("-//Airbnb Inc//Hosting Calendar 1.0//EN",
                event("w1@airbnb.com", MAY_15, MAY_15.plusDays(3), "Airbnb (Not available)"))));
        assertEquals(1, feeds.syncNow(owner.accountId(), added.id()).eventCount());
        Dossier booked = bookings.book(owner.accountId(), booking(owner, MAY_FIRST, "Martin"), null, "owner");
        assertEquals(MAY_FIRST, booked.stay().arrival());
    }

    @Test
    void anEventOverlappingADossierIsRecordedAsAConflictNotSoldTwice() throws SQLException {
        Owner owner = ownerWithWeeklyRate("Gîte du Moulin");
        Dossier dossier = bookings.book(owner.accountId(), booking(owner, MAY_8, "Durand"), null, "owner");
        platform.serve("/vrbo.ics", FeedServer.Answer.calendar(calendar("-//HomeAway.com, Inc.//EN",
                event("b1@vrbo.com", MAY_8.plusDays(2), MAY_8.plusDays(5), "Reserved - Martin"))));
        long feedId = feeds.add(owner.accountId(), owner.accommodationId(), "Vrbo", platform.url("/vrbo.ics")).id();
        FeedStatusView synced = feeds.syncNow(owner.accountId(), feedId);
        assertEquals(FeedStatus.OK, synced.status());

        List<ChannelConflict> conflicts = feeds.conflicts(owner.accountId());
        assertEquals(1, conflicts.size());
        assertEquals(dossier.number(), conflicts.get(0).dossierNumber());
        assertEquals(new StayPeriod(MAY_8.plusDays(2), MAY_8.plusDays(5)), conflicts.get(0).nights());
        assertEquals(List.of(1), soldCounts(owner.accommodationId()), "no night sold twice");

        // the guest cancels: on the next sync the block takes its nights and the conflict goes
        dossiers.cancel(owner.accountId(), dossier.id(), "owner", "guest cancelled");
        platform.serve("/vrbo.ics", FeedServer.Answer.calendar(calendar("-//HomeAway.com, Inc.//EN",
                event("b1@vrbo.com", MAY_8.plusDays(2), MAY_8.plusDays(5), "Reserved - Martin"),
                event("b2@vrbo.com", MAY_15.plusDays(1), MAY_15.plusDays(2), "Blocked"))));
        feeds.syncNow(owner.accountId(), feedId);
        assertTrue(feeds.conflicts(owner.accountId()).isEmpty());
        List<LocalDate> held = new ArrayList<>(nights(MAY_8.plusDays(2), MAY_8.plusDays(5)));
        held.addAll(nights(MAY_15.plusDays(1), MAY_15.plusDays(2)));
        assertEquals(held, soldNights(owner.accommodationId()));
    }

    /**
     * Owners who sync both ways get their own bookings back: Booking.com closes the nights Séjour
     * exported to it. Closing nights that are all sold already sells nothing twice, so it is no
     * conflict; closing some free nights with them still is (those nights stay on sale here).
     */
    @Test
    void aPlatformClosingNightsAlreadySoldHereIsNoConflict() throws SQLException {
        Owner owner = ownerWithWeeklyRate("Gîte de l'Écho");
        bookings.book(owner.accountId(), booking(owner, MAY_8, "Durand"), null, "owner");
        platform.serve("/echo.ics", FeedServer.Answer.calendar(calendar("-//admin.booking.com//EN",
                event("e1@booking.com", MAY_8, MAY_15, "CLOSED - Not available"))));
        long feedId = feeds.add(owner.accountId(), owner.accommodationId(), "Booking.com", platform.url("/echo.ics")).id();
        assertEquals(FeedStatus.OK, feeds.syncNow(owner.accountId(), feedId).status());
        assertTrue(feeds.conflicts(owner.accountId()).isEmpty(), "the dossier's own nights, closed elsewhere");
        assertEquals(0, conflictMails(owner.accountId()));
        assertEquals(List.of(1), soldCounts(owner.accommodationId()), "no night sold twice");
        assertEquals(nights(MAY_8, MAY_15), soldNights(owner.accommodationId()));

        // the same feed answered 304 retries what it holds: still no conflict
        feeds.syncNow(owner.accountId(), feedId);
        assertTrue(feeds.conflicts(owner.accountId()).isEmpty());

        // closing two free nights along with sold ones: Séjour could still sell those two
        platform.serve("/echo.ics", FeedServer.Answer.calendar(calendar("-//admin.booking.com//EN",
                event("e1@booking.com", MAY_8, MAY_15, "CLOSED - Not available"),
                event("e2@booking.com", MAY_8.minusDays(2), MAY_8.plusDays(1), "CLOSED - Not available"))));
        feeds.syncNow(owner.accountId(), feedId);
        assertEquals(1, feeds.conflicts(owner.accountId()).size());
    }

    @Test
    void errorsRedirectsAndASuddenlyEmptyFeedNeverReleaseNights() throws SQLException {
        Owner owner = ownerWithWeeklyRate("Gîte de la Source");
        String three = calendar("-//HomeAway.com//EN",
                event("v1", MAY_FIRST, MAY_FIRST.plusDays(2), "Reserved - Alex"),
                event("v2", MAY_8, MAY_8.plusDays(2), "Blocked"),
                event("v3", MAY_15, MAY_15.plusDays(2), "Réservée - Camille"));
        platform.serve("/vrbo.ics", FeedServer.Answer.calendar(three));
        platform.serve("/moved.ics", FeedServer.Answer.redirect(platform.url("/vrbo.ics")));
        long feedId = feeds.add(owner.accountId(), owner.accommodationId(), "Abritel",
                platform.url("/moved.ics")).id();
        assertEquals(3, feeds.syncNow(owner.accountId(), feedId).eventCount(), "followed the redirect");
        assertEquals(6, soldNights(owner.accommodationId()).size());
        assertEquals(0, count("select count(*) from channel_block where feed_id = ? and summary like '%Alex%'", feedId),
                "the guest's name is not kept");

        platform.serve("/vrbo.ics", FeedServer.Answer.error(503));
        FeedStatusView failed = feeds.syncNow(owner.accountId(), feedId);
        assertEquals(FeedStatus.ERROR, failed.status());
        assertEquals(FeedProblem.of(FeedProblem.Kind.UNREACHABLE), failed.problem(), "no HTTP status for the owner");
        assertEquals(6, soldNights(owner.accommodationId()).size(), "an error keeps the last good snapshot");

        platform.serve("/vrbo.ics", FeedServer.Answer.calendar(calendar("-//HomeAway.com//EN")));
        FeedStatusView held = feeds.syncNow(owner.accountId(), feedId);
        assertEquals(FeedStatus.HELD, held.status());
        assertEquals(FeedProblem.held(0, 3), held.problem());
        assertEquals(6, soldNights(owner.accommodationId()).size(), "an empty 200 releases nothing");

        platform.serve("/vrbo.ics", FeedServer.Answer.calendar(three));
        assertEquals(FeedStatus.OK, feeds.syncNow(owner.accountId(), feedId).status());
        feeds.remove(owner.accountId(), feedId);
        assertEquals(List.of(), soldNights(owner.accommodationId()), "a removed feed gives its nights back");
    }

    @Test
    void oneOwnersExportImportedByAnotherClosesTheSameNights() throws Exception {
        Owner seller = ownerWithWeeklyRate("Gîte export");
        bookings.book(seller.accountId(), booking(seller, MAY_FIRST, "Martin"), null, "owner");
        salesBans.close(seller.accountId(), seller.accommodationId(), MAY_15, MAY_15.plusDays(3));
        String token = exports.exportToken(seller.accountId(), seller.accommodationId());
        assertEquals(token, exports.exportToken(seller.accountId(), seller.accommodationId()), "stable until regenerated");
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);

        HttpClient http = HttpClient.newHttpClient();
        String url = applicationUrl() + "/ical/" + token + ".ics";
        HttpResponse<String> first = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, first.statusCode(), first::body);
        assertTrue(first.headers().firstValue("Content-Type").orElse("").startsWith("text/calendar"));
        assertFalse(first.body().contains("Martin") || first.body().contains("claude@"), "no guest data");
        assertTrue(first.body().contains("DTSTART;VALUE=DATE:20270501") && first.body().contains("DTEND;VALUE=DATE:20270508"));
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertEquals(304, http.send(HttpRequest.newBuilder(URI.create(url)).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(304, http.send(HttpRequest.newBuilder(URI.create(url)).header("If-Modified-Since", lastModified)
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode());

        Owner buyer = ownerWithWeeklyRate("Gîte import");
        long feedId = feeds.add(buyer.accountId(), buyer.accommodationId(), "Séjour", url).id();
        FeedStatusView synced = feeds.syncNow(buyer.accountId(), feedId);
        assertEquals(FeedStatus.OK, synced.status(), () -> String.valueOf(synced.problem()));
        assertEquals(2, synced.eventCount());
        List<LocalDate> expected = new ArrayList<>(nights(MAY_FIRST, MAY_8));
        expected.addAll(nights(MAY_15, MAY_15.plusDays(4)));
        assertEquals(expected, soldNights(buyer.accommodationId()));

        // a new booking changes the feed; a regenerated token revokes the old address
        bookings.book(seller.accountId(), booking(seller, MAY_8, "Durand"), null, "owner");
        HttpResponse<String> changed = http.send(HttpRequest.newBuilder(URI.create(url)).header("If-None-Match", etag)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, changed.statusCode());
        assertNotEquals(etag, changed.headers().firstValue("ETag").orElseThrow());
        String fresh = exports.regenerateExportToken(seller.accountId(), seller.accommodationId());
        assertNotEquals(token, fresh);
        assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(applicationUrl() + "/ical/" + fresh + ".ics"))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void anotherOwnersFeedsAndAccommodationsAreRefused() throws SQLException {
        Owner alice = ownerWithWeeklyRate("Gîte Alice");
        Owner bob = ownerWithWeeklyRate("Gîte Bob");
        platform.serve("/a.ics", FeedServer.Answer.calendar(calendar("-//Example//EN",
                event("a1", MAY_FIRST, MAY_8, "Reserved"))));
        long aliceFeed = feeds.add(alice.accountId(), alice.accommodationId(), "Airbnb", platform.url("/a.ics")).id();

        assertThrows(NotFoundException.class, () -> feeds.add(bob.accountId(), alice.accommodationId(), "X",
                platform.url("/a.ics")));
        assertThrows(NotFoundException.class, () -> feeds.feeds(bob.accountId(), alice.accommodationId()));
        assertThrows(NotFoundException.class, () -> feeds.syncNow(bob.accountId(), aliceFeed));
        assertThrows(NotFoundException.class, () -> feeds.remove(bob.accountId(), aliceFeed));
        assertThrows(NotFoundException.class, () -> exports.exportToken(bob.accountId(), alice.accommodationId()));
        assertThrows(NotFoundException.class, () -> exports.regenerateExportToken(bob.accountId(),
                alice.accommodationId()));
        assertTrue(feeds.conflicts(bob.accountId()).isEmpty());
        assertEquals(1, feeds.feeds(alice.accountId(), alice.accommodationId()).size(), "Alice's feed still there");

        InvalidInputException notHttp = assertThrows(InvalidInputException.class, () -> feeds.add(alice.accountId(),
                alice.accommodationId(), "Local file", "file:///etc/passwd"));
        assertEquals("url", notHttp.violations().get(0).field());
    }

    /**
     * The SSRF rules inside the test domain, which allows 127.0.0.1 and the ports its tests use,
     * nothing more: the Payara admin port (which hands out the pool's password), another loopback
     * address, cloud metadata and a decimal trick are refused when the feed is added, with one
     * message and nothing stored; a feed stored before the check existed is refused at its sync,
     * with the generic problem.
     */
    @Test
    void addressesBeyondTheOperatorsAllowanceAreRefusedWhenAddedAndAtSync() throws Exception {
        Owner owner = ownerWithWeeklyRate("Gîte hors réseau");
        String admin = "http://127.0.0.1:" + listenerPort("admin-listener")
                + "/management/domain/resources/jdbc-connection-pool/sejourPool/property";
        platform.serve("/a.ics", FeedServer.Answer.calendar(calendar("-//Example//EN",
                event("a1", MAY_FIRST, MAY_8, "Reserved"))));
        for (String url : List.of(admin, platform.url("/a.ics").replace("127.0.0.1", "127.0.0.2"),
                "http://169.254.169.254/latest/meta-data/", "http://2130706433:" + listenerPort("http-listener-1") + "/")) {
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> feeds.add(owner.accountId(), owner.accommodationId(), "Airbnb", url), url);
            assertEquals(List.of(new InvalidInputException.Violation("url", "channels.feed.url.notAllowed")),
                    refused.violations(), url);
        }
        assertEquals(List.of(), feeds.feeds(owner.accountId(), owner.accommodationId()), "nothing stored");

        long feedId = insert("insert into channel_feed (account_id, accommodation_id, name, url) values (?, ?, ?, ?) "
                + "returning id", owner.accountId(), owner.accommodationId(), "Ancien", admin);
        FeedStatusView synced = feeds.syncNow(owner.accountId(), feedId);
        assertEquals(FeedStatus.ERROR, synced.status());
        assertEquals(FeedProblem.of(FeedProblem.Kind.NOT_ALLOWED), synced.problem());
        assertEquals(FeedProblem.of(FeedProblem.Kind.NOT_ALLOWED), feeds.feeds(owner.accountId(),
                owner.accommodationId()).get(0).problem(), "stored as a kind, not as text");
        // the allowed address and port of the same platform still work
        assertEquals(FeedStatus.NEW, feeds.add(owner.accountId(), owner.accommodationId(), "Airbnb",
                platform.url("/a.ics")).status());
    }

    @Test
    void theScheduledJobSyncsTheFeedsThatAreDue() throws Exception {
        Owner owner = ownerWithWeeklyRate("Gîte planifié");
        platform.serve("/due.ics", FeedServer.Answer.calendar(calendar("-//admin.booking.com//EN",
                event("due1@booking.com", MAY_8, MAY_15, "CLOSED - Not available"))));
        long feedId = feeds.add(owner.accountId(), owner.accommodationId(), "Booking.com",
                platform.url("/due.ics")).id();
        scheduler.start("channel-sync", new Properties());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        FeedStatusView status = feeds.feeds(owner.accountId(), owner.accommodationId()).get(0);
        while (status.status() == FeedStatus.NEW && System.nanoTime() < deadline) {
            Thread.sleep(500);
            status = feeds.feeds(owner.accountId(), owner.accommodationId()).get(0);
        }
        assertEquals(feedId, status.id());
        assertEquals(FeedStatus.OK, status.status(), String.valueOf(status.problem()));
        assertEquals(nights(MAY_8, MAY_15), soldNights(owner.accommodationId()));
    }

    @Test
    void aConflictIsOnThePlanningAndIsMailedToTheOwnerOnce() throws Exception {
        Owner owner = ownerWithWeeklyRate("Gîte du Conflit");
        String ownerEmail = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        accounts.updateContactDetails(owner.accountId(), new ContactDetails(null, "Hélène", "Lefèvre", ownerEmail,
                "+33 4 76 00 00 00", null, "12 rue des Églantiers", "38000", "Grenoble", "FR", null));
        Owner other = ownerWithWeeklyRate("Gîte voisin");
        Dossier dossier = bookings.book(owner.accountId(), booking(owner, MAY_8, "Durand"), null, "owner");
        String reserved = calendar("-//Airbnb Inc//Hosting Calendar 1.0//EN",
                event("c1@airbnb.com", MAY_8.plusDays(3), MAY_8.plusDays(6), "Reserved"),
                event("c2@airbnb.com", MAY_15, MAY_15.plusDays(2), "Reserved"));
        platform.serve("/conflict.ics", FeedServer.Answer.calendar(reserved));
        long feedId = feeds.add(owner.accountId(), owner.accommodationId(), "Airbnb", platform.url("/conflict.ics")).id();

        GreenMail smtp = TestSmtp.start(Integer.parseInt(mailSession.getProperty("mail.smtp.port")));
        try {
            assertEquals(FeedStatus.OK, feeds.syncNow(owner.accountId(), feedId).status());
            ChannelConflict conflict = feeds.conflicts(owner.accountId()).get(0);
            assertEquals(1, feeds.conflicts(owner.accountId()).size());
            assertEquals("Gîte du Conflit", conflict.accommodationName());
            assertEquals(1, conflictMails(owner.accountId()), "mailed in the sync's transaction");

            // a re-sync answered 304, then one answered 200 with the same events: no second mail
            feeds.syncNow(owner.accountId(), feedId);
            assertEquals(1, platform.notModified.get());
            platform.serve("/conflict.ics", FeedServer.Answer.calendar(reserved.replace("Hosting Calendar 1.0",
                    "Hosting Calendar 1.1")));
            feeds.syncNow(owner.accountId(), feedId);
            assertEquals(1, feeds.conflicts(owner.accountId()).size());
            assertEquals(1, conflictMails(owner.accountId()), "a conflict is mailed once");
            SQLException twice = assertThrows(SQLException.class, () -> update("insert into outbox_mail (account_id, "
                    + "kind, recipient, lang, channel_conflict_id) values (?, 'CHANNEL_CONFLICT', ?, 'fr', ?)",
                    owner.accountId(), ownerEmail, conflict.conflictId()));
            assertEquals("23505", twice.getSQLState(), "the database keeps one mail per conflict");

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (received(smtp, ownerEmail).isEmpty() && System.nanoTime() < deadline) {
                dispatcher.sendDue(Instant.now().plus(Duration.ofDays(2)));
                TimeUnit.MILLISECONDS.sleep(300);
            }
            List<MimeMessage> mails = received(smtp, ownerEmail);
            assertEquals(1, mails.size());
            String subject = mails.get(0).getSubject();
            Object content = mails.get(0).getContent();
            String body = content instanceof String text ? text
                    : (String) ((jakarta.mail.Multipart) content).getBodyPart(0).getContent();
            assertTrue(subject.contains("Conflit de calendrier") && subject.contains("Airbnb")
                    && subject.contains("Gîte du Conflit"), subject);
            assertTrue(body.contains("dossier n° " + dossier.number()), body);
            assertTrue(body.contains("11 mai 2027") && body.contains("14 mai 2027"), body);
            assertFalse(body.contains("Durand"), "the guest's name stays in Séjour");
        } finally {
            smtp.stop();
        }

        // the planning marks the conflicting nights with the feed's name; the other event holds its nights
        PlanningView view = planning.load(owner.accountId(), MAY_8, MAY_15.plusDays(6));
        List<PlanningView.ChannelSpan> spans = view.accommodations().stream()
                .filter(a -> a.id() == owner.accommodationId()).findFirst().orElseThrow().channelBlocks();
        assertEquals(List.of(true, false), spans.stream().map(PlanningView.ChannelSpan::conflict).toList());
        assertEquals(List.of("Airbnb", "Airbnb"), spans.stream().map(PlanningView.ChannelSpan::feedName).toList());
        assertEquals(MAY_8.plusDays(3), spans.get(0).firstNight());
        assertTrue(planning.load(other.accountId(), MAY_8, MAY_15.plusDays(6)).accommodations().stream()
                .allMatch(a -> a.channelBlocks().isEmpty()), "another owner sees none of it");
        assertTrue(feeds.conflicts(other.accountId()).isEmpty());

        // cancelling the dossier resolves the conflict: its mail row goes with it
        dossiers.cancel(owner.accountId(), dossier.id(), "owner", "guest cancelled");
        feeds.syncNow(owner.accountId(), feedId);
        assertTrue(feeds.conflicts(owner.accountId()).isEmpty());
        assertEquals(0, conflictMails(owner.accountId()));
    }

    @Test
    void theCachedExportFollowsBansBookingsCancellationsAndImportedBlocks() throws Exception {
        Owner seller = ownerWithWeeklyRate("Gîte en cache");
        String url = applicationUrl() + "/ical/" + exports.exportToken(seller.accountId(), seller.accommodationId())
                + ".ics";
        HttpClient http = HttpClient.newHttpClient();
        String empty = etag(http, url);
        assertEquals(empty, etag(http, url), "nothing changed");

        salesBans.close(seller.accountId(), seller.accommodationId(), MAY_15, MAY_15.plusDays(1));
        String banned = etag(http, url);
        assertNotEquals(empty, banned, "a sales ban");
        Dossier dossier = bookings.book(seller.accountId(), booking(seller, MAY_FIRST, "Martin"), null, "owner");
        String booked = etag(http, url);
        assertNotEquals(banned, booked, "a booking");
        dossiers.cancel(seller.accountId(), dossier.id(), "owner", "guest cancelled");
        assertEquals(banned, etag(http, url), "a cancellation gives the same feed as before the booking");

        platform.serve("/cache.ics", FeedServer.Answer.calendar(calendar("-//Example//EN",
                event("k1", MAY_8, MAY_8.plusDays(2), "Reserved"))));
        long feedId = feeds.add(seller.accountId(), seller.accommodationId(), "Airbnb", platform.url("/cache.ics")).id();
        feeds.syncNow(seller.accountId(), feedId);
        HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertNotEquals(banned, imported.headers().firstValue("ETag").orElseThrow(), "an imported block");
        assertTrue(imported.body().contains("DTSTART;VALUE=DATE:20270508"), imported.body());
        feeds.remove(seller.accountId(), feedId);
        assertEquals(banned, etag(http, url), "its nights given back");
    }

    private static String etag(HttpClient http, String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response::body);
        return response.headers().firstValue("ETag").orElseThrow();
    }

    private long conflictMails(long accountId) throws SQLException {
        return count("select count(*) from outbox_mail where account_id = ? and kind = 'CHANNEL_CONFLICT'", accountId);
    }

    private static List<MimeMessage> received(GreenMail smtp, String recipient) {
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

    // --- helpers

    private Owner ownerWithWeeklyRate(String name) throws SQLException {
        CreatedOwner owner = operators.createOwner("chan-" + UUID.randomUUID().toString().substring(0, 8)
                + "@example.test");
        long accommodationId = accommodations.create(owner.accountId(), new AccommodationDetails(name,
                false, AccommodationType.GITE, Classification.TWO_STARS, null, "1 chemin", "38000", "Grenoble",
                null, null, 1, 6, null, null, null, null, Visibility.BOOKABLE, TranslatedText.empty(), Set.of())).id();
        long rateId = insert("insert into rate (account_id, accommodation_id, nights, arrival_days, price) "
                + "values (?, ?, 7, 32, ?) returning id", owner.accountId(), accommodationId, new BigDecimal("500.00"));
        update("insert into rate_period (rate_id, first_day, last_day) values (?, ?, ?)", rateId, MAY_FIRST,
                LocalDate.of(2027, 6, 1));
        return new Owner(owner.accountId(), accommodationId);
    }

    private static BookingCommand booking(Owner owner, LocalDate arrival, String lastName) {
        StayRequest stay = new StayRequest(owner.accommodationId(), StayPeriod.of(arrival, 7), Map.of("Adulte", 2),
                Map.of(), Optional.empty(), Language.FR);
        return new BookingCommand(stay, new Guest("Claude", lastName, "claude@example.test", "+33 6 00 00 00 00",
                null, null, null, "FR", Language.FR), Origin.PHONE, null, false);
    }

    private static List<LocalDate> nights(LocalDate first, LocalDate departure) {
        return first.datesUntil(departure).toList();
    }

    /** Nights of the accommodation with at least one unit sold, in order. */
    private List<LocalDate> soldNights(long accommodationId) throws SQLException {
        List<LocalDate> nights = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select night from night_stock where accommodation_id = ? and sold > 0 order by night")) {
            s.setLong(1, accommodationId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    nights.add(r.getObject(1, LocalDate.class));
                }
            }
        }
        return nights;
    }

    /** The distinct values of "sold" among sold nights: [1] means nothing was sold twice. */
    private List<Integer> soldCounts(long accommodationId) throws SQLException {
        List<Integer> counts = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select distinct sold from night_stock where accommodation_id = ? and sold > 0 order by sold")) {
            s.setLong(1, accommodationId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    counts.add(r.getInt(1));
                }
            }
        }
        return counts;
    }

    /**
     * The running application's own address, read from the domain's configuration: the test
     * runs inside Payara, where the client's system properties are not set.
     */
    static String applicationUrl() throws IOException {
        return "http://localhost:" + listenerPort("http-listener-1");
    }

    static String listenerPort(String name) throws IOException {
        Path domainXml = Path.of(System.getProperty("com.sun.aas.instanceRoot"), "config", "domain.xml");
        Matcher listener = Pattern.compile("<network-listener[^>]*name=\"" + name + "\"[^>]*>")
                .matcher(Files.readString(domainXml));
        if (!listener.find()) {
            throw new IllegalStateException("no " + name + " in " + domainXml);
        }
        Matcher port = Pattern.compile("port=\"(\\d+)\"").matcher(listener.group());
        if (!port.find()) {
            throw new IllegalStateException("no port on " + name);
        }
        return port.group(1);
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

    private long count(String sql, Object... args) throws SQLException {
        return insert(sql, args);
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
