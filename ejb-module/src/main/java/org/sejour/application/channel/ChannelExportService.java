package org.sejour.application.channel;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.sejour.application.booking.BusinessCalendar;
import org.sejour.domain.model.accommodation.Accommodation;
import org.sejour.domain.model.accommodation.AccommodationRepository;
import org.sejour.domain.model.channel.ChannelRepository;
import org.sejour.domain.model.channel.ClosedPeriod;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.infrastructure.channel.ICalExportWriter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The iCal feed other platforms read: one secret address per accommodation. The token is
 * 256 random bits; whoever knows it reads the accommodation's closed nights and nothing else,
 * and regenerating it revokes the old address at once.
 */
@Stateless
public class ChannelExportService {

    /** How far back the feed goes: platforms only care about nights still to come. */
    static final int PAST_DAYS = 31;
    /** Beyond a few dozen units, platforms are fed by a channel manager's API, not by iCal per room. */
    public static final int MAX_UNITS = 50;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    ChannelRepository channels;
    @Inject
    AccommodationRepository accommodations;
    @Inject
    ExportCache cache;

    private final ICalExportWriter writer = new ICalExportWriter();

    /** The calendar as served, with what conditional GET needs. */
    public record ExportedCalendar(String body, String etag, Instant lastModified) {
    }

    /** The accommodation's export token, made on first request. */
    public String exportToken(long accountId, long accommodationId) {
        owned(accountId, accommodationId);
        return channels.exportToken(accommodationId).orElseGet(() -> {
            String token = newToken();
            channels.replaceExportToken(accommodationId, token);
            return token;
        });
    }

    /**
     * One address per unit of a stock-managed accommodation (unit 1 … the most units offered on a
     * coming night, at most {@link #MAX_UNITS}), made on first request; empty for an
     * accommodation that is not stock-managed or has no stock set. Unit k is busy on a night
     * when fewer than k units are left: see docs/channels.md.
     */
    public List<String> unitExportTokens(long accountId, long accommodationId) {
        Accommodation accommodation = owned(accountId, accommodationId);
        if (!accommodation.stockManaged()) {
            return List.of();
        }
        exportToken(accountId, accommodationId); // unit rows hang off the accommodation's export row
        int units = Math.min(MAX_UNITS, channels.unitsOffered(accommodationId, BusinessCalendar.today(Clock.systemUTC())));
        Map<Integer, String> tokens = channels.unitExportTokens(accommodationId);
        List<String> ordered = new ArrayList<>();
        for (int unit = 1; unit <= units; unit++) {
            String token = tokens.get(unit);
            if (token == null) {
                token = newToken();
                channels.addUnitExportToken(accommodationId, unit, token);
            }
            ordered.add(token);
        }
        return ordered;
    }

    /** A new address; the old one, and every unit's, answers 404 from now on. */
    public String regenerateExportToken(long accountId, long accommodationId) {
        owned(accountId, accommodationId);
        String token = newToken();
        channels.replaceExportToken(accommodationId, token);
        return token;
    }

    /**
     * Empty when the token is unknown or revoked. One indexed read when the nights did not
     * change since the feed was last rendered on this server (the usual poll); otherwise the
     * feed is rendered, hashed and kept for the next polls.
     */
    public Optional<ExportedCalendar> calendar(String token) {
        if (token == null || token.length() < 43 || token.length() > 64) {
            return Optional.empty();
        }
        return channels.exportTarget(token).map(target -> {
            // the version is read before the nights, so what is kept under it is never older than it
            LocalDate from = BusinessCalendar.today(Clock.systemUTC()).minusDays(PAST_DAYS);
            return cache.get(target, from).orElseGet(() -> cache.keep(target, from, render(target, from)));
        });
    }

    /** The feed rendered from the ledger, its hash recorded (Last-Modified moves with the content only). */
    private ExportedCalendar render(ChannelRepository.ExportTarget target, LocalDate from) {
        List<ClosedPeriod> periods = target.unit() > 0
                ? channels.unitNights(target.accommodationId(), target.unit(), from)
                : target.stockManaged() ? channels.fullNights(target.accommodationId(), from)
                : channels.closedPeriods(target.accommodationId(), from);
        String body = writer.write(periods);
        String hash = sha256(body);
        Instant since = channels.contentServed(target.accommodationId(), target.unit(), hash,
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
        return new ExportedCalendar(body, "\"" + hash.substring(0, 32) + "\"", since);
    }

    private Accommodation owned(long accountId, long accommodationId) {
        return accommodations.find(accountId, accommodationId)
                .orElseThrow(() -> new NotFoundException("accommodation", accommodationId));
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
