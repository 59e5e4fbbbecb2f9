package org.sejour.interfaces.backoffice.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.AccountService;
import org.sejour.application.booking.AvailabilityService;
import org.sejour.application.booking.AvailabilityService.SearchHit;
import org.sejour.application.booking.BusinessCalendar;
import org.sejour.application.site.BookingTestService;
import org.sejour.application.site.BookingTestService.TestBooking;
import org.sejour.domain.model.account.Account;
import org.sejour.domain.model.account.AccountMode;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.interfaces.security.CurrentUser;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Booking tests (Tests de réservation): while the account is in test mode nothing is online,
 * but the owner searches and books here through the real engine, exactly as a guest will, the
 * dossiers marked TEST; they are listed and deleted in one go. Step 2: ask for production.
 */
@Named
@ViewScoped
public class BookingTests implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "search";

    @Inject
    CurrentUser currentUser;
    @EJB
    AvailabilityService availability;
    @EJB
    BookingTestService tests;
    @EJB
    AccountService accounts;

    private LocalDate arrival = BusinessCalendar.today(Clock.systemUTC()).plusDays(30);
    private Integer nights = 7;
    private List<SearchHit> hits;
    private List<TestBooking> bookings;
    private Account account;

    public void load() {
        account = accounts.account(currentUser.accountId());
        bookings = tests.list(currentUser.accountId());
    }

    public void search() {
        if (arrival == null) {
            Faces.error(FORM + ":arrival", "bookingTests.arrival.required");
            return;
        }
        try {
            hits = availability.search(currentUser.accountId(), arrival, nights == null ? 0 : nights);
        } catch (InvalidInputException e) {
            Faces.show(FORM, e);
        }
    }

    public void deleteAll() {
        int deleted = tests.deleteAll(currentUser.accountId());
        bookings = tests.list(currentUser.accountId());
        Faces.info("bookingTests.deleted", deleted);
    }

    public void requestProduction() {
        account = accounts.requestProduction(currentUser.accountId());
        Faces.info("bookingTests.productionRequested");
    }

    public String money(org.sejour.domain.model.shared.Money amount) {
        return Formats.money(amount, Formats.viewLocale());
    }

    public String date(LocalDate day) {
        return Formats.date(day, Formats.viewLocale());
    }

    public boolean isInProduction() { return account != null && account.mode() == AccountMode.PRODUCTION; }
    public boolean isProductionRequested() { return account != null && account.productionRequestedAt().isPresent(); }
    public int getAccountNumber() { return account == null ? 0 : account.number(); }
    public List<SearchHit> getHits() { return hits; }
    public List<TestBooking> getBookings() { return bookings; }
    public LocalDate getArrival() { return arrival; }
    public void setArrival(LocalDate arrival) { this.arrival = arrival; }
    public Integer getNights() { return nights; }
    public void setNights(Integer nights) { this.nights = nights; }
}
