package org.sejour.domain.model.invoice;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Money;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a French invoice says about its seller (Code de commerce L441-9, CGI art. 242 nonies A):
 * legal name and form, SIRET, RCS or RM registration, and the VAT status, either a VAT number
 * and the rate charged, or the franchise mention of article 293 B of the CGI (the usual case
 * of a furnished tourist rental); and the prefix the owner prints before receipt numbers.
 * Written in the owner's receipt settings and copied onto each receipt when it is issued.
 */
@Embeddable
public class LegalMentions implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Pattern SIRET = Pattern.compile("[0-9]{14}");
    // FR, a two-character key (digits, or letters without I and O for the newer keys), the 9-digit SIREN
    private static final Pattern VAT_NUMBER = Pattern.compile("FR[0-9A-HJ-NP-Z]{2}[0-9]{9}");
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_./-]{0,15}");
    private static final String LA_POSTE_SIREN = "356000000";

    public enum VatStatus {
        /** Franchise en base: "TVA non applicable, article 293 B du CGI". */
        FRANCHISE,
        /** Charges VAT: a VAT number and the rate included in the prices. */
        REGISTERED
    }

    @Column(name = "legal_name")
    private String legalName;
    @Column(name = "legal_form")
    private String legalForm;
    @Column(name = "siret")
    private String siret;
    @Column(name = "registration")
    private String registration;
    @Enumerated(EnumType.STRING)
    @Column(name = "vat_status")
    private VatStatus vatStatus;
    @Column(name = "vat_number")
    private String vatNumber;
    @Column(name = "vat_rate")
    private BigDecimal vatRate;
    @Column(name = "number_prefix")
    private String numberPrefix;

    protected LegalMentions() {
        // JPA
    }

    /** Nothing said: the receipts of an owner who never filled the settings in. */
    public static LegalMentions none() {
        return new LegalMentions();
    }

    /**
     * Checks and normalises what the owner typed (spaces out of numbers, VAT number in upper
     * case); every broken rule is reported against its field at once.
     */
    public static LegalMentions of(String legalName, String legalForm, String siret, String registration,
                                   VatStatus vatStatus, String vatNumber, BigDecimal vatRate, String numberPrefix) {
        List<InvalidInputException.Violation> violations = new ArrayList<>();
        LegalMentions m = new LegalMentions();
        m.legalName = text(legalName, 300, "legalName", violations);
        m.legalForm = text(legalForm, 60, "legalForm", violations);
        m.registration = text(registration, 120, "registration", violations);
        m.siret = digits(siret);
        if (m.siret != null) {
            if (!SIRET.matcher(m.siret).matches()) {
                violations.add(new InvalidInputException.Violation("siret", "legal.siret.format"));
            } else if (!isValidSiret(m.siret)) {
                violations.add(new InvalidInputException.Violation("siret", "legal.siret.checksum"));
            }
        }
        m.numberPrefix = blankToNull(numberPrefix);
        if (m.numberPrefix != null && !PREFIX.matcher(m.numberPrefix).matches()) {
            violations.add(new InvalidInputException.Violation("numberPrefix", "legal.numberPrefix.format"));
        }
        m.vatStatus = vatStatus;
        if (vatStatus == null) {
            violations.add(new InvalidInputException.Violation("vatStatus", "legal.vatStatus.required"));
        } else if (vatStatus == VatStatus.REGISTERED) {
            m.vatNumber = vatNumber(vatNumber, m.siret, violations);
            if (vatRate == null) {
                violations.add(new InvalidInputException.Violation("vatRate", "legal.vatRate.required"));
            } else if (vatRate.signum() <= 0 || vatRate.compareTo(BigDecimal.valueOf(100)) >= 0 || vatRate.stripTrailingZeros().scale() > 2) {
                violations.add(new InvalidInputException.Violation("vatRate", "legal.vatRate.invalid"));
            } else {
                m.vatRate = vatRate.setScale(2, RoundingMode.UNNECESSARY);
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return m;
    }

    /** A copy for another owner of the columns (a receipt freezing its owner's settings). */
    public LegalMentions copy() {
        LegalMentions c = new LegalMentions();
        c.legalName = legalName;
        c.legalForm = legalForm;
        c.siret = siret;
        c.registration = registration;
        c.vatStatus = vatStatus;
        c.vatNumber = vatNumber;
        c.vatRate = vatRate;
        c.numberPrefix = numberPrefix;
        return c;
    }

    public Optional<String> legalName() { return Optional.ofNullable(legalName); }
    public Optional<String> legalForm() { return Optional.ofNullable(legalForm); }
    public Optional<String> siret() { return Optional.ofNullable(siret); }
    public Optional<String> registration() { return Optional.ofNullable(registration); }
    public Optional<VatStatus> vatStatus() { return Optional.ofNullable(vatStatus); }
    public Optional<String> vatNumber() { return Optional.ofNullable(vatNumber); }
    public Optional<BigDecimal> vatRate() { return Optional.ofNullable(vatRate); }
    public Optional<String> numberPrefix() { return Optional.ofNullable(numberPrefix); }

    /** The number as printed: "F2026-17" with the prefix "F2026-"; the series itself is the plain 17. */
    public String printedNumber(int number) {
        return (numberPrefix == null ? "" : numberPrefix) + number;
    }

    /** "123 456 789 00012": SIREN in threes, then the establishment's five digits. */
    public Optional<String> siretAsPrinted() {
        return siret().map(s -> s.substring(0, 3) + " " + s.substring(3, 6) + " " + s.substring(6, 9) + " " + s.substring(9));
    }

    /** The VAT included in an amount charged at the registered rate; none under the franchise. */
    public Optional<Money> vatIncludedIn(Money amount) {
        if (vatStatus != VatStatus.REGISTERED || vatRate == null) {
            return Optional.empty();
        }
        BigDecimal base = amount.amount().multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(100).add(vatRate), Money.SCALE, Money.ROUNDING);
        return Optional.of(Money.of(amount.amount().subtract(base)));
    }

    /**
     * The Luhn check INSEE uses for SIRET numbers, except for La Poste's establishments
     * (SIREN 356 000 000), whose digits add up to a multiple of 5 instead.
     */
    public static boolean isValidSiret(String siret) {
        if (siret == null || !SIRET.matcher(siret).matches()) {
            return false;
        }
        if (siret.startsWith(LA_POSTE_SIREN) && !siret.equals("35600000000048")) {
            return siret.chars().map(c -> c - '0').sum() % 5 == 0;
        }
        return luhn(siret);
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    /** The numeric key of a French VAT number: (12 + 3 × (SIREN mod 97)) mod 97. */
    static String vatKey(String siren) {
        return String.format(Locale.ROOT, "%02d", (12 + 3 * (Long.parseLong(siren) % 97)) % 97);
    }

    private static String vatNumber(String typed, String siret, List<InvalidInputException.Violation> violations) {
        String number = typed == null ? null : typed.replaceAll("[\\s.-]", "").toUpperCase(Locale.ROOT);
        if (number == null || number.isEmpty()) {
            violations.add(new InvalidInputException.Violation("vatNumber", "legal.vatNumber.required"));
            return null;
        }
        if (!VAT_NUMBER.matcher(number).matches()) {
            violations.add(new InvalidInputException.Violation("vatNumber", "legal.vatNumber.format"));
            return number;
        }
        String key = number.substring(2, 4);
        String siren = number.substring(4);
        if (Character.isDigit(key.charAt(0)) && Character.isDigit(key.charAt(1)) && !key.equals(vatKey(siren))) {
            violations.add(new InvalidInputException.Violation("vatNumber", "legal.vatNumber.checksum"));
        } else if (siret != null && SIRET.matcher(siret).matches() && !siret.startsWith(siren)) {
            violations.add(new InvalidInputException.Violation("vatNumber", "legal.vatNumber.siren"));
        }
        return number;
    }

    private static String text(String typed, int max, String field, List<InvalidInputException.Violation> violations) {
        String text = blankToNull(typed);
        if (text != null && text.length() > max) {
            violations.add(new InvalidInputException.Violation(field, "legal.tooLong"));
        }
        return text;
    }

    private static String digits(String typed) {
        String text = blankToNull(typed);
        return text == null ? null : text.replaceAll("\\s", "");
    }

    private static String blankToNull(String typed) {
        return typed == null || typed.isBlank() ? null : typed.strip();
    }
}
