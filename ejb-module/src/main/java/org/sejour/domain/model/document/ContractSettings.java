package org.sejour.domain.model.document;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.TranslatedText;

import java.io.Serializable;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How an owner's contracts read: their texts (French, with per-language overrides), the
 * arrival and departure hours, the logo and which optional parts are printed. One per account;
 * an account that never saved any gets the defaults.
 */
@Entity
@Table(name = "contract_settings")
public class ContractSettings implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final int MAX_LOGO_BYTES = 512 * 1024;

    @Id
    @Column(name = "account_id")
    private Long accountId;
    @Column(name = "arrival_from")
    private LocalTime arrivalFrom;
    @Column(name = "arrival_until")
    private LocalTime arrivalUntil;
    @Column(name = "departure_before")
    private LocalTime departureBefore;
    @Column(name = "show_photos", nullable = false)
    private boolean showPhotos = true;
    @Column(name = "show_terms", nullable = false)
    private boolean showTerms = true;
    @Column(name = "logo")
    private byte[] logo;
    @Version
    private int version;

    @ElementCollection
    @CollectionTable(name = "contract_text", joinColumns = @JoinColumn(name = "account_id"))
    private Set<DocumentText> texts = new HashSet<>();

    protected ContractSettings() {
        // JPA
    }

    public static ContractSettings defaultsFor(long accountId) {
        ContractSettings settings = new ContractSettings();
        settings.accountId = accountId;
        settings.arrivalFrom = LocalTime.of(16, 0);
        settings.arrivalUntil = LocalTime.of(19, 0);
        settings.departureBefore = LocalTime.of(10, 0);
        return settings;
    }

    /** Everything the settings page edits, in one piece: the page saves all or nothing. */
    public record Changes(LocalTime arrivalFrom, LocalTime arrivalUntil, LocalTime departureBefore,
                          boolean showPhotos, boolean showTerms, Map<ContractField, TranslatedText> texts) {
        public Changes {
            texts = texts == null ? Map.of() : Map.copyOf(texts);
        }
    }

    public void change(Changes changes) {
        Objects.requireNonNull(changes, "changes are required");
        if (changes.arrivalFrom() != null && changes.arrivalUntil() != null
                && changes.arrivalUntil().isBefore(changes.arrivalFrom())) {
            throw new InvalidInputException("arrivalUntil", "contract.arrivalHours.order");
        }
        Texts.check(changes.texts());
        arrivalFrom = changes.arrivalFrom();
        arrivalUntil = changes.arrivalUntil();
        departureBefore = changes.departureBefore();
        showPhotos = changes.showPhotos();
        showTerms = changes.showTerms();
        for (ContractField field : ContractField.values()) {
            Texts.write(texts, field, changes.texts().getOrDefault(field, TranslatedText.empty()));
        }
    }

    /** The logo as a JPEG or PNG already checked and scaled by the caller; null removes it. */
    public void replaceLogo(byte[] image) {
        if (image != null && (image.length == 0 || image.length > MAX_LOGO_BYTES)) {
            throw new IllegalArgumentException("a logo is 1 byte to " + MAX_LOGO_BYTES + " bytes");
        }
        logo = image == null ? null : image.clone();
    }

    public long accountId() { return accountId; }
    public Optional<LocalTime> arrivalFrom() { return Optional.ofNullable(arrivalFrom); }
    public Optional<LocalTime> arrivalUntil() { return Optional.ofNullable(arrivalUntil); }
    public Optional<LocalTime> departureBefore() { return Optional.ofNullable(departureBefore); }
    public boolean showPhotos() { return showPhotos; }
    public boolean showTerms() { return showTerms; }
    public Optional<byte[]> logo() { return Optional.ofNullable(logo).map(byte[]::clone); }

    public TranslatedText text(ContractField field) {
        return Texts.read(texts, field);
    }

    public Map<ContractField, TranslatedText> texts() {
        Map<ContractField, TranslatedText> all = new EnumMap<>(ContractField.class);
        for (ContractField field : ContractField.values()) {
            all.put(field, text(field));
        }
        return all;
    }

    public Changes asChanges() {
        return new Changes(arrivalFrom, arrivalUntil, departureBefore, showPhotos, showTerms, texts());
    }
}
