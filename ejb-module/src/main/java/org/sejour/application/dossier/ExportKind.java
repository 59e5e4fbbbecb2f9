package org.sejour.application.dossier;

import org.sejour.application.dossier.DossierQueries.Movement;
import org.sejour.infrastructure.export.Spreadsheet.Type;

import java.util.List;
import java.util.Optional;

/**
 * What an export writes out: a dossier search, or the arrivals or departures of a period. Each
 * kind has its columns' types and widths; the headers come from the owner's {@link ExportLabels}.
 */
public enum ExportKind {

    DOSSIERS(null, List.of(Type.INTEGER, Type.DATE_TIME, Type.TEXT, Type.TEXT, Type.TEXT, Type.TEXT, Type.TEXT,
            Type.DATE, Type.DATE, Type.INTEGER, Type.INTEGER, Type.TEXT, Type.TEXT, Type.MONEY, Type.MONEY,
            Type.MONEY, Type.MONEY, Type.MONEY, Type.MONEY, Type.MONEY),
            List.of(10, 17, 12, 28, 28, 18, 28, 12, 12, 8, 8, 16, 12, 12, 12, 12, 12, 12, 12, 12)),
    ARRIVALS(Movement.ARRIVAL, movementTypes(), movementWidths()),
    DEPARTURES(Movement.DEPARTURE, movementTypes(), movementWidths());

    private final Movement movement;
    private final List<Type> types;
    private final List<Integer> widths;

    ExportKind(Movement movement, List<Type> types, List<Integer> widths) {
        this.movement = movement;
        this.types = types;
        this.widths = widths;
    }

    /** The arrivals or departures list's columns: day, n°, guest, accommodation, nights, persons, left to pay, phone. */
    private static List<Type> movementTypes() {
        return List.of(Type.DATE, Type.INTEGER, Type.TEXT, Type.TEXT, Type.INTEGER, Type.INTEGER, Type.MONEY,
                Type.TEXT);
    }

    private static List<Integer> movementWidths() {
        return List.of(12, 10, 28, 28, 8, 8, 12, 18);
    }

    public static ExportKind of(Movement movement) {
        return movement == Movement.ARRIVAL ? ARRIVALS : DEPARTURES;
    }

    /** The list a movement export is about; empty for a dossier search. */
    public Optional<Movement> movement() {
        return Optional.ofNullable(movement);
    }

    /** As many headers as the page must give. */
    public int columnCount() {
        return types.size();
    }

    List<Type> types() {
        return types;
    }

    List<Integer> widths() {
        return widths;
    }
}
