package org.sejour.interfaces.backoffice.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import jakarta.validation.Valid;
import org.sejour.application.AccommodationService;
import org.sejour.domain.model.accommodation.Accommodation;
import org.sejour.domain.model.accommodation.AccommodationPhoto;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.domain.model.shared.TranslatedText;
import org.sejour.interfaces.security.CurrentUser;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.List;

/** Creates or edits one accommodation, with its photos. */
@Named
@ViewScoped
public class AccommodationEditor implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentUser currentUser;
    @EJB
    AccommodationService accommodations;

    private Long id;
    private Long copyFrom;
    private String reference;
    @Valid
    private AccommodationForm form = new AccommodationForm();
    private List<AccommodationPhoto> photos = List.of();
    private EnumMap<Language, String> access = new EnumMap<>(Language.class);
    private LanguageSwitch accessLanguages = new LanguageSwitch(access);
    /** The files of the request being answered; parts live no longer than their request. */
    private transient List<Part> uploads;

    /** f:viewAction: loads the accommodation named in the URL, or answers 404 if it is not the owner's. */
    public void load() {
        try {
            long accountId = currentUser.accountId();
            if (id != null) {
                Accommodation accommodation = accommodations.get(accountId, id);
                reference = accommodation.reference();
                form = AccommodationForm.of(accommodation.details());
                photos = accommodation.photos();
                access = LanguageSwitch.editable(accommodation.access());
                accessLanguages = new LanguageSwitch(access);
            } else if (copyFrom != null) {
                form = AccommodationForm.copyOf(accommodations.get(accountId, copyFrom).details());
            }
        } catch (NotFoundException e) {
            Faces.notFound();
        }
    }

    public void save() {
        try {
            long accountId = currentUser.accountId();
            if (id == null) {
                Accommodation created = accommodations.create(accountId, form.toDetails());
                Faces.redirect("/app/accommodation.xhtml?id=" + created.id() + "&created=true");
            } else {
                accommodations.update(accountId, id, form.toDetails());
                Faces.info("accommodation.saved");
            }
        } catch (SejourException e) {
            Faces.show("editor", e);
        }
    }

    public void saveAccess() {
        try {
            accommodations.giveAccess(currentUser.accountId(), id, TranslatedText.of(access));
            Faces.info("access.saved");
        } catch (SejourException e) {
            Faces.show("editor", e);
        }
    }

    /** The photo input's change: each chosen file in turn, each refused one named beside the input. */
    public void upload() {
        List<Part> parts = uploads == null ? List.of() : uploads;
        uploads = null;
        for (Part part : parts) {
            try {
                UploadedImage image = UploadedImage.of(part).orElse(null);
                if (image == null) {
                    Faces.error("editor:photos", "photo.tooLarge");
                    continue;
                }
                accommodations.addPhoto(currentUser.accountId(), id, image.content(), image.name());
                Faces.info("photo.added", image.name());
            } catch (SejourException e) {
                Faces.error("editor:photos", e.messageKey());
            }
        }
        reloadPhotos();
    }

    public void removePhoto(long photoId) {
        accommodations.removePhoto(currentUser.accountId(), id, photoId);
        reloadPhotos();
    }

    public void movePhoto(long photoId, int offset) {
        accommodations.movePhoto(currentUser.accountId(), id, photoId, offset);
        reloadPhotos();
    }

    private void reloadPhotos() {
        photos = accommodations.get(currentUser.accountId(), id).photos();
    }

    public boolean isNew() { return id == null; }
    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getCopyFrom() { return copyFrom; }
    public void setCopyFrom(Long copyFrom) { this.copyFrom = copyFrom; }
    public String getReference() { return reference; }
    public AccommodationForm getForm() { return form; }
    public List<AccommodationPhoto> getPhotos() { return photos; }
    public EnumMap<Language, String> getAccess() { return access; }
    public LanguageSwitch getAccessLanguages() { return accessLanguages; }
    public List<Part> getUploads() { return uploads; }
    public void setUploads(List<Part> uploads) { this.uploads = uploads; }
    public int getMaxPhotos() { return Accommodation.MAX_PHOTOS; }
}
