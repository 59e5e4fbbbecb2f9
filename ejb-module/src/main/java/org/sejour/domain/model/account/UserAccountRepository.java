package org.sejour.domain.model.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface UserAccountRepository {

    UserAccount store(UserAccount user);

    Optional<UserAccount> find(long userId);

    Optional<UserAccount> findByLogin(String login);

    /**
     * Notes a sign-in, in a statement of its own that leaves the row's version alone: two
     * sign-ins of one user at the same moment (two devices, a double click) must both get in,
     * not collide on the version as two edits of the user would.
     */
    void recordLogin(long userId, Instant when);

    /** Puts a stronger hash of the same password in place of {@code oldHash}; nothing if the password changed meanwhile. */
    void upgradePasswordHash(long userId, String oldHash, String newHash);

    /** Every user of the account: its owner and staff. */
    List<UserAccount> ownersOf(long accountId);

    void remove(UserAccount user);
}
