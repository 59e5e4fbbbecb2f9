package org.sejour.interfaces.batch;

import jakarta.batch.runtime.context.StepContext;
import org.sejour.application.booking.BusinessCalendar;
import org.sejour.domain.model.reminder.ReminderPolicy;
import org.sejour.domain.model.reminder.ReminderRule;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Properties;

/**
 * The step properties the dossier jobs share, most of them taken from the job's parameters
 * (a parameter not given arrives as an empty string):
 * <ul>
 *     <li>{@code accountId}: only that owner's dossiers (an operator acting for one owner, tests);</li>
 *     <li>{@code asOf} (ISO instant) and {@code today} (ISO date): the moment the rules are judged at,
 *     by default now and today in the owners' calendar; mails are dated now whatever they say;</li>
 *     <li>{@code rule}: the reminder step's rule; {@code noticeDays}, {@code lateEveryDays}: a policy for
 *     every owner instead of each owner's reminder settings.</li>
 * </ul>
 * The reader, filter and writer of a step read the same properties from its context, so they
 * judge alike.
 */
final class JobArguments {

    private final Properties properties;

    private JobArguments(Properties properties) {
        this.properties = properties;
    }

    static JobArguments of(StepContext step) {
        return new JobArguments(step.getProperties());
    }

    Long accountId() {
        String value = value("accountId");
        return value == null ? null : Long.valueOf(value);
    }

    Instant asOf() {
        String value = value("asOf");
        return value == null ? Instant.now() : Instant.parse(value);
    }

    LocalDate today() {
        String value = value("today");
        return value == null ? BusinessCalendar.today(Clock.systemUTC()) : LocalDate.parse(value);
    }

    ReminderRule rule() {
        return ReminderRule.valueOf(value("rule"));
    }

    /**
     * The policy a run imposes on every owner (an operator's replay, tests), when it names
     * {@code noticeDays} or {@code lateEveryDays}; empty: each owner's own settings.
     */
    Optional<ReminderPolicy> policyOverride() {
        if (value("noticeDays") == null && value("lateEveryDays") == null) {
            return Optional.empty();
        }
        return Optional.of(new ReminderPolicy(number("noticeDays", ReminderPolicy.DEFAULT.noticeDays()),
                number("lateEveryDays", ReminderPolicy.DEFAULT.lateEveryDays())));
    }

    private int number(String name, int fallback) {
        String value = value(name);
        return value == null ? fallback : Integer.parseInt(value);
    }

    private String value(String name) {
        String value = properties.getProperty(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
