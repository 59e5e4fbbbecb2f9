package org.sejour.it.browser;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.sejour.it.FixtureHttp;
import org.sejour.it.TestSettings;
import org.sejour.it.TestSmtp;
import org.sejour.it.browser.LoopbackClient.Response;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Staff accounts (issue 19 part 1), from outside: the invitation mail's one-time link, each staff
 * role against every back-office page of the page walk by URL, refused actions (a crafted post, a
 * button of a page the role may read) that change nothing in the database, sessions that end when
 * the owner removes a member or changes their role or the member signs out everywhere, and another
 * owner's member that stays not found.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class StaffIT {

    private static final String REFUSED = "Votre rôle ne permet pas cette action : rien n'a été modifié.";
    private static final Pattern LINK = Pattern.compile("(?:https?://\\S+?)?(/invitation\\.xhtml\\?token=[A-Za-z0-9_-]+)");

    /** The pages (by the page walk's addresses) each staff role may open; every other one is refused with 403. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "RECEPTION", Set.of("app/planning.xhtml", "app/rate.xhtml", "app/new-bookings.xhtml", "app/arrivals.xhtml",
                    "app/departures.xhtml", "app/dossiers.xhtml", "app/dossier.xhtml", "app/dossier-change.xhtml",
                    "app/phone-booking.xhtml", "app/cleaning.xhtml", "app/account/credentials.xhtml"),
            "HOUSEKEEPING", Set.of("app/cleaning.xhtml", "app/account/credentials.xhtml"),
            "ACCOUNTANT", Set.of("app/dashboard.xhtml", "app/tourist-tax.xhtml", "app/reports.xhtml", "app/new-bookings.xhtml",
                    "app/dossiers.xhtml", "app/dossier.xhtml", "app/account/credentials.xhtml"));

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @Test
    void anInvitedHousekeeperSeesOnlyTheCleaningListAndTheLinkWorksOnce() throws Exception {
        String password = "Pw-" + UUID.randomUUID();
        Properties season = owner("invite", password);
        Properties arrival = FixtureHttp.post("sejour-tests/fixtures/staff", "action=arrival&account="
                + season.getProperty("account") + "&accommodation=" + season.getProperty("lauriers"));
        String email = "menage-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        String late = "tard-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        GreenMail smtp = TestSmtp.start(TestSettings.smtpPort());
        try {
            Browser owner = browsers.open("owner");
            owner.submitLogin(season.getProperty("login"), password);
            owner.waitForPath("/app/");
            invite(owner, email, "Ménage");
            invite(owner, late, "Accueil");
            assertTrue(owner.textOf(By.id("invitations")).contains(email), owner.textOf(By.id("invitations")));

            String link = link(smtp, email);
            String lateLink = link(smtp, late);
            assertEquals(0, count("select count(*) from staff_invitation where token_hash = ? or token_hash = ?",
                    link.substring(link.indexOf('=') + 1), lateLink.substring(lateLink.indexOf('=') + 1)),
                    "the database keeps the token's hash, never the token");

            Browser housekeeper = browsers.open("housekeeper");
            housekeeper.open(link.substring(1));
            housekeeper.type("invitation:password", "Menage-password-1");
            housekeeper.type("invitation:confirmation", "Menage-password-1");
            housekeeper.clickAndWaitForReload("invitation:accept");
            assertTrue(housekeeper.textOf(By.id("invitation:done")).contains("Votre accès est prêt"),
                    housekeeper.bodyText());
            housekeeper.open(link.substring(1));
            assertTrue(housekeeper.textOf(By.id("invitation:closed")).contains("déjà servi ou a expiré"),
                    "a used link is refused: " + housekeeper.bodyText());
            assertTrue(housekeeper.driver.findElements(By.id("invitation:password")).isEmpty(), "nothing to fill in");
            assertEquals(1, count("select count(*) from app_user where login = ? and role = 'HOUSEKEEPING'", email));

            update("update staff_invitation set expires_at = now() - interval '1 minute' where email = ?", late);
            Browser latecomer = browsers.open("latecomer");
            latecomer.open(lateLink.substring(1));
            assertTrue(latecomer.textOf(By.id("invitation:closed")).contains("déjà servi ou a expiré"),
                    "an expired link is refused: " + latecomer.bodyText());
            assertEquals(0, count("select count(*) from app_user where login = ?", late));

            housekeeper.submitLogin(email, "Menage-password-1");
            housekeeper.waitForPath("/app/cleaning.xhtml");
            List<String> menu = housekeeper.driver.findElements(By.cssSelector("nav.sidebar a")).stream()
                    .map(WebElement::getText).map(String::strip).toList();
            assertEquals(List.of("Ménage", "Identifiants de connexion"), menu, "the housekeeper's menu");
            assertTrue(housekeeper.driver.findElements(By.id("headerSearch")).isEmpty(), "no dossier search");
            String list = housekeeper.textOf(By.id("cleaning"));
            assertTrue(list.contains("Gîte les Lauriers") && list.contains(arrival.getProperty("number"))
                    && list.contains("Arrivée"), list);
            assertFalse(list.contains("€") || list.contains("@") || list.contains("+33") || list.contains("Bernard"),
                    "no amount, no contact: " + list);
            housekeeper.screenshot(TestSettings.artifacts().resolve(Path.of("staff", "cleaning-list.png")));
            owner.open("app/account/staff.xhtml");
            assertTrue(owner.textOf(By.id("memberList")).contains(email), owner.textOf(By.id("memberList")));
            owner.screenshot(TestSettings.artifacts().resolve(Path.of("staff", "staff-page.png")));
        } finally {
            smtp.stop();
        }
    }

    @Test
    void eachRoleOpensItsPagesByUrlAndGets403ForTheOthers() {
        String password = "Pw-" + UUID.randomUUID();
        Properties season = season("matrix", password);
        List<PageWalkIT.Visit> pages = PageWalkIT.visits(season).stream()
                .filter(v -> v.role() == PageWalkIT.Role.OWNER && v.page().startsWith("app/")).toList();
        assertTrue(pages.size() > 30, "the walk's back-office pages: " + pages.size());
        List<String> wrong = new ArrayList<>();
        int address = 40;
        for (String role : ALLOWED.keySet()) {
            Properties member = member(season, role, password);
            LoopbackClient client = new LoopbackClient("127.0.0." + address++);
            assertEquals(302, client.login(member.getProperty("login"), password).status(), role + " signs in");
            for (PageWalkIT.Visit page : pages) {
                Response answer = client.get("/" + page.address());
                boolean allowed = ALLOWED.get(role).contains(page.page());
                boolean shown = answer.status() == 200 && !answer.body().contains("id=\"error-title\"");
                boolean forbidden = answer.status() == 403
                        && answer.body().contains("Cette page ne vous est pas accessible.");
                if (allowed ? !shown : !forbidden) {
                    wrong.add(role + " " + page.address() + ": " + answer.status());
                }
            }
            // the files behind the pages follow the same rules: an export is the accountant's
            int export = client.get("/app/exports/1").status();
            if (role.equals("ACCOUNTANT") ? export == 403 : export != 403) {
                wrong.add(role + " app/exports/1: " + export);
            }
            if (client.get("/operator/owners.xhtml").status() != 403) {
                wrong.add(role + " operator/owners.xhtml is not refused");
            }
        }
        assertEquals(List.of(), wrong, "pages answered otherwise than the role allows");
    }

    @Test
    void refusedActionsSaySoAndChangeNothing() throws Exception {
        String password = "Pw-" + UUID.randomUUID();
        Properties season = season("refused", password);
        String option = season.getProperty("option");
        String rate = season.getProperty("rate");
        String priceBefore = text("select price::text from rate where id = ?", Long.parseLong(rate));
        String mailSettingsBefore = text("select coalesce(string_agg(m::text, '|'), '') from mail_settings m "
                + "where account_id = ?", Long.parseLong(season.getProperty("account")));

        // the accountant may read the dossier, not confirm it: the service refuses, the page says so
        Properties accountant = member(season, "ACCOUNTANT", password);
        Browser browser = browsers.open("accountant");
        browser.submitLogin(accountant.getProperty("login"), password);
        browser.waitForPath("/app/dashboard.xhtml");
        browser.open("app/dossier.xhtml?id=" + option);
        browser.click("actions:confirm");
        browser.until(d -> d.findElements(By.cssSelector(".ui-confirmdialog-yes")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null), "the confirmation question").click();
        browser.until(d -> browser.textOf(By.id("actions:messages")).contains(REFUSED) ? true : null,
                "the refusal, said on the page");
        assertEquals("OPTION", text("select status from dossier where id = ?", Long.parseLong(option)));
        assertTrue(browser.textOf(By.id("status")).contains("Option"), browser.textOf(By.id("status")));
        browser.open("app/dossiers.xhtml");
        assertFalse(browser.driver.findElements(By.id("search:export")).isEmpty(), "exports are the accountant's");

        // crafted posts to pages the role may not open: refused before Faces reads them
        Properties housekeeper = member(season, "HOUSEKEEPING", password);
        LoopbackClient crafted = new LoopbackClient("127.0.0.50");
        assertEquals(302, crafted.login(housekeeper.getProperty("login"), password).status());
        Map<String, String> confirm = new LinkedHashMap<>();
        confirm.put("actions", "actions");
        confirm.put("actions:confirm", "actions:confirm");
        confirm.put("jakarta.faces.ViewState", "-1:-1");
        assertEquals(403, crafted.post("/app/dossier.xhtml?id=" + option, confirm, Map.of()).status());
        Map<String, String> reprice = new LinkedHashMap<>();
        reprice.put("rate", "rate");
        reprice.put("rate:price", "1.00");
        reprice.put("rate:save", "rate:save");
        reprice.put("jakarta.faces.ViewState", "-1:-1");
        assertEquals(403, crafted.post("/app/rate.xhtml?id=" + rate, reprice, Map.of()).status());

        Properties reception = member(season, "RECEPTION", password);
        LoopbackClient desk = new LoopbackClient("127.0.0.51");
        assertEquals(302, desk.login(reception.getProperty("login"), password).status());
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("mails", "mails");
        settings.put("mails:replyTo", "attacker@example.test");
        settings.put("mails:save", "mails:save");
        settings.put("jakarta.faces.ViewState", "-1:-1");
        assertEquals(403, desk.post("/app/settings/mails.xhtml", settings, Map.of()).status());
        // no exports of guest data for reception: the pages it may open offer none
        Response arrivals = desk.get("/app/arrivals.xhtml");
        Response search = desk.get("/app/dossiers.xhtml");
        assertEquals(200, arrivals.status());
        assertFalse(arrivals.body().contains("id=\"movements:export\"") || search.body().contains("id=\"search:export\""),
                "an export button for reception");
        assertTrue(arrivals.body().contains("id=\"movements:show\""), "the arrivals' form is there");
        assertEquals(403, desk.post("/app/account/staff.xhtml", Map.of("invite", "invite", "invite:email",
                "intrus@example.test", "invite:send", "invite:send", "jakarta.faces.ViewState", "-1:-1"), Map.of())
                .status());

        assertEquals("OPTION", text("select status from dossier where id = ?", Long.parseLong(option)));
        assertEquals(priceBefore, text("select price::text from rate where id = ?", Long.parseLong(rate)));
        assertEquals(mailSettingsBefore, text("select coalesce(string_agg(m::text, '|'), '') from mail_settings m "
                + "where account_id = ?", Long.parseLong(season.getProperty("account"))));
        assertEquals(0, count("select count(*) from staff_invitation where email = ?", "intrus@example.test"));
    }

    @Test
    void removingChangingAndSigningOutEverywhereEndOpenSessions() throws Exception {
        String password = "Pw-" + UUID.randomUUID();
        Properties season = owner("sessions", password);
        Browser owner = browsers.open("owner");
        owner.submitLogin(season.getProperty("login"), password);
        owner.waitForPath("/app/");

        // removed: the member's open session ends at its next request, and the login is gone
        Properties removed = member(season, "RECEPTION", password);
        Browser member = signedIn("removed", removed, password, "/app/planning.xhtml");
        owner.open("app/account/staff.xhtml");
        clickInRowOf(owner, removed.getProperty("login"), "remove");
        owner.until(d -> d.findElements(By.cssSelector(".ui-confirmdialog-yes")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null), "the confirmation question").click();
        owner.until(d -> owner.bodyText().contains("Membre retiré") ? true : null, "the removal said");
        member.open("app/planning.xhtml");
        member.waitForPath("/login.xhtml");
        assertTrue(member.driver.getCurrentUrl().contains("ended=true"), member.driver.getCurrentUrl());
        assertEquals(0, count("select count(*) from app_user where login = ?", removed.getProperty("login")));
        member.submitLogin(removed.getProperty("login"), password);
        assertTrue(member.loginMessage().contains("incorrect"), "a removed member cannot sign in");

        // another role: the session opened under the old one ends too
        Properties moved = member(season, "RECEPTION", password);
        Browser desk = signedIn("moved", moved, password, "/app/planning.xhtml");
        owner.open("app/account/staff.xhtml");
        String row = rowId(owner, moved.getProperty("login"));
        new Select(owner.driver.findElement(By.id(row + ":role"))).selectByVisibleText("Ménage");
        owner.click(row + ":changeRole");
        owner.until(d -> owner.bodyText().contains("Rôle modifié") ? true : null, "the change said");
        assertEquals("HOUSEKEEPING", text("select role from app_user where login = ?", moved.getProperty("login")));
        desk.open("app/planning.xhtml");
        desk.waitForPath("/login.xhtml");
        desk.submitLogin(moved.getProperty("login"), password);
        desk.waitForPath("/app/cleaning.xhtml");

        // "sign out everywhere": both of the member's browsers are out
        Properties twice = member(season, "ACCOUNTANT", password);
        // the two browsers already open, the first at the login page, the second signed out first
        Browser first = member;
        first.submitLogin(twice.getProperty("login"), password);
        first.waitForPath("/app/dashboard.xhtml");
        Browser second = desk;
        second.logout();
        second.submitLogin(twice.getProperty("login"), password);
        second.waitForPath("/app/dashboard.xhtml");
        first.open("app/account/credentials.xhtml");
        first.clickAndWaitForReload("sessions:signOutEverywhere");
        first.waitForPath("/login.xhtml");
        second.open("app/dossiers.xhtml");
        second.waitForPath("/login.xhtml");
        assertTrue(second.bodyText().contains("Votre session a été fermée"), second.bodyText());
    }

    @Test
    void anotherOwnersMemberIsNotFound() throws Exception {
        String password = "Pw-" + UUID.randomUUID();
        Properties season = owner("mine", password);
        Properties other = owner("other", password);
        Properties theirs = FixtureHttp.post("sejour-tests/fixtures/staff", "action=member&account="
                + other.getProperty("account") + "&role=RECEPTION&password=" + password);
        Properties answer = FixtureHttp.post("sejour-tests/fixtures/staff", "action=remove&account="
                + season.getProperty("account") + "&user=" + theirs.getProperty("user"));
        assertEquals("NotFoundException", answer.getProperty("outcome"));
        assertEquals(1, count("select count(*) from app_user where id = ?", Long.parseLong(theirs.getProperty("user"))));
        // and the owner's staff page lists only their own
        Browser owner = browsers.open();
        owner.submitLogin(season.getProperty("login"), password);
        owner.waitForPath("/app/");
        owner.open("app/account/staff.xhtml");
        assertFalse(owner.bodyText().contains(theirs.getProperty("login")), owner.bodyText());
    }

    @Test
    void aStaffLoginIsThrottledAsAnOwnersIs() {
        String password = "Pw-" + UUID.randomUUID();
        Properties owner = owner("throttle", password);
        Properties member = FixtureHttp.post("sejour-tests/fixtures/staff", "action=member&account="
                + owner.getProperty("account") + "&role=HOUSEKEEPING&password=" + password);
        // sejour.login.max-failures (5) wrong passwords, each from another address: the login's own limit
        for (int i = 0; i < 5; i++) {
            Response wrong = new LoopbackClient("127.0.0." + (61 + i)).login(member.getProperty("login"), "wrong-" + i);
            assertTrue(wrong.body().contains("Identifiant ou mot de passe incorrect."), wrong.body());
        }
        Response right = new LoopbackClient("127.0.0.70").login(member.getProperty("login"), password);
        assertEquals(200, right.status(), "not signed in");
        assertTrue(right.body().contains("Trop de tentatives"), right.body());
    }

    // ---------------------------------------------------------------- helpers

    private static Properties season(String prefix, String password) {
        return FixtureHttp.post("sejour-tests/fixtures/page-walk", "prefix=" + prefix + "&password=" + password);
    }

    /** An owner with one gîte, for the tests that need no dossier. */
    private static Properties owner(String prefix, String password) {
        return FixtureHttp.post("sejour-tests/fixtures/staff", "action=owner&prefix=" + prefix + "&password=" + password);
    }

    private static Properties member(Properties season, String role, String password) {
        return FixtureHttp.post("sejour-tests/fixtures/staff", "action=member&account=" + season.getProperty("account")
                + "&role=" + role + "&password=" + password);
    }

    private Browser signedIn(String name, Properties member, String password, String home) {
        Browser browser = browsers.open(name);
        browser.submitLogin(member.getProperty("login"), password);
        browser.waitForPath(home);
        return browser;
    }

    private static void invite(Browser owner, String email, String role) {
        owner.open("app/account/staff.xhtml");
        owner.type("invite:email", email);
        owner.choose("invite:role", role);
        owner.click("invite:send");
        owner.until(d -> owner.bodyText().contains("Invitation envoyée à " + email) ? true : null, "the invitation sent");
    }

    private static String link(GreenMail smtp, String email) throws InterruptedException {
        List<MimeMessage> mails = Inbox.mailsTo(smtp, email, 1);
        assertEquals(1, mails.size(), "one invitation to " + email);
        String body = GreenMailUtil.getBody(mails.get(0)).replace("=\r\n", "").replace("=3D", "=");
        Matcher m = LINK.matcher(body);
        assertTrue(m.find(), "a link in: " + body);
        return m.group(1);
    }

    private static String rowId(Browser owner, String login) {
        WebElement cell = owner.until(d -> d.findElements(By.cssSelector("#memberList td.member-login")).stream()
                .filter(td -> td.getText().strip().equals(login)).findFirst().orElse(null), "the member's row");
        String buttonId = cell.findElement(By.xpath("..")).findElement(By.cssSelector("button[id$=':remove']"))
                .getAttribute("id");
        return buttonId.substring(0, buttonId.length() - ":remove".length());
    }

    private static void clickInRowOf(Browser owner, String login, String button) {
        owner.click(rowId(owner, login) + ":" + button);
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(TestSettings.dbUrl(), "sejour", TestSettings.credential("db.password"));
    }

    private static long count(String sql, Object... args) throws SQLException {
        return Long.parseLong(text(sql, args));
    }

    private static String text(String sql, Object... args) throws SQLException {
        try (Connection c = database(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next(), sql);
                return r.getString(1);
            }
        }
    }

    private static void update(String sql, Object... args) throws SQLException {
        try (Connection c = database(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }
}
