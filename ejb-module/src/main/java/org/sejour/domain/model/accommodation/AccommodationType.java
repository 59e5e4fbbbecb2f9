package org.sejour.domain.model.accommodation;

public enum AccommodationType {
    GITE, APPARTEMENT, CHALET, STUDIO, MAISON, VILLA, CHAMBRE, MOBIL_HOME, AUTRE
}
