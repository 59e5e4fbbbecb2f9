package org.sejour.interfaces.backoffice.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.AccountService;
import org.sejour.application.catalog.SalesTermsService;
import org.sejour.domain.model.catalog.AccountSalesTerms;
import org.sejour.domain.model.catalog.CancellationRule;
import org.sejour.domain.model.catalog.DepositRule;
import org.sejour.domain.model.pricing.CancellationPolicy;
import org.sejour.domain.model.pricing.SalesTerms;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.domain.model.shared.TranslatedText;
import org.sejour.interfaces.security.CurrentUser;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;

/**
 * "Modalités de vente": deposit (arrhes or acompte) and its percentage by proximity of arrival,
 * deadlines, lead time, minimum stay, option length, the cancellation policy (and whether guests
 * may cancel from their booking page), and the terms and conditions per language.
 */
@Named
@ViewScoped
public class SalesTermsSettings implements Serializable {

    private static final long serialVersionUID = 1L;
    /** what the domain refuses with its own message when a number is left empty */
    private static final int EMPTY = -1;

    @Inject
    CurrentUser currentUser;
    @EJB
    SalesTermsService salesTerms;
    @EJB
    AccountService accounts;

    private SalesTerms.DepositType depositType;
    private BigDecimal depositPercent;
    private Integer depositDueDays;
    private Integer balanceDueDays;
    private Integer leadTimeDays;
    private Integer optionDays;
    private Integer minStayNights;
    private boolean confirmOnDeposit;
    private final List<RuleRow> rules = new ArrayList<>();
    private final List<CancellationRow> cancellationRules = new ArrayList<>();
    private boolean guestMayCancel;
    private EnumMap<Language, String> conditions;
    private LanguageSwitch languages;

    /** A "percentage if arrival within N days" row as typed. */
    public static class RuleRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private Integer days;
        private BigDecimal percent;

        public Integer getDays() { return days; }
        public void setDays(Integer days) { this.days = days; }
        public BigDecimal getPercent() { return percent; }
        public void setPercent(BigDecimal percent) { this.percent = percent; }
    }

    /** "From N days before arrival: the deposit / P % of the stay", as typed. */
    public static class CancellationRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private Integer days;
        private CancellationPolicy.FeeKind kind = CancellationPolicy.FeeKind.PERCENT;
        private BigDecimal percent;

        public Integer getDays() { return days; }
        public void setDays(Integer days) { this.days = days; }
        public CancellationPolicy.FeeKind getKind() { return kind; }
        public void setKind(CancellationPolicy.FeeKind kind) { this.kind = kind; }
        public BigDecimal getPercent() { return percent; }
        public void setPercent(BigDecimal percent) { this.percent = percent; }
    }

    @PostConstruct
    void load() {
        long accountId = currentUser.accountId();
        AccountSalesTerms terms = salesTerms.get(accountId);
        depositType = terms.depositType();
        depositPercent = terms.depositPercent();
        depositDueDays = terms.depositDueDays();
        balanceDueDays = terms.balanceDueDays();
        leadTimeDays = terms.leadTimeDays();
        optionDays = terms.optionDays();
        confirmOnDeposit = terms.confirmOnDeposit();
        minStayNights = accounts.account(accountId).minStayNights();
        rules.clear();
        terms.depositRules().forEach(r -> {
            RuleRow row = new RuleRow();
            row.days = r.arrivalWithinDays();
            row.percent = r.depositPercent();
            rules.add(row);
        });
        cancellationRules.clear();
        terms.cancellation().rules().forEach(r -> {
            CancellationRow row = new CancellationRow();
            row.days = r.minDaysBefore();
            row.kind = r.feeKind();
            row.percent = r.feePercent();
            cancellationRules.add(row);
        });
        guestMayCancel = terms.guestMayCancel();
        conditions = LanguageSwitch.editable(terms.conditions());
        languages = new LanguageSwitch(conditions);
    }

    public void save() {
        try {
            List<DepositRule> depositRules = new ArrayList<>();
            for (RuleRow row : rules) {
                depositRules.add(new DepositRule(orEmpty(row.days), row.percent));
            }
            AccountSalesTerms.Settings settings = new AccountSalesTerms.Settings(depositType, depositPercent,
                    orEmpty(depositDueDays), orEmpty(balanceDueDays), orEmpty(leadTimeDays), orEmpty(optionDays),
                    confirmOnDeposit, depositRules);
            List<CancellationRule> cancellation = new ArrayList<>();
            for (CancellationRow row : cancellationRules) {
                cancellation.add(new CancellationRule(orEmpty(row.days), row.kind, row.percent));
            }
            salesTerms.change(currentUser.accountId(), settings, orEmpty(minStayNights), TranslatedText.of(conditions),
                    new AccountSalesTerms.Cancellation(cancellation, guestMayCancel));
            Faces.info("salesTerms.saved");
        } catch (SejourException e) {
            Faces.show("terms", e);
        }
    }

    private static int orEmpty(Integer typed) {
        return typed == null ? EMPTY : typed;
    }

    public void addCancellationRule() {
        cancellationRules.add(new CancellationRow());
    }

    public void removeCancellationRule(CancellationRow row) {
        cancellationRules.remove(row);
    }

    /** The example of the issue and the tutorial's owners: deposit kept, then half, then all. */
    public void useExampleCancellationPolicy() {
        cancellationRules.clear();
        cancellationRules.add(row(31, CancellationPolicy.FeeKind.DEPOSIT, null));
        cancellationRules.add(row(8, CancellationPolicy.FeeKind.PERCENT, BigDecimal.valueOf(50)));
        cancellationRules.add(row(0, CancellationPolicy.FeeKind.PERCENT, BigDecimal.valueOf(100)));
    }

    private static CancellationRow row(int days, CancellationPolicy.FeeKind kind, BigDecimal percent) {
        CancellationRow row = new CancellationRow();
        row.days = days;
        row.kind = kind;
        row.percent = percent;
        return row;
    }

    public void addRule() {
        rules.add(new RuleRow());
    }

    public void removeRule(RuleRow row) {
        rules.remove(row);
    }

    public List<SalesTerms.DepositType> getDepositTypes() { return List.of(SalesTerms.DepositType.values()); }
    public SalesTerms.DepositType getDepositType() { return depositType; }
    public void setDepositType(SalesTerms.DepositType depositType) { this.depositType = depositType; }
    public BigDecimal getDepositPercent() { return depositPercent; }
    public void setDepositPercent(BigDecimal depositPercent) { this.depositPercent = depositPercent; }
    public Integer getDepositDueDays() { return depositDueDays; }
    public void setDepositDueDays(Integer depositDueDays) { this.depositDueDays = depositDueDays; }
    public Integer getBalanceDueDays() { return balanceDueDays; }
    public void setBalanceDueDays(Integer balanceDueDays) { this.balanceDueDays = balanceDueDays; }
    public Integer getLeadTimeDays() { return leadTimeDays; }
    public void setLeadTimeDays(Integer leadTimeDays) { this.leadTimeDays = leadTimeDays; }
    public Integer getOptionDays() { return optionDays; }
    public void setOptionDays(Integer optionDays) { this.optionDays = optionDays; }
    public Integer getMinStayNights() { return minStayNights; }
    public void setMinStayNights(Integer minStayNights) { this.minStayNights = minStayNights; }
    public boolean isConfirmOnDeposit() { return confirmOnDeposit; }
    public void setConfirmOnDeposit(boolean confirmOnDeposit) { this.confirmOnDeposit = confirmOnDeposit; }
    public List<RuleRow> getRules() { return rules; }
    public EnumMap<Language, String> getConditions() { return conditions; }
    public List<CancellationRow> getCancellationRules() { return cancellationRules; }
    public List<CancellationPolicy.FeeKind> getFeeKinds() { return List.of(CancellationPolicy.FeeKind.values()); }
    public boolean isGuestMayCancel() { return guestMayCancel; }
    public void setGuestMayCancel(boolean guestMayCancel) { this.guestMayCancel = guestMayCancel; }
    public LanguageSwitch getLanguages() { return languages; }
}
