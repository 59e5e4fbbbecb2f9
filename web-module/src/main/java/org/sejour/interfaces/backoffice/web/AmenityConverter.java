package org.sejour.interfaces.backoffice.web;

import jakarta.faces.convert.EnumConverter;
import jakarta.faces.convert.FacesConverter;
import org.sejour.domain.model.accommodation.Amenity;

/** A list of enums loses its element type at runtime; this tells Faces which enum it holds. */
@FacesConverter("amenityConverter")
public class AmenityConverter extends EnumConverter {
    public AmenityConverter() {
        super(Amenity.class);
    }
}
