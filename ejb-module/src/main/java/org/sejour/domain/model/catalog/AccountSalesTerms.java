package org.sejour.domain.model.catalog;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.sejour.domain.model.pricing.CancellationPolicy;
import org.sejour.domain.model.pricing.SalesTerms;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.Percentage;
import org.sejour.domain.model.shared.TranslatedText;

import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An account's terms of sale (modalités de vente). An account without a row has
 * {@link #defaultsFor(long) the defaults}; the row is written when the owner first changes them.
 */
@Entity
@Table(name = "sales_terms")
public class AccountSalesTerms implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final int MAX_CONDITIONS_LENGTH = 50_000;

    /**
     * The cancellation policy the owner writes (no rule: cancelling costs nothing) and whether
     * guests may cancel from their booking page under it.
     */
    public record Cancellation(List<CancellationRule> rules, boolean guestMayCancel) {
        public static final Cancellation NONE = new Cancellation(List.of(), false);
    }

    /** The settings an owner edits on the terms form. */
    public record Settings(SalesTerms.DepositType depositType, BigDecimal depositPercent, int depositDueDays,
                           int balanceDueDays, int leadTimeDays, int optionDays, boolean confirmOnDeposit,
                           List<DepositRule> depositRules) {
    }

    @Id
    @Column(name = "account_id")
    private long accountId;
    @Enumerated(EnumType.STRING)
    @Column(name = "deposit_type", nullable = false)
    private SalesTerms.DepositType depositType;
    @Column(name = "deposit_percent", nullable = false)
    private BigDecimal depositPercent;
    @Column(name = "deposit_due_days", nullable = false)
    private int depositDueDays;
    @Column(name = "balance_due_days", nullable = false)
    private int balanceDueDays;
    @Column(name = "lead_time_days", nullable = false)
    private int leadTimeDays;
    @Column(name = "option_days", nullable = false)
    private int optionDays;
    @Column(name = "confirm_on_deposit", nullable = false)
    private boolean confirmOnDeposit;

    @ElementCollection
    @CollectionTable(name = "deposit_rule", joinColumns = @JoinColumn(name = "account_id"))
    @OrderBy("arrivalWithinDays")
    private List<DepositRule> depositRules = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "cancellation_rule", joinColumns = @JoinColumn(name = "account_id"))
    @OrderBy("minDaysBefore DESC")
    private List<CancellationRule> cancellationRules = new ArrayList<>();
    @Column(name = "guest_may_cancel", nullable = false)
    private boolean guestMayCancel;

    /** language code → terms and conditions text (sales_terms_text); French is the fallback */
    @ElementCollection
    @CollectionTable(name = "sales_terms_text", joinColumns = @JoinColumn(name = "account_id"))
    @MapKeyColumn(name = "lang")
    @Column(name = "body")
    private Map<String, String> conditions = new HashMap<>();

    @Version
    private int version;

    protected AccountSalesTerms() {
        // JPA
    }

    public AccountSalesTerms(long accountId, Settings settings) {
        this.accountId = accountId;
        change(settings);
    }

    /** Arrhes 30 %, deposit within 7 days, balance 30 days before arrival, same-day booking, 7-day options. */
    public static AccountSalesTerms defaultsFor(long accountId) {
        return new AccountSalesTerms(accountId, new Settings(SalesTerms.DepositType.ARRHES, BigDecimal.valueOf(30),
                7, 30, 0, 7, true, List.of()));
    }

    public void change(Settings settings) {
        Rules.required(settings, "settings", "salesTerms.required");
        SalesTerms.DepositType type = Rules.required(settings.depositType(), "depositType", "salesTerms.depositType.required");
        BigDecimal percent = Rules.percent(settings.depositPercent(), true, true, "depositPercent", "salesTerms.depositPercent.range");
        Rules.between(settings.depositDueDays(), 0, 365, "depositDueDays", "salesTerms.days.range");
        Rules.between(settings.balanceDueDays(), 0, 365, "balanceDueDays", "salesTerms.days.range");
        Rules.between(settings.leadTimeDays(), 0, 365, "leadTimeDays", "salesTerms.days.range");
        Rules.between(settings.optionDays(), 1, 60, "optionDays", "salesTerms.optionDays.range");
        List<DepositRule> rules = Rules.required(settings.depositRules(), "depositRules", "salesTerms.depositRules.required");
        Set<Integer> days = new HashSet<>();
        for (DepositRule rule : rules) {
            if (!days.add(Rules.required(rule, "depositRules", "salesTerms.depositRules.required").arrivalWithinDays())) {
                throw new InvalidInputException("depositRules", "salesTerms.depositRule.duplicate");
            }
        }
        this.depositType = type;
        this.depositPercent = percent;
        this.depositDueDays = settings.depositDueDays();
        this.balanceDueDays = settings.balanceDueDays();
        this.leadTimeDays = settings.leadTimeDays();
        this.optionDays = settings.optionDays();
        this.confirmOnDeposit = settings.confirmOnDeposit();
        this.depositRules = new ArrayList<>(rules);
    }

    /** Replaces the cancellation policy; two rules may not start the same number of days before arrival. */
    public void changeCancellation(Cancellation cancellation) {
        Rules.required(cancellation, "cancellationRules", "salesTerms.required");
        List<CancellationRule> rules = Rules.required(cancellation.rules(), "cancellationRules",
                "salesTerms.cancellationRules.required");
        Set<Integer> days = new HashSet<>();
        for (CancellationRule rule : rules) {
            if (!days.add(Rules.required(rule, "cancellationRules", "salesTerms.cancellationRules.required")
                    .minDaysBefore())) {
                throw new InvalidInputException("cancellationRules", "salesTerms.cancellationRule.duplicate");
            }
        }
        this.cancellationRules = new ArrayList<>(rules);
        this.guestMayCancel = cancellation.guestMayCancel();
    }

    public Cancellation cancellation() {
        return new Cancellation(List.copyOf(cancellationRules), guestMayCancel);
    }

    /** The policy a cancellation's fee is computed by. */
    public CancellationPolicy cancellationPolicy() {
        return new CancellationPolicy(cancellationRules.stream().map(CancellationRule::toPricing).toList());
    }

    public boolean guestMayCancel() { return guestMayCancel; }
    public long accountId() { return accountId; }
    public SalesTerms.DepositType depositType() { return depositType; }
    public BigDecimal depositPercent() { return depositPercent; }
    public int depositDueDays() { return depositDueDays; }
    public int balanceDueDays() { return balanceDueDays; }
    public int leadTimeDays() { return leadTimeDays; }
    public int optionDays() { return optionDays; }
    public boolean confirmOnDeposit() { return confirmOnDeposit; }
    public List<DepositRule> depositRules() { return List.copyOf(depositRules); }

    /** The terms and conditions (CGV) printed on contracts; blank translations are dropped. */
    public TranslatedText conditions() {
        Map<Language, String> texts = new EnumMap<>(Language.class);
        conditions.forEach((code, text) -> Language.fromCode(code).ifPresent(l -> texts.put(l, text)));
        return TranslatedText.of(texts);
    }

    /** Replaces the terms and conditions; translations need the French text they translate. */
    public void rewriteConditions(TranslatedText texts) {
        Rules.required(texts, "conditions", "salesTerms.conditions.required");
        if (!texts.languages().isEmpty() && !texts.isFilledIn(Language.FR)) {
            throw new InvalidInputException("conditions", "salesTerms.conditions.frenchRequired");
        }
        if (texts.languages().stream().anyMatch(l -> texts.in(l).length() > MAX_CONDITIONS_LENGTH)) {
            throw new InvalidInputException("conditions", "salesTerms.conditions.tooLong");
        }
        conditions.clear();
        texts.asMap().forEach((language, text) -> conditions.put(language.code(), text));
    }

    /**
     * The version a guest accepts and a dossier keeps: a fingerprint rather than a counter, so it
     * changes with the text and the rules whatever wrote them, and two accounts with the same
     * terms share it. 16 hexadecimal digits.
     */
    public String fingerprint() {
        StringBuilder text = new StringBuilder().append(depositType).append('|')
                .append(depositPercent.stripTrailingZeros().toPlainString()).append('|')
                .append(depositDueDays).append('|').append(balanceDueDays).append('|')
                .append(leadTimeDays).append('|').append(optionDays).append('|')
                .append(confirmOnDeposit);
        depositRules().forEach(rule -> text.append('|').append(rule.arrivalWithinDays()).append(':')
                .append(rule.depositPercent().stripTrailingZeros().toPlainString()));
        // only when set, so that the terms of an owner without a policy keep the version guests accepted
        cancellationRules.stream().sorted(Comparator.comparingInt(CancellationRule::minDaysBefore))
                .forEach(rule -> text.append("|cancel ").append(rule.minDaysBefore()).append(':')
                        .append(rule.feeKind()).append(rule.feePercent() == null ? ""
                                : ":" + rule.feePercent().stripTrailingZeros().toPlainString()));
        if (guestMayCancel) {
            text.append("|guest may cancel");
        }
        TranslatedText texts = conditions();
        for (Language language : Language.values()) {
            text.append('|').append(language.code()).append('=').append(texts.in(language));
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Settings settings() {
        return new Settings(depositType, depositPercent, depositDueDays, balanceDueDays, leadTimeDays, optionDays,
                confirmOnDeposit, depositRules());
    }

    /** The terms pricing reads; the minimum stay is an account setting, passed in. */
    public SalesTerms toPricing(int minimumStayNights) {
        return new SalesTerms(depositType, new Percentage(depositPercent),
                depositRules.stream().map(DepositRule::toPricing).toList(),
                depositDueDays, balanceDueDays, minimumStayNights, leadTimeDays);
    }
}
