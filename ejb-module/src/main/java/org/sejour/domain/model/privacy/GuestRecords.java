package org.sejour.domain.model.privacy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything Séjour holds about one guest of one owner, as rows of the tables that hold it
 * (docs/privacy.md lists them), and the statements that anonymise it. The guest is a set of
 * dossiers of one account: {@link #dossiersOfGuest}.
 */
public interface GuestRecords {

    /** One table's rows about the guest, each column by name (binary documents by their size only). */
    record Table(String name, List<Map<String, Object>> rows) {
        public Table {
            rows = List.copyOf(rows);
        }
    }

    /**
     * The dossiers of the guest of {@code dossierId}, in id order: the account's dossiers with the
     * same e-mail, compared case-insensitively, or that dossier alone when it has no e-mail. Empty
     * when the dossier is not the account's.
     */
    List<Long> dossiersOfGuest(long accountId, long dossierId);

    /** The numbers of these dossiers of the account, in id order. */
    List<Integer> numbers(long accountId, List<Long> dossierIds);

    /** The account a dossier belongs to. */
    Optional<Long> accountOf(long dossierId);

    /** The rows about the guest of these dossiers, table by table, dossiers first. */
    List<Table> rowsOf(long accountId, List<Long> dossierIds);

    /**
     * Anonymises the guest of these dossiers of the account in the caller's transaction and answers
     * how many dossiers it changed; dossiers already anonymised are left alone. The guest's name
     * becomes the pseudonym on the dossiers and on the receipts and credit notes, which keep their
     * numbers, dates, lines and amounts. Each dossier gets a new guest link made of {@code newGuestToken}.
     */
    int anonymise(long accountId, List<Long> dossierIds, String firstName, String lastName, LocalDate today,
                  String newGuestToken);

    /** The account's retention in years, empty: never. */
    Optional<Integer> retentionYears(long accountId);

    void changeRetentionYears(long accountId, Integer years);

    /**
     * Dossiers above {@code afterId}, in id order, whose guest is due for anonymisation on
     * {@code today}: not anonymised yet, in an account with a retention, and no dossier of the same
     * guest (same e-mail) departing on or after {@code today} minus the retention
     * (a future stay keeps the guest).
     */
    List<Long> dueForRetention(Long accountId, LocalDate today, long afterId, int size);
}
