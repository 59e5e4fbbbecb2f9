package org.sejour.application.dossier;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns a dossier list can be sorted by. Only these SQL expressions ever reach the
 * ORDER BY clause: the interface names a column, never an expression.
 */
public enum DossierSort {
    NUMBER("d.number"),
    CREATED("d.created_at"),
    STATUS("d.status"),
    GUEST("lower(d.guest_last_name)", "lower(d.guest_first_name)"),
    ACCOMMODATION("lower(a.name)"),
    ARRIVAL("d.arrival"),
    DEPARTURE("d.departure"),
    TOTAL("d.total"),
    /** kept for exports asked before the column was named for what it shows: OWED */
    BALANCE("(d.total - pay.paid)"),
    /** what is left to pay (reste à payer): total − paid, in the order of the column */
    OWED("(d.total - pay.paid)"),
    ORIGIN("d.origin");

    private final List<String> expressions;

    DossierSort(String... expressions) {
        this.expressions = List.of(expressions);
    }

    /** The ORDER BY clause; the dossier id breaks ties so that pages never overlap. */
    String orderBy(boolean ascending) {
        String direction = ascending ? " asc" : " desc";
        return " order by " + String.join(direction + ", ", expressions) + direction + ", d.id" + direction;
    }

    /** The sort keys, most significant first, ending with the dossier id that breaks ties (keyset reads). */
    List<String> keys() {
        List<String> keys = new ArrayList<>(expressions);
        keys.add("d.id");
        return keys;
    }

    /** The sort a table column names ("arrival", "balance"...), if it is one. */
    public static Optional<DossierSort> ofField(String field) {
        if (field == null) {
            return Optional.empty();
        }
        String name = field.replace("()", "").strip().toUpperCase(Locale.ROOT);
        for (DossierSort sort : values()) {
            if (sort.name().equals(name)) {
                return Optional.of(sort);
            }
        }
        return Optional.empty();
    }
}
