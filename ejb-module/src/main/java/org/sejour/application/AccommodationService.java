package org.sejour.application;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.validation.constraints.NotNull;
import org.sejour.application.access.Requires;
import org.sejour.domain.model.accommodation.Accommodation;
import org.sejour.domain.model.accommodation.AccommodationDetails;
import org.sejour.domain.model.accommodation.AccommodationPhoto;
import org.sejour.domain.model.accommodation.AccommodationRepository;
import org.sejour.domain.model.accommodation.StoredImage;
import org.sejour.domain.model.account.Account;
import org.sejour.domain.model.account.AccountRepository;
import org.sejour.domain.model.account.Permission;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.TranslatedText;
import org.sejour.infrastructure.storage.ImageProcessor;
import org.sejour.infrastructure.storage.ImageProcessor.ProcessedImage;
import org.sejour.domain.model.accommodation.PhotoSize;
import org.sejour.infrastructure.storage.PhotoStore;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An owner's accommodations and their photos. Every method takes the owner's account id
 * and treats another owner's accommodation exactly like one that does not exist.
 */
@Stateless
public class AccommodationService {

    private static final Logger LOG = Logger.getLogger(AccommodationService.class.getName());

    @Inject
    AccommodationRepository accommodations;
    @Inject
    AccountRepository accounts;
    @Inject
    PhotoStore photoStore;
    @Resource
    TransactionSynchronizationRegistry transactions;

    private final ImageProcessor images = new ImageProcessor();

    public List<Accommodation> list(long accountId) {
        return accommodations.ofAccount(accountId);
    }

    public Accommodation get(long accountId, long accommodationId) {
        return accommodations.find(accountId, accommodationId)
                .orElseThrow(() -> new NotFoundException("accommodation", accommodationId));
    }

    @Requires(Permission.MANAGE_SETTINGS)
    public Accommodation create(long accountId, @NotNull AccommodationDetails details) {
        Account account = accounts.find(accountId).orElseThrow(() -> new NotFoundException("account", accountId));
        Accommodation created = accommodations.store(new Accommodation(account, details, Instant.now()));
        LOG.log(Level.INFO, "Accommodation {0} created", created.reference());
        return created;
    }

    @Requires(Permission.MANAGE_SETTINGS)
    public Accommodation update(long accountId, long accommodationId, @NotNull AccommodationDetails details) {
        Accommodation accommodation = get(accountId, accommodationId);
        accommodation.describe(details);
        return accommodation;
    }

    /** Replaces how guests get in (sent only to guests with a booking, by the owner's messages). */
    @Requires(Permission.MANAGE_SETTINGS)
    public Accommodation giveAccess(long accountId, long accommodationId, @NotNull TranslatedText instructions) {
        Accommodation accommodation = get(accountId, accommodationId);
        accommodation.giveAccess(instructions);
        return accommodation;
    }

    /**
     * Deletes an accommodation and its photos. Once dossiers exist (booking engine) this
     * refuses accommodations that have any.
     */
    @Requires(Permission.MANAGE_SETTINGS)
    public void delete(long accountId, long accommodationId) {
        Accommodation accommodation = get(accountId, accommodationId);
        List<String> keys = accommodation.photos().stream().map(AccommodationPhoto::storageKey).toList();
        accommodations.remove(accommodation);
        afterCommit(() -> keys.forEach(key -> photoStore.delete(accountId, key)));
    }

    /** Checks, resizes and stores an uploaded image, then adds it after the others. */
    @Requires(Permission.MANAGE_SETTINGS)
    public AccommodationPhoto addPhoto(long accountId, long accommodationId, @NotNull byte[] upload,
                                       String originalName) {
        Accommodation accommodation = get(accountId, accommodationId);
        if (accommodation.photos().size() >= Accommodation.MAX_PHOTOS) {
            throw new InvalidInputException("photos", "accommodation.photos.tooMany");
        }
        ProcessedImage image = images.process(upload);
        String key = photoStore.write(accountId, image.large(), image.thumbnail());
        afterRollback(() -> photoStore.delete(accountId, key));
        AccommodationPhoto photo = accommodation.addPhoto(
                new StoredImage(key, image.width(), image.height(), image.large().length), originalName, Instant.now());
        return accommodations.storePhoto(photo);
    }

    @Requires(Permission.MANAGE_SETTINGS)
    public void removePhoto(long accountId, long accommodationId, long photoId) {
        Accommodation accommodation = get(accountId, accommodationId);
        AccommodationPhoto removed = accommodation.removePhoto(photoId);
        afterCommit(() -> photoStore.delete(accountId, removed.storageKey()));
    }

    @Requires(Permission.MANAGE_SETTINGS)
    public void movePhoto(long accountId, long accommodationId, long photoId, int offset) {
        get(accountId, accommodationId).movePhoto(photoId, offset);
    }

    /** The file of a photo of this owner's, for the back office to serve. */
    public Path photoFile(long accountId, long photoId, PhotoSize size) {
        AccommodationPhoto photo = accommodations.findPhoto(accountId, photoId)
                .orElseThrow(() -> new NotFoundException("photo", photoId));
        return photoStore.path(accountId, photo.storageKey(), size);
    }

    private void afterCommit(Runnable action) {
        onCompletion(action, Status.STATUS_COMMITTED);
    }

    private void afterRollback(Runnable action) {
        onCompletion(action, Status.STATUS_ROLLEDBACK);
    }

    // files are not transactional: touch them only once the database outcome is known
    private void onCompletion(Runnable action, int wantedStatus) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing before the outcome is known
            }

            @Override
            public void afterCompletion(int status) {
                if (status == wantedStatus) {
                    action.run();
                }
            }
        });
    }
}
