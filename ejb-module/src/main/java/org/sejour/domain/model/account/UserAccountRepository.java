package org.sejour.domain.model.account;

import java.util.List;
import java.util.Optional;

public interface UserAccountRepository {

    UserAccount store(UserAccount user);

    Optional<UserAccount> find(long userId);

    Optional<UserAccount> findByLogin(String login);

    /** Every user of the account: its owner and staff. */
    List<UserAccount> ownersOf(long accountId);

    void remove(UserAccount user);
}
