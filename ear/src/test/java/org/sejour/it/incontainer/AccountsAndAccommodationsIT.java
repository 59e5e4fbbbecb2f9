package org.sejour.it.incontainer;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sejour.application.AccommodationService;
import org.sejour.application.AccountService;
import org.sejour.application.AuthenticationService;
import org.sejour.application.CreatedOwner;
import org.sejour.application.LoginClient;
import org.sejour.application.LoginOutcome;
import org.sejour.application.OperatorService;
import org.sejour.domain.model.accommodation.Accommodation;
import org.sejour.domain.model.accommodation.AccommodationDetails;
import org.sejour.domain.model.accommodation.AccommodationType;
import org.sejour.domain.model.accommodation.Amenity;
import org.sejour.domain.model.accommodation.Classification;
import org.sejour.domain.model.accommodation.Visibility;
import org.sejour.domain.model.account.ContactDetails;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.TranslatedText;
import org.sejour.domain.model.accommodation.PhotoSize;

import javax.imageio.ImageIO;
import javax.sql.DataSource;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The services on Payara against PostgreSQL: tenancy, validation, photos, and what the schema refuses. */
@ExtendWith(ArquillianExtension.class)
public class AccountsAndAccommodationsIT {

    @EJB
    OperatorService operators;
    @EJB
    AccountService accounts;
    @EJB
    AccommodationService accommodations;
    @EJB
    AuthenticationService authentication;
    @Resource(lookup = "jdbc/sejour")
    DataSource dataSource;

    private CreatedOwner newOwner() {
        CreatedOwner owner = operators.createOwner("it-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test");
        accounts.updateContactDetails(owner.accountId(), new ContactDetails(null, "Claude", "Martin",
                owner.login(), "+33 1 02 03 04 05", null, "1 rue de la Paix", "75002", "Paris", "FR", null));
        return owner;
    }

    private static AccommodationDetails gite(String name, int min, int max) {
        return new AccommodationDetails(name, false, AccommodationType.GITE, Classification.THREE_STARS, null,
                "Lieu-dit les Prés", "05000", "Gap", null, 800, min, max, new BigDecimal("75"), 0, null,
                new BigDecimal("500.00"), Visibility.BOOKABLE,
                TranslatedText.of(Map.of(Language.FR, "Gîte au calme", Language.DE, "Ruhiges Ferienhaus")),
                Set.of(Amenity.GARDEN, Amenity.PARKING));
    }

    private static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    private long count(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @Test
    void accountsAreNumberedFrom100001AndReferencesFollow() {
        CreatedOwner a = newOwner();
        CreatedOwner b = newOwner();
        assertTrue(a.accountNumber() >= 100001);
        assertEquals(a.accountNumber() + 1, b.accountNumber());
        Accommodation first = accommodations.create(a.accountId(), gite("Les Lauriers", 2, 6));
        Accommodation second = accommodations.create(a.accountId(), gite("Les Roses", 2, 6));
        assertEquals("OSMB-" + a.accountNumber() + "-1", first.reference());
        assertEquals("OSMB-" + a.accountNumber() + "-2", second.reference());
        Accommodation read = accommodations.get(a.accountId(), first.id());
        assertEquals("Ruhiges Ferienhaus", read.description().in(Language.DE));
        assertEquals("Gîte au calme", read.description().in(Language.NL), "untranslated falls back to French");
        assertEquals(Set.of(Amenity.GARDEN, Amenity.PARKING), read.amenities());
    }

    @Test
    void anotherOwnersAccommodationDoesNotExistForYou() throws IOException {
        CreatedOwner a = newOwner();
        CreatedOwner b = newOwner();
        long id = accommodations.create(a.accountId(), gite("Chez A", 1, 4)).id();
        long photoId = accommodations.addPhoto(a.accountId(), id, png(640, 480), "a.png").id();

        assertThrows(NotFoundException.class, () -> accommodations.get(b.accountId(), id));
        assertThrows(NotFoundException.class, () -> accommodations.update(b.accountId(), id, gite("Volé", 1, 4)));
        assertThrows(NotFoundException.class, () -> accommodations.delete(b.accountId(), id));
        assertThrows(NotFoundException.class, () -> accommodations.addPhoto(b.accountId(), id, png(10, 10), "x.png"));
        assertThrows(NotFoundException.class, () -> accommodations.removePhoto(b.accountId(), id, photoId));
        assertThrows(NotFoundException.class, () -> accommodations.photoFile(b.accountId(), photoId, PhotoSize.LARGE));
        assertTrue(accommodations.list(b.accountId()).isEmpty());
        assertEquals("Chez A", accommodations.get(a.accountId(), id).name(), "A's data is untouched");
        assertEquals(1, accommodations.get(a.accountId(), id).photos().size());
    }

    @Test
    void invalidAccommodationIsRefusedWithItsFieldAndNothingIsWritten() throws SQLException {
        CreatedOwner a = newOwner();
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> accommodations.create(a.accountId(), gite("Trop petit", 5, 2)));
        assertEquals("capacityMax", e.violations().get(0).field());
        assertEquals(0, count("select count(*) from accommodation where account_id = ?", a.accountId()));
        assertEquals(0, count("select last_accommodation_seq from account where id = ?", a.accountId()),
                "the reference counter was not consumed either");
    }

    @Test
    void theSchemaItselfRefusesImpossibleRows() throws SQLException {
        CreatedOwner a = newOwner();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into accommodation (account_id, seq, reference, name, type, classification, address, city, "
                        + "capacity_min, capacity_max) values (?, 99, ?, 'x', 'GITE', 'NON_CLASSE', 'a', 'b', 6, 2)")) {
            s.setLong(1, a.accountId());
            s.setString(2, "T-" + UUID.randomUUID().toString().substring(0, 8));
            SQLException refused = assertThrows(SQLException.class, s::executeUpdate);
            assertEquals("23514", refused.getSQLState(), "check_violation");
        }
    }

    @Test
    void photosAreResizedStoredOrderedAndRemoved() throws IOException, SQLException {
        CreatedOwner a = newOwner();
        long id = accommodations.create(a.accountId(), gite("Photos", 1, 4)).id();
        long big = accommodations.addPhoto(a.accountId(), id, png(3000, 2000), "big.png").id();
        long small = accommodations.addPhoto(a.accountId(), id, png(400, 300), "small.png").id();

        Path bigFile = accommodations.photoFile(a.accountId(), big, PhotoSize.LARGE);
        BufferedImage stored = ImageIO.read(bigFile.toFile());
        assertEquals(1600, stored.getWidth());
        assertEquals(400, ImageIO.read(accommodations.photoFile(a.accountId(), big, PhotoSize.THUMBNAIL)
                .toFile()).getWidth());

        accommodations.movePhoto(a.accountId(), id, small, -1);
        assertEquals(small, accommodations.get(a.accountId(), id).photos().get(0).id());

        accommodations.removePhoto(a.accountId(), id, big);
        assertFalse(Files.exists(bigFile), "the file goes with its row");
        assertEquals(1, count("select count(*) from accommodation_photo where accommodation_id = ?", id));
    }

    @Test
    void badUploadsAreRefusedAndLeaveNothingBehind() throws IOException, SQLException {
        CreatedOwner a = newOwner();
        long id = accommodations.create(a.accountId(), gite("Uploads", 1, 4)).id();
        assertEquals("photo.unsupportedFormat", assertThrows(InvalidInputException.class,
                () -> accommodations.addPhoto(a.accountId(), id, "<html>".getBytes(), "fake.jpg")).messageKey());
        assertEquals("photo.tooLarge", assertThrows(InvalidInputException.class,
                () -> accommodations.addPhoto(a.accountId(), id, new byte[11 * 1024 * 1024], "huge.jpg")).messageKey());
        byte[] claim = png(1, 1);
        // 69 bytes whose header now claims 60,000 x 60,000 pixels: refused from the header, nothing decoded
        java.nio.ByteBuffer.wrap(claim).putInt(16, 60_000).putInt(20, 60_000);
        assertEquals("photo.tooManyPixels", assertThrows(InvalidInputException.class,
                () -> accommodations.addPhoto(a.accountId(), id, claim, "claim.png")).messageKey());
        assertEquals(0, count("select count(*) from accommodation_photo where accommodation_id = ?", id));
        for (int i = 0; i < 20; i++) {
            accommodations.addPhoto(a.accountId(), id, png(20, 20), "p" + i + ".png");
        }
        assertEquals("accommodation.photos.tooMany", assertThrows(InvalidInputException.class,
                () -> accommodations.addPhoto(a.accountId(), id, png(20, 20), "21.png")).messageKey());
        assertEquals(20, count("select count(*) from accommodation_photo where accommodation_id = ?", id));
    }

    @Test
    void loginIsThrottledAfterFiveFailuresExceptOnTheOwnersOwnDevice() {
        CreatedOwner a = newOwner();
        CreatedOwner b = newOwner();
        LoginClient owners = new LoginClient("192.0.2.11", null);
        LoginOutcome ok = authentication.login(a.login(), a.initialPassword(), owners);
        assertTrue(ok.user().isPresent());
        assertTrue(ok.user().get().mustChangePassword(), "a one-time password must be changed");
        String deviceCookie = ok.device().orElseThrow().cookie();
        String otherUsersCookie = authentication.login(b.login(), b.initialPassword(), owners).device().orElseThrow()
                .cookie();

        LoginClient attacker = new LoginClient("198.51.100.12", null);
        for (int i = 0; i < 5; i++) {
            LoginOutcome wrong = authentication.login(a.login(), "wrong password " + i, attacker);
            assertTrue(wrong.user().isEmpty());
            assertFalse(wrong.isThrottled(), "attempt " + i);
        }
        LoginOutcome blocked = authentication.login(a.login(), a.initialPassword(), owners);
        assertTrue(blocked.isThrottled());
        assertTrue(blocked.user().isEmpty(), "even the right password waits, from a client never seen");
        assertTrue(authentication.login(a.login(), a.initialPassword(), new LoginClient("192.0.2.11", otherUsersCookie))
                .isThrottled(), "another user's device cookie is no trust for this login");
        int at = deviceCookie.length() - 10;
        String forged = deviceCookie.substring(0, at) + (deviceCookie.charAt(at) == 'A' ? 'B' : 'A')
                + deviceCookie.substring(at + 1);
        assertTrue(authentication.login(a.login(), a.initialPassword(), new LoginClient("192.0.2.11", forged))
                .isThrottled(), "a forged cookie");

        LoginOutcome onOwnDevice = authentication.login(a.login(), a.initialPassword(),
                new LoginClient("198.51.100.12", deviceCookie));
        assertEquals(a.login(), onOwnDevice.user().orElseThrow().login(),
                "the owner's own browser gets in, even from the attacker's address");
    }

    @Test
    void credentialsChangeChecksTheCurrentPasswordAndTheLogin() {
        CreatedOwner a = newOwner();
        CreatedOwner b = newOwner();
        LoginClient client = new LoginClient("192.0.2.12", null);
        long userId = authentication.login(a.login(), a.initialPassword(), client).user().orElseThrow().userId();
        InvalidInputException wrong = assertThrows(InvalidInputException.class,
                () -> authentication.changeCredentials(userId, "not it", a.login(), "a new long password"));
        assertEquals("currentPassword", wrong.violations().get(0).field());
        InvalidInputException taken = assertThrows(InvalidInputException.class,
                () -> authentication.changeCredentials(userId, a.initialPassword(), b.login(), "a new long password"));
        assertEquals("credentials.login.taken", taken.violations().get(0).messageKey());
        assertEquals("credentials.password.tooShort", assertThrows(InvalidInputException.class,
                () -> authentication.changeCredentials(userId, a.initialPassword(), a.login(), "short"))
                .violations().get(0).messageKey());
        authentication.changeCredentials(userId, a.initialPassword(), a.login(), "a new long password");
        assertTrue(authentication.login(a.login(), "a new long password", client).user().isPresent());
        assertFalse(authentication.login(a.login(), "a new long password", client).user().get().mustChangePassword());
    }
}
