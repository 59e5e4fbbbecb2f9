package org.sejour.interfaces.guest.rest;

import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Language;

import java.time.LocalDate;

/**
 * A guest's availability search as read from a request, checked, and the key its answer is kept
 * under: one reading for the resource that computes answers and for the filter that serves kept
 * ones ({@link KeptAnswerFilter}), so that both name an answer alike.
 */
record AvailabilityQuestion(int account, LocalDate arrival, int nights, int flexDays, Language language) {

    static final int MAX_FLEX_DAYS = 3;

    /** The query's texts, checked in the order the API reports them; bad input throws its InvalidInputException. */
    static AvailabilityQuestion read(String account, String arrival, String nights, String flexDays,
                                     Language language) {
        LocalDate day = Inputs.date("arrival", arrival);
        int length = Inputs.number("nights", nights, 1, Inputs.MAX_NIGHTS, -1, "api.nights.range");
        if (length < 0) {
            throw new InvalidInputException("nights", "api.required");
        }
        int flex = Inputs.number("flexDays", flexDays, 0, MAX_FLEX_DAYS, 0, "api.flexDays.range");
        return new AvailabilityQuestion(AccountResource.accountNumber(account), day, length, flex, language);
    }

    String key() {
        return "availability/" + account + "/" + arrival + "/" + nights + "/" + flexDays + "/" + language;
    }
}
