package org.sejour.application.booking;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.DossierRepository;
import org.sejour.domain.model.dossier.DossierStatus;
import org.sejour.domain.model.dossier.PaymentKind;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.NotFoundException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** What happens to a dossier after booking: confirmation, payments, cancellation, expiry. */
@Stateless
public class DossierService {

    private static final Logger LOG = Logger.getLogger(DossierService.class.getName());

    @Inject
    DossierRepository dossiers;

    public Dossier get(long accountId, long dossierId) {
        return dossiers.find(accountId, dossierId).orElseThrow(() -> new NotFoundException("dossier", dossierId));
    }

    public Dossier confirm(long accountId, long dossierId, @NotNull String actor) {
        Dossier dossier = get(accountId, dossierId);
        dossier.confirm(Instant.now(), actor);
        return dossier;
    }

    /** Cancels and gives the nights back to the stock, in the same transaction. */
    public Dossier cancel(long accountId, long dossierId, @NotNull String actor, String reason) {
        Dossier dossier = get(accountId, dossierId);
        dossier.cancel(Instant.now(), actor, reason);
        dossiers.releaseNights(dossier.accommodation().id(), dossier.stay());
        return dossier;
    }

    /**
     * Records a payment; an option whose deposit is now paid is confirmed. A provider's
     * repeated notification (same provider reference) changes nothing.
     */
    public Dossier recordPayment(long accountId, long dossierId, @NotNull PaymentKind kind, @NotNull LocalDate paidOn,
                                 @NotNull Money amount, @NotNull String method, String reference,
                                 String providerReference, @NotNull String actor) {
        Dossier dossier = get(accountId, dossierId);
        Instant now = Instant.now();
        boolean recorded = dossier.recordPayment(kind, paidOn, amount, method, reference, providerReference, now, actor);
        if (recorded && dossier.status() == DossierStatus.OPTION && dossier.isDepositPaid()) {
            dossier.confirm(now, actor);
        }
        return dossier;
    }

    public Dossier markSignedContractReceived(long accountId, long dossierId, boolean received, @NotNull String actor) {
        Dossier dossier = get(accountId, dossierId);
        dossier.markSignedContractReceived(received, Instant.now(), actor);
        return dossier;
    }

    public Dossier allowOnlinePayment(long accountId, long dossierId, boolean allowed, @NotNull String actor) {
        Dossier dossier = get(accountId, dossierId);
        dossier.allowOnlinePayment(allowed, Instant.now(), actor);
        return dossier;
    }

    /** Cancels options past their deadline and frees their nights; returns how many. */
    public int expireOptions(@NotNull Instant now, int max) {
        List<Dossier> expired = dossiers.expiredOptions(now, max);
        for (Dossier dossier : expired) {
            dossier.cancel(now, "system", "option expired");
            dossiers.releaseNights(dossier.accommodation().id(), dossier.stay());
            LOG.log(Level.INFO, "Option {0} of account {1} expired", new Object[]{dossier.number(), dossier.accountId()});
        }
        return expired.size();
    }
}
