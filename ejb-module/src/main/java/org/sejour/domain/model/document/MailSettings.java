package org.sejour.domain.model.document;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.TranslatedText;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** How an owner's mails to guests read and go out. One per account; defaults until saved. */
@Entity
@Table(name = "mail_settings")
public class MailSettings implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @Id
    @Column(name = "account_id")
    private Long accountId;
    @Enumerated(EnumType.STRING)
    @Column(name = "guest_mail", nullable = false)
    private GuestMail guestMail = GuestMail.CONTRACT;
    @Column(name = "copy_to")
    private String copyTo;
    @Column(name = "custom_footer", nullable = false)
    private boolean customFooter;
    @Version
    private int version;

    @ElementCollection
    @CollectionTable(name = "mail_language", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "lang")
    private Set<String> languages = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "mail_text", joinColumns = @JoinColumn(name = "account_id"))
    private Set<DocumentText> texts = new HashSet<>();

    protected MailSettings() {
        // JPA
    }

    public static MailSettings defaultsFor(long accountId) {
        MailSettings settings = new MailSettings();
        settings.accountId = accountId;
        settings.languages.add(Language.EN.code());
        return settings;
    }

    public record Changes(GuestMail guestMail, String copyTo, boolean customFooter, Set<Language> languages,
                          Map<MailField, TranslatedText> texts) {
        public Changes {
            Objects.requireNonNull(guestMail, "guest mail is required");
            languages = languages == null ? Set.of() : Set.copyOf(languages);
            texts = texts == null ? Map.of() : Map.copyOf(texts);
        }
    }

    public void change(Changes changes) {
        Objects.requireNonNull(changes, "changes are required");
        String copy = changes.copyTo() == null || changes.copyTo().isBlank() ? null
                : changes.copyTo().strip().toLowerCase(Locale.ROOT);
        if (copy != null && !EMAIL.matcher(copy).matches()) {
            throw new InvalidInputException("copyTo", "mail.copyTo.invalid");
        }
        Texts.check(changes.texts());
        guestMail = changes.guestMail();
        copyTo = copy;
        customFooter = changes.customFooter();
        languages.clear();
        changes.languages().stream().filter(l -> l != Language.FR).forEach(l -> languages.add(l.code()));
        for (MailField field : MailField.values()) {
            Texts.write(texts, field, changes.texts().getOrDefault(field, TranslatedText.empty()));
        }
    }

    /**
     * The language to write to a guest in: theirs when the owner accepts it, else English
     * when accepted, else French (which the owner always writes in).
     */
    public Language languageFor(Language guestLanguage) {
        Set<Language> accepted = acceptedLanguages();
        if (accepted.contains(guestLanguage)) {
            return guestLanguage;
        }
        return accepted.contains(Language.EN) ? Language.EN : Language.FR;
    }

    public Set<Language> acceptedLanguages() {
        Set<Language> accepted = EnumSet.of(Language.FR);
        languages.forEach(code -> Language.fromCode(code).ifPresent(accepted::add));
        return accepted;
    }

    public long accountId() { return accountId; }
    public GuestMail guestMail() { return guestMail; }
    public Optional<String> copyTo() { return Optional.ofNullable(copyTo); }
    public boolean customFooter() { return customFooter; }

    public TranslatedText text(MailField field) {
        return Texts.read(texts, field);
    }

    public Map<MailField, TranslatedText> texts() {
        Map<MailField, TranslatedText> all = new EnumMap<>(MailField.class);
        for (MailField field : MailField.values()) {
            all.put(field, text(field));
        }
        return all;
    }

    public Changes asChanges() {
        return new Changes(guestMail, copyTo, customFooter, acceptedLanguages(), texts());
    }
}
