package org.sejour.domain.model.accommodation;

public enum Orientation {
    NORTH, NORTH_EAST, EAST, SOUTH_EAST, SOUTH, SOUTH_WEST, WEST, NORTH_WEST
}
