package org.sejour.interfaces.backoffice.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.sejour.domain.model.accommodation.AccommodationType;
import org.sejour.domain.model.accommodation.Amenity;
import org.sejour.domain.model.accommodation.Classification;
import org.sejour.domain.model.accommodation.Orientation;
import org.sejour.domain.model.accommodation.Visibility;
import org.sejour.domain.model.shared.Language;

import java.util.List;

/** The fixed choices offered by the back-office forms; their labels are in the bundle. */
@Named
@ApplicationScoped
public class Options {

    public List<AccommodationType> getAccommodationTypes() { return List.of(AccommodationType.values()); }
    public List<Classification> getClassifications() { return List.of(Classification.values()); }
    public List<Orientation> getOrientations() { return List.of(Orientation.values()); }
    public List<Visibility> getVisibilities() { return List.of(Visibility.values()); }
    public List<Amenity> getAmenities() { return List.of(Amenity.values()); }
    public List<Language> getLanguages() { return List.of(Language.values()); }
    public List<Integer> getMinStayChoices() { return List.of(1, 2, 3, 4, 5, 6, 7, 14); }
}
