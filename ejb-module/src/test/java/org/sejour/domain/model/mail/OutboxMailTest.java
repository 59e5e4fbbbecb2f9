package org.sejour.domain.model.mail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sejour.domain.model.shared.Language;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboxMailTest {

    static final Instant T0 = Instant.parse("2027-03-15T10:00:00Z");

    static OutboxMail mail() {
        return new OutboxMail(1L, 2L, MailKind.GUEST_CONTRACT, "claude@example.test", null, "owner@example.test",
                Language.EN, T0);
    }

    @ParameterizedTest
    @CsvSource({"1, PT30S", "2, PT1M", "3, PT2M", "6, PT16M", "10, PT4H16M", "11, PT6H", "40, PT6H"})
    void theBackoffDoublesUpToSixHours(int failures, String delay) {
        assertEquals(Duration.parse(delay), OutboxMail.backoff(failures));
    }

    @Test
    void aTemporaryFailureIsRetriedAfterTheBackoffAndRecorded() {
        OutboxMail mail = mail();
        assertTrue(mail.isDue(T0));
        mail.failedTemporarily(T0, "Connection refused");
        assertEquals(OutboxStatus.PENDING, mail.status());
        assertEquals(1, mail.attempts());
        assertEquals(T0.plusSeconds(30), mail.nextAttemptAt());
        assertFalse(mail.isDue(T0.plusSeconds(29)));
        assertTrue(mail.isDue(T0.plusSeconds(30)));
        mail.delivered(T0.plusSeconds(31));
        assertEquals(OutboxStatus.SENT, mail.status());
        assertEquals(2, mail.history().size());
        assertEquals(DeliveryOutcome.RETRY, mail.history().get(0).outcome());
        assertEquals(DeliveryOutcome.SENT, mail.history().get(1).outcome());
        assertFalse(mail.isDue(T0.plus(Duration.ofDays(1))), "a sent mail is never due again");
        assertThrows(IllegalStateException.class, () -> mail.delivered(T0.plusSeconds(40)));
    }

    @Test
    void aRefusalIsFinal() {
        OutboxMail mail = mail();
        mail.rejected(T0, "550 5.1.1 address rejected");
        assertEquals(OutboxStatus.FAILED, mail.status());
        assertEquals("550 5.1.1 address rejected", mail.lastError().orElseThrow());
        assertFalse(mail.isDue(T0.plus(Duration.ofDays(30))));
        assertThrows(IllegalStateException.class, () -> mail.failedTemporarily(T0, "again"));
    }

    @Test
    void aMootMailIsDroppedForGoodWithItsReasonAndNoAttemptCounted() {
        OutboxMail mail = mail();
        mail.failedTemporarily(T0, "Connection refused");
        mail.dropped(T0.plusSeconds(40), "nothing is owed any more");
        assertEquals(OutboxStatus.DROPPED, mail.status());
        assertEquals(1, mail.attempts(), "the failed attempt only");
        assertTrue(mail.lastError().isPresent(), "the last real failure stays");
        MailAttempt last = mail.history().get(mail.history().size() - 1);
        assertEquals(DeliveryOutcome.DROPPED, last.outcome());
        assertEquals("nothing is owed any more", last.detail());
        assertFalse(mail.isDue(T0.plus(Duration.ofDays(30))), "never tried again");
        assertThrows(IllegalStateException.class, () -> mail.delivered(T0.plusSeconds(50)));
        assertThrows(IllegalStateException.class, () -> mail.dropped(T0.plusSeconds(50), "twice"));
    }

    @Test
    void temporaryFailuresGiveUpAfterTheLastAttempt() {
        OutboxMail mail = mail();
        Instant at = T0;
        for (int i = 1; i < OutboxMail.MAX_ATTEMPTS; i++) {
            mail.failedTemporarily(at, "421 try later");
            at = mail.nextAttemptAt();
        }
        assertEquals(OutboxStatus.PENDING, mail.status());
        mail.failedTemporarily(at, "421 try later");
        assertEquals(OutboxStatus.FAILED, mail.status());
        assertEquals(OutboxMail.MAX_ATTEMPTS, mail.attempts());
        assertEquals(DeliveryOutcome.GAVE_UP, mail.history().get(mail.history().size() - 1).outcome());
    }

    @Test
    void aConflictMailNamesItsConflictAndGoesToTheOwnerInFrench() {
        OutboxMail mail = OutboxMail.channelConflict(1L, 42L, "owner@example.test", T0);
        assertEquals(MailKind.CHANNEL_CONFLICT, mail.kind());
        assertEquals(42L, mail.channelConflictId().orElseThrow());
        assertTrue(mail.dossierId().isEmpty());
        assertEquals(Language.FR, mail.language());
        assertTrue(mail.isDue(T0));
        assertThrows(IllegalArgumentException.class, () -> new OutboxMail(1L, null, MailKind.CHANNEL_CONFLICT,
                "owner@example.test", null, null, Language.FR, T0), "a conflict mail without its conflict");
    }
}
