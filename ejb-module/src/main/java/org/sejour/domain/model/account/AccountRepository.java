package org.sejour.domain.model.account;

import java.util.List;
import java.util.Optional;

public interface AccountRepository {

    /** The next free account number (100001, 100002…), taken from a database sequence. */
    int nextAccountNumber();

    Account store(Account account);

    Optional<Account> find(long accountId);

    List<Account> all();

    /** The account known to guests by its number (100063). */
    Optional<Account> findByNumber(int number);
}
