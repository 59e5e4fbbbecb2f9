package org.sejour.application.site;

import java.io.Serializable;

/** The owner as the booking site presents them: the account's number and public contact details. */
public record SiteProfile(long accountId, int accountNumber, String ownerName, String email, String phone,
                          String city, String website) implements Serializable {
}
