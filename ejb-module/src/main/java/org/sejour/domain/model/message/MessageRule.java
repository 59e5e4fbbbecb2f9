package org.sejour.domain.model.message;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.InvalidInputException.Violation;
import org.sejour.domain.model.shared.Language;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A message the owner has sent to every guest at a moment of their stay: an event, an offset in
 * days and a time of day (in the owners' zone), with a subject and a text per language. Each
 * dossier gets it at most once (table {@code message_sent}); a rule switched off sends nothing.
 * French is required, as for every owner text; the guest reads their language when the rule has
 * it, else English when it has it, else French.
 */
@Entity
@Table(name = "message_rule")
public class MessageRule implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final int MAX_DAYS = 365;
    public static final int MAX_NAME = 120;
    public static final int MAX_SUBJECT = 200;
    public static final int MAX_BODY = 20_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;
    @Column(name = "name", nullable = false)
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(name = "event", nullable = false)
    private MessageEvent event;
    @Column(name = "days", nullable = false)
    private int days;
    @Column(name = "send_at", nullable = false)
    private LocalTime sendAt;
    @Column(name = "enabled", nullable = false)
    private boolean enabled;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Version
    private int version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "message_rule_text", joinColumns = @JoinColumn(name = "rule_id"))
    private Set<MessageText> texts = new HashSet<>();

    protected MessageRule() {
        // JPA
    }

    /** A subject and a text, as the owner writes them (placeholders in braces). */
    public record Wording(String subject, String body) implements Serializable {
        public Wording {
            subject = subject == null ? "" : subject.strip();
            body = body == null ? "" : body.strip();
        }

        boolean isEmpty() {
            return subject.isEmpty() && body.isEmpty();
        }
    }

    /** What the owner typed; checked as a whole, every rule broken named with its field. */
    public record Draft(String name, MessageEvent event, int days, LocalTime sendAt, boolean enabled,
                        Map<Language, Wording> texts) {
        public Draft {
            name = name == null ? "" : name.strip();
            texts = texts == null ? Map.of() : Map.copyOf(texts);
        }
    }

    public static MessageRule create(long accountId, Draft draft, Instant at) {
        Objects.requireNonNull(at, "at is required");
        MessageRule rule = new MessageRule();
        rule.accountId = accountId;
        rule.createdAt = at;
        rule.change(draft);
        return rule;
    }

    public void change(Draft draft) {
        Objects.requireNonNull(draft, "draft is required");
        List<Violation> violations = new ArrayList<>();
        if (draft.name().isEmpty()) {
            violations.add(new Violation("name", "messages.error.name"));
        } else if (draft.name().length() > MAX_NAME) {
            violations.add(new Violation("name", "messages.error.nameLength"));
        }
        if (draft.event() == null) {
            violations.add(new Violation("event", "messages.error.event"));
        } else if (draft.event().hasOffset() && (draft.days() < 0 || draft.days() > MAX_DAYS)) {
            violations.add(new Violation("days", "messages.error.days"));
        }
        if (draft.sendAt() == null) {
            violations.add(new Violation("sendAt", "messages.error.sendAt"));
        }
        Map<Language, Wording> kept = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            Wording wording = draft.texts().get(language);
            if (wording != null && !wording.isEmpty()) {
                check(language, wording, violations);
                kept.put(language, wording);
            }
        }
        if (!kept.containsKey(Language.FR)) {
            violations.add(new Violation("subject_fr", "messages.error.french"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        name = draft.name();
        event = draft.event();
        days = event.hasOffset() ? draft.days() : 0;
        sendAt = draft.sendAt().withSecond(0).withNano(0);
        enabled = draft.enabled();
        texts.clear();
        kept.forEach((language, wording) -> texts.add(new MessageText(language.code(), wording.subject(), wording.body())));
    }

    private static void check(Language language, Wording wording, List<Violation> violations) {
        String suffix = "_" + language.code();
        if (wording.subject().isEmpty()) {
            violations.add(new Violation("subject" + suffix, "messages.error.subject"));
        } else if (wording.subject().length() > MAX_SUBJECT) {
            violations.add(new Violation("subject" + suffix, "messages.error.subjectLength"));
        } else if (!MessagePlaceholder.unknownIn(wording.subject()).isEmpty()) {
            violations.add(new Violation("subject" + suffix, "messages.error.placeholder"));
        }
        if (wording.body().isEmpty()) {
            violations.add(new Violation("body" + suffix, "messages.error.body"));
        } else if (wording.body().length() > MAX_BODY) {
            violations.add(new Violation("body" + suffix, "messages.error.bodyLength"));
        } else if (!MessagePlaceholder.unknownIn(wording.body()).isEmpty()) {
            violations.add(new Violation("body" + suffix, "messages.error.placeholder"));
        }
    }

    public void switchOn(boolean on) {
        enabled = on;
    }

    /** The language a guest who reads {@code guest} gets this message in: theirs, else English, else French. */
    public Language languageFor(Language guest) {
        Set<Language> written = languages();
        if (guest != null && written.contains(guest)) {
            return guest;
        }
        return written.contains(Language.EN) ? Language.EN : Language.FR;
    }

    public Optional<Wording> wordingIn(Language language) {
        return texts.stream().filter(t -> t.lang().equals(language.code())).findFirst()
                .map(t -> new Wording(t.subject(), t.body()));
    }

    public Set<Language> languages() {
        Set<Language> languages = new HashSet<>();
        texts.forEach(t -> Language.fromCode(t.lang()).ifPresent(languages::add));
        return languages;
    }

    /** The product's languages this rule has no text in (guests reading them get English or French). */
    public List<Language> missingLanguages() {
        Set<Language> written = languages();
        return java.util.Arrays.stream(Language.values()).filter(l -> !written.contains(l)).toList();
    }

    public Map<Language, Wording> texts() {
        Map<Language, Wording> copy = new EnumMap<>(Language.class);
        texts.forEach(t -> Language.fromCode(t.lang()).ifPresent(l -> copy.put(l, new Wording(t.subject(), t.body()))));
        return copy;
    }

    public Long id() { return id; }
    public long accountId() { return accountId; }
    public String name() { return name; }
    public MessageEvent event() { return event; }
    public int days() { return days; }
    public LocalTime sendAt() { return sendAt; }
    public boolean enabled() { return enabled; }
    public Instant createdAt() { return createdAt; }
}
