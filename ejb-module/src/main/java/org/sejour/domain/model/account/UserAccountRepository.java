package org.sejour.domain.model.account;

import java.util.List;
import java.util.Optional;

public interface UserAccountRepository {

    UserAccount store(UserAccount user);

    Optional<UserAccount> find(long userId);

    Optional<UserAccount> findByLogin(String login);

    List<UserAccount> ownersOf(long accountId);
}
