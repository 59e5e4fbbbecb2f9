package org.sejour.interfaces.backoffice.web;

import org.junit.jupiter.api.Test;
import org.sejour.domain.model.catalog.DayPeriod;
import org.sejour.domain.model.shared.InvalidInputException;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scope a promo code and a promotion share: "all" is none, "some" with none chosen is refused. */
class DiscountScopeTest {

    private static final DayPeriod JULY = new DayPeriod(LocalDate.of(2027, 7, 1), LocalDate.of(2027, 7, 31));

    @Test
    void aNewScopeCoversEveryAccommodationAndEveryStay() {
        DiscountScope scope = new DiscountScope();
        assertEquals(Set.of(), scope.accommodations());
        assertEquals(List.of(), scope.periods());
    }

    @Test
    void aSavedScopeComesBackAsTypedAndGoesOutTheSame() {
        DiscountScope scope = DiscountScope.of(Set.of(4L, 9L), List.of(JULY));
        assertFalse(scope.isAllAccommodations());
        assertFalse(scope.isAllStays());
        assertEquals(Set.of(4L, 9L), scope.accommodations());
        assertEquals(List.of(JULY), scope.periods());

        DiscountScope all = DiscountScope.of(Set.of(), List.of());
        assertTrue(all.isAllAccommodations());
        assertTrue(all.isAllStays());
    }

    @Test
    void someAccommodationsWithNoneTickedIsRefusedUnderItsField() {
        DiscountScope scope = new DiscountScope();
        scope.setAllAccommodations(false);
        InvalidInputException refused = assertThrows(InvalidInputException.class, scope::accommodations);
        assertEquals(List.of(new InvalidInputException.Violation("accommodations",
                "settings.accommodations.noneChosen")), refused.violations());
    }

    @Test
    void someStaysWithNoRowOrAnIncompleteRowIsRefusedUnderStays() {
        DiscountScope scope = new DiscountScope();
        scope.setAllStays(false);
        InvalidInputException none = assertThrows(InvalidInputException.class, scope::periods);
        assertEquals(List.of(new InvalidInputException.Violation("stays", "promoCode.stays.noneChosen")),
                none.violations());

        scope.getStays().add();
        InvalidInputException incomplete = assertThrows(InvalidInputException.class, scope::periods);
        assertEquals("stays", incomplete.violations().get(0).field(), "the row's own rule, named for this form");
    }
}
