package org.sejour.application.document;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import org.sejour.application.access.Requires;
import org.sejour.domain.model.account.Permission;
import org.sejour.domain.model.document.ContractSettings;
import org.sejour.domain.model.document.DocumentSettingsRepository;
import org.sejour.domain.model.document.MailSettings;
import org.sejour.domain.model.document.ReceiptSettings;
import org.sejour.infrastructure.storage.ImageProcessor;

/**
 * The owner's contract, mail and receipt settings. Reading never writes: an account that never saved
 * gets the defaults, stored on its first save.
 */
@Stateless
public class DocumentSettingsService {

    @Inject
    DocumentSettingsRepository settings;

    private final ImageProcessor images = new ImageProcessor();

    public ContractSettings contract(long accountId) {
        return settings.findContract(accountId).orElseGet(() -> ContractSettings.defaultsFor(accountId));
    }

    @Requires(Permission.MANAGE_SETTINGS)
    public ContractSettings changeContract(long accountId, @NotNull ContractSettings.Changes changes) {
        ContractSettings contract = settings.findContract(accountId)
                .orElseGet(() -> settings.store(ContractSettings.defaultsFor(accountId)));
        contract.change(changes);
        return contract;
    }

    /** Checks and scales the uploaded logo like a photo (format told from its bytes); null removes it. */
    @Requires(Permission.MANAGE_SETTINGS)
    public void replaceLogo(long accountId, byte[] upload) {
        ContractSettings contract = settings.findContract(accountId)
                .orElseGet(() -> settings.store(ContractSettings.defaultsFor(accountId)));
        contract.replaceLogo(upload == null ? null : images.process(upload).thumbnail());
    }

    public MailSettings mail(long accountId) {
        return settings.findMail(accountId).orElseGet(() -> MailSettings.defaultsFor(accountId));
    }

    @Requires(Permission.MANAGE_SETTINGS)
    public MailSettings changeMail(long accountId, @NotNull MailSettings.Changes changes) {
        MailSettings mail = settings.findMail(accountId)
                .orElseGet(() -> settings.store(MailSettings.defaultsFor(accountId)));
        mail.change(changes);
        return mail;
    }

    public ReceiptSettings receipt(long accountId) {
        return settings.findReceipt(accountId).orElseGet(() -> ReceiptSettings.defaultsFor(accountId));
    }

    /** Applies to receipts issued from now on; the ones already issued keep their mentions. */
    @Requires(Permission.MANAGE_SETTINGS)
    public ReceiptSettings changeReceipt(long accountId, @NotNull ReceiptSettings.Changes changes) {
        ReceiptSettings receipt = settings.findReceipt(accountId)
                .orElseGet(() -> settings.store(ReceiptSettings.defaultsFor(accountId)));
        receipt.change(changes);
        return receipt;
    }
}
