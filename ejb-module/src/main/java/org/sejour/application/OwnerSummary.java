package org.sejour.application;

import org.sejour.domain.model.account.AccountMode;

import java.io.Serializable;
import java.time.Instant;

/** One line of the operator's list of owners. */
public record OwnerSummary(long accountId, int accountNumber, String login, String name, String email,
                           AccountMode mode, Instant productionRequestedAt, boolean demoPayments, long accommodations,
                           Instant createdAt, Instant lastLoginAt) implements Serializable {
}
