package org.sejour.interfaces.backoffice.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.message.MessageRendering;
import org.sejour.application.message.MessageRuleService;
import org.sejour.domain.model.message.MessageEvent;
import org.sejour.domain.model.message.MessagePlaceholder;
import org.sejour.domain.model.message.MessageRule;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.interfaces.security.CurrentUser;

import java.io.Serializable;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * "Messages aux voyageurs" ({@code /app/settings/messages.xhtml}): the owner's scheduled messages,
 * listed with when they go out and the languages they miss, switched on and off, written per
 * language and previewed with the owner's latest dossier.
 */
@Named
@ViewScoped
public class MessageRules implements Serializable {

    private static final long serialVersionUID = 1L;
    /** the times of day a message can go out at, every half hour ("10:00") */
    private static final List<String> TIMES = IntStream.range(0, 48)
            .mapToObj(i -> LocalTime.of(i / 2, i % 2 * 30).toString()).toList();

    @Inject
    CurrentUser currentUser;
    @EJB
    MessageRuleService service;

    private List<MessageRule> list = List.of();
    private Long editedId;
    private boolean editing;
    private String name;
    private MessageEvent event;
    private int days;
    private String sendAt;
    private boolean enabled;
    private EnumMap<Language, String> subjects = new EnumMap<>(Language.class);
    private EnumMap<Language, String> bodies = new EnumMap<>(Language.class);
    private LanguageSwitch languages = new LanguageSwitch(subjects, bodies);
    private MessageRendering.Rendered preview;
    private boolean previewShown;

    @PostConstruct
    void load() {
        list = service.rulesOf(currentUser.accountId());
    }

    public void startNew() {
        editedId = null;
        fill("", MessageEvent.BEFORE_ARRIVAL, 7, LocalTime.of(10, 0), true, Map.of());
        editing = true;
    }

    public void edit(long ruleId) {
        try {
            MessageRule rule = service.get(currentUser.accountId(), ruleId);
            editedId = rule.id();
            fill(rule.name(), rule.event(), rule.days(), rule.sendAt(), rule.enabled(), rule.texts());
            editing = true;
        } catch (NotFoundException e) {
            Faces.show("list", e);
        }
    }

    private void fill(String name, MessageEvent event, int days, LocalTime sendAt, boolean enabled,
                      Map<Language, MessageRule.Wording> texts) {
        this.name = name;
        this.event = event;
        this.days = days;
        this.sendAt = sendAt.toString();
        this.enabled = enabled;
        subjects = new EnumMap<>(Language.class);
        bodies = new EnumMap<>(Language.class);
        texts.forEach((language, wording) -> {
            subjects.put(language, wording.subject());
            bodies.put(language, wording.body());
        });
        languages = new LanguageSwitch(subjects, bodies);
        preview = null;
        previewShown = false;
    }

    public void save() {
        try {
            MessageRule.Draft draft = draft();
            if (editedId == null) {
                service.create(currentUser.accountId(), draft);
            } else {
                service.change(currentUser.accountId(), editedId, draft);
            }
            editing = false;
            load();
            Faces.info("messages.saved");
        } catch (InvalidInputException e) {
            showInEditor(e);
        } catch (SejourException e) {
            Faces.show("editor", e);
        }
    }

    /** A text's rule broken in some language: shown under its input, with that language switched to. */
    private void showInEditor(InvalidInputException e) {
        Optional<Language> first = Optional.empty();
        for (InvalidInputException.Violation v : e.violations()) {
            int cut = v.field().indexOf('_');
            if (cut < 0) {
                Faces.error("editor:" + v.field(), v.messageKey());
                continue;
            }
            Language language = Language.fromCode(v.field().substring(cut + 1)).orElse(Language.FR);
            first = first.or(() -> Optional.of(language));
            Faces.error("editor:texts", "messages.error.inLanguage",
                    Faces.text("translation.language." + language.code()), Faces.text(v.messageKey()));
        }
        first.ifPresent(languages::switchTo);
        jakarta.faces.context.FacesContext.getCurrentInstance().validationFailed();
    }

    public void showPreview() {
        Language language = languages.getLanguage();
        MessageRule.Wording wording = new MessageRule.Wording(subjects.get(language), bodies.get(language));
        preview = service.preview(currentUser.accountId(), wording, language).orElse(null);
        previewShown = true;
    }

    public void switchOn(long ruleId, boolean on) {
        try {
            service.switchOn(currentUser.accountId(), ruleId, on);
            load();
            Faces.info(on ? "messages.switchedOn" : "messages.switchedOff");
        } catch (SejourException e) {
            Faces.show("list", e);
        }
    }

    public void delete(long ruleId) {
        try {
            service.remove(currentUser.accountId(), ruleId);
            if (editedId != null && editedId == ruleId) {
                close();
            }
            load();
            Faces.info("messages.deleted");
        } catch (SejourException e) {
            Faces.show("list", e);
        }
    }

    public void close() {
        editing = false;
        editedId = null;
    }

    private MessageRule.Draft draft() {
        Map<Language, MessageRule.Wording> texts = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            texts.put(language, new MessageRule.Wording(subjects.get(language), bodies.get(language)));
        }
        LocalTime time = sendAt == null || !TIMES.contains(sendAt) ? null : LocalTime.parse(sendAt);
        return new MessageRule.Draft(name, event, days, time, enabled, texts);
    }

    /** "7 days before arrival, 10:00", in the owner's language. */
    public String whenOf(MessageRule rule) {
        return Faces.text("messages.when." + rule.event().name(), rule.days(), rule.sendAt().toString());
    }

    public String missingOf(MessageRule rule) {
        return rule.missingLanguages().stream().map(Language::code).map(String::toUpperCase)
                .collect(Collectors.joining(" "));
    }

    public String getPlaceholders() {
        return Arrays.stream(MessagePlaceholder.values()).map(MessagePlaceholder::toString)
                .collect(Collectors.joining(" "));
    }

    public List<MessageEvent> getEvents() { return List.of(MessageEvent.values()); }
    public List<String> getTimes() { return TIMES; }
    public List<MessageRule> getList() { return list; }
    public boolean isEditing() { return editing; }
    public boolean isNew() { return editedId == null; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public MessageEvent getEvent() { return event; }
    public void setEvent(MessageEvent event) { this.event = event; }
    public int getDays() { return days; }
    public void setDays(int days) { this.days = days; }
    public String getSendAt() { return sendAt; }
    public void setSendAt(String sendAt) { this.sendAt = sendAt; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public Map<Language, String> getSubjects() { return subjects; }
    public Map<Language, String> getBodies() { return bodies; }
    public LanguageSwitch getLanguages() { return languages; }
    public MessageRendering.Rendered getPreview() { return preview; }
    public boolean isPreviewShown() { return previewShown; }
}
