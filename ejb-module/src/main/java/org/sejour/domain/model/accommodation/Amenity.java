package org.sejour.domain.model.accommodation;

/** Amenities shown online as pictograms; {@link #icon()} names a PrimeIcons glyph. */
public enum Amenity {
    POOL("pi-sun"),
    GARDEN("pi-sitemap"),
    SPA("pi-heart"),
    PARKING("pi-car"),
    INTERNET("pi-wifi"),
    TV("pi-desktop"),
    WASHING_MACHINE("pi-sync"),
    DISHWASHER("pi-inbox"),
    AIR_CONDITIONING("pi-cloud"),
    FIREPLACE("pi-bolt"),
    TERRACE("pi-th-large"),
    BARBECUE("pi-star"),
    PETS_ALLOWED("pi-check-circle"),
    ACCESSIBLE("pi-users"),
    SKI_IN_SKI_OUT("pi-angle-double-down"),
    SEA_VIEW("pi-eye"),
    BABY_EQUIPMENT("pi-shopping-bag"),
    NON_SMOKING("pi-ban");

    private final String icon;

    Amenity(String icon) {
        this.icon = icon;
    }

    public String icon() {
        return icon;
    }
}
