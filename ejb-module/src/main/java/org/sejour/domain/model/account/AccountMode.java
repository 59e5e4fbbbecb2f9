package org.sejour.domain.model.account;

/** A new account is in test mode; an operator moves it to production. */
public enum AccountMode {
    TEST, PRODUCTION
}
