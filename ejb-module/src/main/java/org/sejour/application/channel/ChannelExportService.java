package org.sejour.application.channel;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.sejour.application.booking.BusinessCalendar;
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
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
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
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    ChannelRepository channels;
    @Inject
    AccommodationRepository accommodations;

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

    /** A new address; the old one answers 404 from now on. */
    public String regenerateExportToken(long accountId, long accommodationId) {
        owned(accountId, accommodationId);
        String token = newToken();
        channels.replaceExportToken(accommodationId, token);
        return token;
    }

    /** Empty when the token is unknown or revoked. */
    public Optional<ExportedCalendar> calendar(String token) {
        if (token == null || token.length() < 43 || token.length() > 64) {
            return Optional.empty();
        }
        return channels.exportTarget(token).map(target -> {
            LocalDate from = BusinessCalendar.today(Clock.systemUTC()).minusDays(PAST_DAYS);
            List<ClosedPeriod> periods = target.stockManaged()
                    ? channels.fullNights(target.accommodationId(), from)
                    : channels.closedPeriods(target.accommodationId(), from);
            String body = writer.write(periods);
            String hash = sha256(body);
            Instant since = channels.contentServed(target.accommodationId(), hash,
                    Instant.now().truncatedTo(ChronoUnit.SECONDS));
            return new ExportedCalendar(body, "\"" + hash.substring(0, 32) + "\"", since);
        });
    }

    private void owned(long accountId, long accommodationId) {
        accommodations.find(accountId, accommodationId)
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
