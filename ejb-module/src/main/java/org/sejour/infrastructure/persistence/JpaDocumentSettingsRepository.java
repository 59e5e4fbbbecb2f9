package org.sejour.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sejour.domain.model.document.ContractSettings;
import org.sejour.domain.model.document.DocumentSettingsRepository;
import org.sejour.domain.model.document.MailSettings;
import org.sejour.domain.model.document.ReceiptSettings;

import java.util.Optional;

@ApplicationScoped
public class JpaDocumentSettingsRepository implements DocumentSettingsRepository {

    @PersistenceContext(unitName = "sejour")
    private EntityManager em;

    @Override
    public Optional<ContractSettings> findContract(long accountId) {
        return Optional.ofNullable(em.find(ContractSettings.class, accountId));
    }

    @Override
    public ContractSettings store(ContractSettings settings) {
        if (!em.contains(settings)) {
            em.persist(settings);
        }
        return settings;
    }

    @Override
    public Optional<MailSettings> findMail(long accountId) {
        return Optional.ofNullable(em.find(MailSettings.class, accountId));
    }

    @Override
    public MailSettings store(MailSettings settings) {
        if (!em.contains(settings)) {
            em.persist(settings);
        }
        return settings;
    }

    @Override
    public Optional<ReceiptSettings> findReceipt(long accountId) {
        return Optional.ofNullable(em.find(ReceiptSettings.class, accountId));
    }

    @Override
    public ReceiptSettings store(ReceiptSettings settings) {
        if (!em.contains(settings)) {
            em.persist(settings);
        }
        return settings;
    }
}
