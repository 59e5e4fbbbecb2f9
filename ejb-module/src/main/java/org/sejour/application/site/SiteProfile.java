package org.sejour.application.site;

import java.io.Serializable;

/**
 * The owner as the booking site presents them: the account's number and public contact details,
 * and whether a guest may book several accommodations at once ({@code severalStays}).
 */
public record SiteProfile(long accountId, int accountNumber, String ownerName, String email, String phone,
                          String city, String website, boolean severalStays) implements Serializable {
}
