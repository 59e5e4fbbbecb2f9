package org.sejour.interfaces.backoffice.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.Valid;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;
import org.sejour.application.AccommodationService;
import org.sejour.domain.model.accommodation.Accommodation;
import org.sejour.domain.model.accommodation.AccommodationPhoto;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.domain.model.accommodation.StoredImage;
import org.sejour.interfaces.security.CurrentUser;

import java.io.Serializable;
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

    /** f:viewAction: loads the accommodation named in the URL, or answers 404 if it is not the owner's. */
    public void load() {
        try {
            long accountId = currentUser.accountId();
            if (id != null) {
                Accommodation accommodation = accommodations.get(accountId, id);
                reference = accommodation.reference();
                form = AccommodationForm.of(accommodation.details());
                photos = accommodation.photos();
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

    public void upload(FileUploadEvent event) {
        UploadedFile file = event.getFile();
        try {
            if (file.getSize() > StoredImage.MAX_UPLOAD_BYTES) {
                Faces.error("editor:photos", "photo.tooLarge");
                return;
            }
            accommodations.addPhoto(currentUser.accountId(), id, file.getContent(), file.getFileName());
            Faces.info("photo.added", file.getFileName());
        } catch (SejourException e) {
            Faces.error("editor:photos", e.messageKey());
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
    public int getMaxPhotos() { return Accommodation.MAX_PHOTOS; }
}
