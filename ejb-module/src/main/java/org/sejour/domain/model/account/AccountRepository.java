package org.sejour.domain.model.account;

import java.util.List;
import java.util.Optional;

public interface AccountRepository {

    /** The next free account number (100001, 100002…), taken from a database sequence. */
    int nextAccountNumber();

    Account store(Account account);

    Optional<Account> find(long accountId);

    /**
     * Locks the account's row until the transaction ends, so that what is set up once per
     * account (its default age ranges) is set up once when several requests come at once.
     * False when there is no such account.
     */
    boolean lock(long accountId);

    List<Account> all();

    /** The account with that public number (what guests' addresses carry). */
    Optional<Account> findByNumber(int accountNumber);

    /** The account's mode and versions, by its public number, in one cheap statement. */
    Optional<AccountState> stateByNumber(int accountNumber);
}
