package org.sejour.application.payment;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import org.sejour.application.access.Requires;
import org.sejour.domain.model.account.AccountRepository;
import org.sejour.domain.model.account.Permission;
import org.sejour.domain.model.payment.StripeAccount;
import org.sejour.domain.model.payment.StripeAccountRepository;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.SejourException;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The owner's "Paiement en ligne" settings: their own Stripe account's secret (or restricted)
 * key and the signing secret of the webhook endpoint they created for Séjour. The key is
 * checked with one call to Stripe, which names the account; both secrets are sealed before
 * they are stored and are never shown again, only their hints.
 */
@Stateless
public class OnlinePaymentSettings {

    private static final Logger LOG = Logger.getLogger(OnlinePaymentSettings.class.getName());
    private static final Pattern SECRET_KEY = Pattern.compile("(sk|rk)_(test|live)_[A-Za-z0-9]{10,250}");
    static final int DEFAULT_HOLD_DAYS = 2;
    private static final Pattern WEBHOOK_SECRET = Pattern.compile("whsec_[A-Za-z0-9+/=]{10,250}");

    @Inject
    StripeAccountRepository stripeAccounts;
    @EJB
    SecurityDeposits deposits;
    @Inject
    AccountRepository accounts;
    @Inject
    StripeGateway stripe;
    @Inject
    StripeKeys keys;
    @Inject
    SecretBox box;

    /** What the page shows: whether Stripe is connected, to which account, and the hints of the secrets. */
    public record View(boolean connected, String displayName, String stripeId, boolean live, String secretKeyHint,
                       String webhookSecretHint, Instant checkedAt, int accountNumber, boolean sealingAvailable,
                       boolean demoPayments, Optional<Money> holdAmount, int holdDaysBefore) implements Serializable {
    }

    public View view(long accountId) {
        int number = accounts.find(accountId).map(a -> a.number()).orElseThrow(() -> new NotFoundException("account", accountId));
        boolean demo = accounts.find(accountId).map(a -> a.acceptsDemoPayments()).orElse(false);
        return stripeAccounts.find(accountId)
                .map(s -> new View(true, s.displayName(), s.stripeId(), s.live(), s.secretKeyHint(),
                        s.webhookSecretHint(), s.checkedAt(), number, box.available(), demo, s.holdAmount(),
                        s.holdDaysBefore().orElse(DEFAULT_HOLD_DAYS)))
                .orElseGet(() -> new View(false, null, null, false, null, null, null, number, box.available(), demo,
                        Optional.empty(), DEFAULT_HOLD_DAYS));
    }

    /**
     * Checks the key with Stripe (GET /v1/account) and stores both secrets sealed. A key Stripe
     * refuses is not stored. Leaving a field empty keeps the secret already stored.
     */
    @Requires(Permission.MANAGE_SETTINGS)
    public View connect(long accountId, String secretKey, String webhookSecret) {
        if (!box.available()) {
            throw new SejourException("stripe.sealing.unavailable");
        }
        Optional<StripeAccount> existing = stripeAccounts.find(accountId);
        String key = blank(secretKey) && existing.isPresent() ? keys.secretKey(accountId) : strip(secretKey);
        String signing = blank(webhookSecret) && existing.isPresent() ? keys.webhookSecret(accountId) : strip(webhookSecret);
        List<InvalidInputException.Violation> violations = new ArrayList<>();
        if (!SECRET_KEY.matcher(key).matches()) {
            violations.add(new InvalidInputException.Violation("secretKey",
                    key.startsWith("pk_") ? "stripe.key.publishable" : "stripe.key.format"));
        }
        if (!WEBHOOK_SECRET.matcher(signing).matches()) {
            violations.add(new InvalidInputException.Violation("webhookSecret", "stripe.webhookSecret.format"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        StripeGateway.AccountInfo info = stripe.account(key);
        StripeAccount.Checked checked = new StripeAccount.Checked(info.id(), info.displayName(), info.live(), Instant.now());
        StripeAccount.Sealed sealed = keys.seal(accountId, key, signing);
        existing.ifPresentOrElse(s -> s.replace(sealed, checked),
                () -> stripeAccounts.store(new StripeAccount(accountId, sealed, checked)));
        LOG.log(Level.INFO, "Account {0} connected Stripe account {1} ({2})",
                new Object[]{accountId, info.id(), info.live() ? "live" : "test mode"});
        return view(accountId);
    }

    /**
     * The security deposit held on the guest's card before arrival (docs/payments.md): an amount
     * (empty: none), {@code daysBefore} days before arrival (1 to 6). Needs Stripe connected.
     */
    @Requires(Permission.MANAGE_SETTINGS)
    public View askHolds(long accountId, Optional<Money> amount, int daysBefore) {
        StripeAccount account = stripeAccounts.find(accountId).orElseThrow(() -> new SejourException("hold.stripeFirst"));
        account.askHolds(amount, daysBefore);
        return view(accountId);
    }

    /**
     * Séjour stops taking payments online for this owner; the secrets are deleted. The security
     * deposits still held on guests' cards are released first (without the key no one could
     * release them but Stripe, days later); if Stripe does not release one, nothing is
     * disconnected and the owner is told which dossiers hold it.
     */
    @Requires(Permission.MANAGE_SETTINGS)
    public View disconnect(long accountId, @NotNull String actor) {
        List<Integer> stillHeld = deposits.releaseAll(accountId, actor);
        if (!stillHeld.isEmpty()) {
            throw new SejourException("stripe.disconnect.holdsPlaced",
                    stillHeld.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")));
        }
        stripeAccounts.remove(accountId);
        LOG.log(Level.INFO, "Account {0} disconnected its Stripe account", accountId);
        return view(accountId);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
