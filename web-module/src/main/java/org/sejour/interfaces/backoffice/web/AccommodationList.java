package org.sejour.interfaces.backoffice.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.AccommodationService;
import org.sejour.domain.model.accommodation.Accommodation;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.interfaces.security.CurrentUser;

import java.io.Serializable;
import java.util.List;

/** "Accès aux hébergements": the owner's accommodations. */
@Named
@ViewScoped
public class AccommodationList implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentUser currentUser;
    @EJB
    AccommodationService accommodations;

    private List<Accommodation> list;

    @PostConstruct
    void load() {
        list = accommodations.list(currentUser.accountId());
    }

    public void delete(long accommodationId) {
        try {
            accommodations.delete(currentUser.accountId(), accommodationId);
            Faces.info("accommodations.deleted");
        } catch (SejourException e) {
            Faces.show("list", e);
        }
        load();
    }

    public List<Accommodation> getList() { return list; }
}
