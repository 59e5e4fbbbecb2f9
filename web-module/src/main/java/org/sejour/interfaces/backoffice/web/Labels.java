package org.sejour.interfaces.backoffice.web;

import java.util.EnumMap;
import java.util.Map;

/** The bundle's label of each constant of an enum, looked up once per export rather than per row. */
final class Labels {

    private Labels() {
    }

    static <E extends Enum<E>> Map<E, String> of(Class<E> type, String keyPrefix) {
        Map<E, String> labels = new EnumMap<>(type);
        for (E constant : type.getEnumConstants()) {
            labels.put(constant, Faces.text(keyPrefix + constant.name()));
        }
        return labels;
    }
}
