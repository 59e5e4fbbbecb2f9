package org.sejour.interfaces.backoffice.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.document.DocumentSettingsService;
import org.sejour.domain.model.document.GuestMail;
import org.sejour.domain.model.document.MailField;
import org.sejour.domain.model.document.MailSettings;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.interfaces.security.CurrentUser;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * "Personnalisation des mails": what the guest receives on a booking, the copy-to address, the
 * footer, the languages the owner writes in, and the texts (French, and any of the six other
 * languages: {@link OwnerTexts}).
 */
@Named
@ViewScoped
public class MailSettingsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentUser currentUser;
    @EJB
    DocumentSettingsService settings;

    private OwnerTexts<MailField> texts = new OwnerTexts<>(MailField.class, Map.of());
    private GuestMail guestMail;
    private String copyTo;
    private boolean customFooter;
    private List<String> languages = new ArrayList<>();

    @PostConstruct
    void load() {
        MailSettings mail = settings.mail(currentUser.accountId());
        texts = new OwnerTexts<>(MailField.class, mail.texts());
        guestMail = mail.guestMail();
        copyTo = mail.copyTo().orElse("");
        customFooter = mail.customFooter();
        languages = mail.acceptedLanguages().stream().filter(l -> l != Language.FR).map(Language::code)
                .collect(Collectors.toCollection(ArrayList::new));
    }

    public void save() {
        Set<Language> accepted = languages.stream().map(Language::fromCode).flatMap(java.util.Optional::stream)
                .collect(Collectors.toSet());
        try {
            settings.changeMail(currentUser.accountId(),
                    new MailSettings.Changes(guestMail, copyTo, customFooter, accepted, texts.toTexts()));
            Faces.info("mails.saved");
        } catch (SejourException e) {
            Faces.show("mails", e);
        }
    }

    public GuestMail[] getGuestMailChoices() { return GuestMail.values(); }

    public List<String> getLanguageChoices() {
        return Arrays.stream(Language.values()).filter(l -> l != Language.FR).map(Language::code).toList();
    }

    public List<MailField> getFields() { return List.of(MailField.values()); }
    public OwnerTexts<MailField> getTexts() { return texts; }
    public GuestMail getGuestMail() { return guestMail; }
    public void setGuestMail(GuestMail guestMail) { this.guestMail = guestMail; }
    public String getCopyTo() { return copyTo; }
    public void setCopyTo(String copyTo) { this.copyTo = copyTo; }
    public boolean isCustomFooter() { return customFooter; }
    public void setCustomFooter(boolean customFooter) { this.customFooter = customFooter; }
    public List<String> getLanguages() { return languages; }
    public void setLanguages(List<String> languages) { this.languages = languages; }
}
