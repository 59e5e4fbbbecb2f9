package org.sejour.interfaces.guest.rest;

import org.sejour.domain.model.shared.Language;

import java.time.YearMonth;
import java.util.List;

/**
 * A guest's month calendar as read from a request, checked, and the key its answer is kept under,
 * for the resource and {@link KeptAnswerFilter} alike (see {@link AvailabilityQuestion}).
 *
 * @param accommodations the ids asked, each once, in the order asked
 */
record CalendarQuestion(int account, YearMonth month, List<Long> accommodations, Language language) {

    static final int MAX_ACCOMMODATIONS = 10;

    /** The query's texts, checked in the order the API reports them; bad input throws its InvalidInputException. */
    static CalendarQuestion read(String account, List<String> accommodations, String month, Language language) {
        YearMonth wanted = Inputs.month("month", month);
        List<Long> ids = Inputs.ids("accommodation", accommodations, MAX_ACCOMMODATIONS);
        return new CalendarQuestion(AccountResource.accountNumber(account), wanted, ids, language);
    }

    String key() {
        return "calendar/" + account + "/" + month + "/" + accommodations + "/" + language;
    }
}
