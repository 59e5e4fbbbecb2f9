package org.sejour.infrastructure.storage;

import org.sejour.domain.model.accommodation.PhotoSize;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Photo files on disk, under {@code sejour.storage.dir}/photos/&lt;account&gt;/. The database
 * holds which photo belongs where; these files are the bytes, and must be in the backups.
 */
@ApplicationScoped
public class PhotoStore {

    private static final Logger LOG = Logger.getLogger(PhotoStore.class.getName());
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{32}");

    @Inject
    @ConfigProperty(name = "sejour.storage.dir", defaultValue = "var/storage")
    String storageDir;

    private Path root;

    @PostConstruct
    void init() {
        root = Path.of(storageDir).toAbsolutePath().resolve("photos");
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the photo store " + root, e);
        }
        LOG.log(Level.INFO, "Photo store at {0}", root);
    }

    /** Writes both sizes and returns the new key; each file appears whole or not at all. */
    public String write(long accountId, byte[] large, byte[] thumbnail) {
        String key = UUID.randomUUID().toString().replace("-", "");
        writeAtomically(path(accountId, key, PhotoSize.LARGE), large);
        writeAtomically(path(accountId, key, PhotoSize.THUMBNAIL), thumbnail);
        return key;
    }

    public Path path(long accountId, String key, PhotoSize size) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a photo key: " + key);
        }
        return root.resolve(Long.toString(accountId)).resolve(key + (size == PhotoSize.THUMBNAIL ? "_thumb" : "") + ".jpg");
    }

    /** A large photo file on disk, named by its account and key. */
    public record StoredFile(long accountId, String key, java.time.Instant modified) implements java.io.Serializable {
    }

    /** Every large photo file in the store, in a stable order (for the housekeeping job). */
    public java.util.List<StoredFile> list() {
        try (java.util.stream.Stream<Path> files = Files.walk(root, 2)) {
            return files.filter(Files::isRegularFile)
                    .map(this::toStoredFile)
                    .flatMap(java.util.Optional::stream)
                    .sorted(java.util.Comparator.comparing(StoredFile::accountId).thenComparing(StoredFile::key))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the photo store", e);
        }
    }

    private java.util.Optional<StoredFile> toStoredFile(Path file) {
        String name = file.getFileName().toString();
        String account = file.getParent().getFileName().toString();
        if (!name.endsWith(".jpg") || name.endsWith("_thumb.jpg") || !account.matches("\\d{1,18}")) {
            return java.util.Optional.empty();
        }
        String key = name.substring(0, name.length() - 4);
        if (!KEY.matcher(key).matches()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(new StoredFile(Long.parseLong(account), key,
                    Files.getLastModifiedTime(file).toInstant()));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    public void delete(long accountId, String key) {
        for (PhotoSize size : PhotoSize.values()) {
            try {
                Files.deleteIfExists(path(accountId, key, size));
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Could not delete photo file " + key, e);
            }
        }
    }

    private static void writeAtomically(Path target, byte[] bytes) {
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), "upload", ".tmp");
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write photo " + target, e);
        }
    }
}
