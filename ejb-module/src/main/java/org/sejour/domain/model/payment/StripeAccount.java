package org.sejour.domain.model.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Money;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An owner's own Stripe account: the guests' payments go straight to it. The secret key and
 * the webhook signing secret are kept sealed (AES-GCM, by {@code SecretBox}); what the owner
 * sees again is their hint only.
 */
@Entity
@Table(name = "stripe_account")
public class StripeAccount implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @Column(name = "account_id")
    private long accountId;
    @Column(name = "secret_key", nullable = false)
    private byte[] sealedSecretKey;
    @Column(name = "secret_key_hint", nullable = false)
    private String secretKeyHint;
    @Column(name = "webhook_secret", nullable = false)
    private byte[] sealedWebhookSecret;
    @Column(name = "webhook_secret_hint", nullable = false)
    private String webhookSecretHint;
    @Column(name = "stripe_id", nullable = false)
    private String stripeId;
    @Column(name = "display_name", nullable = false)
    private String displayName;
    @Column(name = "live", nullable = false)
    private boolean live;
    @Column(name = "checked_at", nullable = false)
    private Instant checkedAt;
    @Column(name = "hold_amount")
    private BigDecimal holdAmount;
    @Column(name = "hold_days_before")
    private Integer holdDaysBefore;
    @Version
    private int version;

    protected StripeAccount() {
        // JPA
    }

    /** What Stripe answered about the account when the keys were checked. */
    public record Checked(String stripeId, String displayName, boolean live, Instant at) {
        public Checked {
            Objects.requireNonNull(stripeId, "stripe id is required");
            Objects.requireNonNull(displayName, "display name is required");
            Objects.requireNonNull(at, "at is required");
        }
    }

    /** Two secrets, sealed, and the hints shown of them. */
    public record Sealed(byte[] secretKey, String secretKeyHint, byte[] webhookSecret, String webhookSecretHint) {
        public Sealed {
            Objects.requireNonNull(secretKey, "secret key is required");
            Objects.requireNonNull(secretKeyHint, "secret key hint is required");
            Objects.requireNonNull(webhookSecret, "webhook secret is required");
            Objects.requireNonNull(webhookSecretHint, "webhook secret hint is required");
        }
    }

    public StripeAccount(long accountId, Sealed secrets, Checked checked) {
        this.accountId = accountId;
        replace(secrets, checked);
    }

    /** New keys, checked again. */
    public void replace(Sealed secrets, Checked checked) {
        sealedSecretKey = secrets.secretKey().clone();
        secretKeyHint = secrets.secretKeyHint();
        sealedWebhookSecret = secrets.webhookSecret().clone();
        webhookSecretHint = secrets.webhookSecretHint();
        stripeId = checked.stripeId();
        displayName = checked.displayName();
        live = checked.live();
        checkedAt = checked.at();
    }

    /**
     * What may be shown of a secret: its prefix (sk_test_, rk_live_, whsec_) and its last four
     * characters, enough to tell two keys apart and nothing to use.
     */
    public static String hint(String secret) {
        String s = Objects.requireNonNull(secret, "secret is required").strip();
        int prefix = s.indexOf('_', s.indexOf('_') + 1);
        String head = s.startsWith("whsec_") ? "whsec_" : prefix > 0 && prefix < 10 ? s.substring(0, prefix + 1) : "";
        return head + "…" + (s.length() > 12 ? s.substring(s.length() - 4) : "");
    }

    /**
     * The security deposit the owner asks for: held on the guest's card {@code daysBefore} days
     * before arrival (1 to 6: Stripe keeps a card authorisation for 7 days); none when empty.
     */
    public void askHolds(Optional<Money> amount, int daysBefore) {
        if (amount.isEmpty()) {
            holdAmount = null;
            holdDaysBefore = null;
            return;
        }
        if (!amount.get().isPositive()) {
            throw new InvalidInputException("holdAmount", "hold.amount.positive");
        }
        if (daysBefore < 1 || daysBefore > DepositHold.RENEW_AFTER_DAYS) {
            throw new InvalidInputException("holdDays", "hold.days.range");
        }
        holdAmount = amount.get().amount();
        holdDaysBefore = daysBefore;
    }

    public boolean asksHolds() { return holdAmount != null; }
    public Optional<Money> holdAmount() {
        return Optional.ofNullable(holdAmount).map(Money::of);
    }
    public Optional<Integer> holdDaysBefore() { return Optional.ofNullable(holdDaysBefore); }

    public long accountId() { return accountId; }
    public byte[] sealedSecretKey() { return sealedSecretKey.clone(); }
    public String secretKeyHint() { return secretKeyHint; }
    public byte[] sealedWebhookSecret() { return sealedWebhookSecret.clone(); }
    public String webhookSecretHint() { return webhookSecretHint; }
    public String stripeId() { return stripeId; }
    public String displayName() { return displayName; }
    public boolean live() { return live; }
    public Instant checkedAt() { return checkedAt; }
}
