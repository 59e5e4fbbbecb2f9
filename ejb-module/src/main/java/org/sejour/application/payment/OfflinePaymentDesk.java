package org.sejour.application.payment;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import org.sejour.domain.model.account.AccountRepository;
import org.sejour.domain.model.payment.PaymentAttemptRepository;

import java.net.URI;
import java.util.Optional;

/**
 * The offline demo provider's hosted page, where the visitor picks the outcome. It exists only
 * for accounts that accept demo payments (test mode, or the operator's demo switch): for any
 * other account its sessions are not found, so nobody can mark a real booking paid there.
 */
@Stateless
public class OfflinePaymentDesk {

    @Inject
    OfflineSessions sessions;
    @Inject
    PaymentAttemptRepository attempts;
    @Inject
    AccountRepository accounts;

    public Optional<OfflineSessions.Session> session(@NotNull String session) {
        return open(session) ? sessions.find(session) : Optional.empty();
    }

    public Optional<URI> answer(@NotNull String session, @NotNull ProviderVerdict outcome) {
        return open(session) ? sessions.answer(session, outcome) : Optional.empty();
    }

    private boolean open(String session) {
        return attempts.findBySession(PaymentProvider.OFFLINE, session)
                .flatMap(a -> accounts.find(a.accountId()))
                .map(a -> a.acceptsDemoPayments()).orElse(false);
    }
}
