package org.sejour.application.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.sejour.domain.model.payment.StripeAccount;
import org.sejour.domain.model.payment.StripeAccountRepository;
import org.sejour.domain.model.shared.NotFoundException;

/**
 * Opens an owner's Stripe secrets for the one call that needs them. The sealed values are bound
 * to their account and field, so a row copied elsewhere opens nothing.
 */
@ApplicationScoped
public class StripeKeys {

    static final String SECRET_KEY = "secret-key";
    static final String WEBHOOK_SECRET = "webhook-secret";

    @Inject
    StripeAccountRepository stripeAccounts;
    @Inject
    SecretBox box;

    public String secretKey(long accountId) {
        return box.open(account(accountId).sealedSecretKey(), context(accountId, SECRET_KEY));
    }

    public String webhookSecret(long accountId) {
        return box.open(account(accountId).sealedWebhookSecret(), context(accountId, WEBHOOK_SECRET));
    }

    StripeAccount.Sealed seal(long accountId, String secretKey, String webhookSecret) {
        return new StripeAccount.Sealed(box.seal(secretKey, context(accountId, SECRET_KEY)), StripeAccount.hint(secretKey),
                box.seal(webhookSecret, context(accountId, WEBHOOK_SECRET)), StripeAccount.hint(webhookSecret));
    }

    private StripeAccount account(long accountId) {
        return stripeAccounts.find(accountId).orElseThrow(() -> new NotFoundException("stripe account", accountId));
    }

    static String context(long accountId, String field) {
        return "stripe:" + accountId + ":" + field;
    }
}
