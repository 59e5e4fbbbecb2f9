package org.sejour.domain.model.catalog;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Set;

/** Arrival weekdays as the ISO bitmask of rate.arrival_days: Monday 1, Tuesday 2, … Sunday 64. */
public final class Weekdays {

    private Weekdays() {
    }

    public static int toMask(Set<DayOfWeek> days) {
        int mask = 0;
        for (DayOfWeek day : days) {
            mask |= 1 << (day.getValue() - 1);
        }
        return mask;
    }

    public static Set<DayOfWeek> fromMask(int mask) {
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if ((mask & (1 << (day.getValue() - 1))) != 0) {
                days.add(day);
            }
        }
        return Set.copyOf(days);
    }
}
