package org.sejour.domain.model.document;

import java.util.Optional;

/** The contract and mail settings of an account. */
public interface DocumentSettingsRepository {

    Optional<ContractSettings> findContract(long accountId);

    ContractSettings store(ContractSettings settings);

    Optional<MailSettings> findMail(long accountId);

    MailSettings store(MailSettings settings);

    Optional<ReceiptSettings> findReceipt(long accountId);

    ReceiptSettings store(ReceiptSettings settings);
}
