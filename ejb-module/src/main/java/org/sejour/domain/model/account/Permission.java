package org.sejour.domain.model.account;

/**
 * What a user may see or do in their account's back office. Pages (PagePermissions in the web
 * module) and services ({@code @Requires} on their methods) name one each; {@link Role} says who has it.
 */
public enum Permission {
    /** Dashboard figures, revenue, tourist-tax figures. */
    VIEW_FIGURES,
    VIEW_PLANNING,
    /** Rates, stock, closures of the planning. */
    CHANGE_PLANNING,
    VIEW_DOSSIERS,
    /** Booking by phone, changing, confirming, cancelling a dossier. */
    CHANGE_DOSSIERS,
    RECORD_PAYMENTS,
    /** The arrivals and departures lists, with the guests' contact. */
    VIEW_MOVEMENTS,
    /** Arrivals and departures per day and unit, with what to prepare: no amounts, no contact. */
    VIEW_CLEANING_LIST,
    /** Exports of dossiers and guest data. */
    EXPORTS,
    /** Receipts and credit notes. */
    RECEIPTS,
    /** Accommodations, sales terms, documents, mails, payments, channels, widgets, account details. */
    MANAGE_SETTINGS,
    MANAGE_STAFF,
    /** The account's change log (audit trail); a dossier's own changes go with {@link #VIEW_DOSSIERS}. */
    VIEW_AUDIT,
    /** Export and erase a guest's data (GDPR), and the account's retention. */
    MANAGE_GUEST_DATA
}
