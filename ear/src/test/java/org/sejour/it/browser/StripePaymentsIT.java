package org.sejour.it.browser;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.sejour.it.TestSettings;
import org.sejour.it.TestSmtp;
import org.sejour.it.payment.FakeStripe;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real money through Stripe, against a local server answering in Stripe's shapes (no Stripe is
 * reachable from here): an owner connects their keys on the settings page; a guest books on the
 * hosted site, goes to the (fake) Checkout page, Stripe's signed webhook records the deposit,
 * and the balance is paid from the link in the reminder mail. Webhooks are signed exactly as
 * Stripe signs them, and each signature is first checked with stripe-java's own
 * {@code Webhook.constructEvent}, so that the tests cannot agree with a mistake of Séjour's.
 * Refunds, credit notes, their numbering under concurrency, and an owner without any provider.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class StripePaymentsIT {

    private static final LocalDate MAY_FIRST = LocalDate.of(2027, 5, 1);

    @RegisterExtension
    final Browsers browsers = new Browsers();

    /** An owner in production with a gîte, their Stripe keys and their webhook address. */
    record Owner(long accountId, int number, String login, String password, long gite, String secretKey,
                 String webhookSecret) {
        URI webhook() {
            return URI.create(TestSettings.baseUrl() + "webhooks/stripe/" + number);
        }
    }

    @Test
    void anOwnerConnectsStripeAndAGuestPaysTheDepositThenTheBalanceFromTheReminderMail() throws Exception {
        GreenMail smtp = TestSmtp.start(TestSettings.smtpPort());
        try (FakeStripe stripe = new FakeStripe()) {
            Owner owner = owner(stripe, "stripe-site", false);
            Browser office = browsers.open("owner");
            office.submitLogin(owner.login(), owner.password());
            office.waitForPath("/app/dashboard.xhtml");
            office.open("app/settings/payments.xhtml");
            office.waitForDocument();
            assertTrue(plain(office.textOf(By.id("notConnected"))).startsWith("Aucun paiement en ligne"));
            assertEquals(owner.webhook().toString(), office.textOf(By.id("webhookUrl")).strip());

            office.type("onlinePayment:secretKey", "sk_test_" + "Unknown1234567890abcdef");
            office.type("onlinePayment:webhookSecret", owner.webhookSecret());
            office.click("onlinePayment:connect");
            office.waitForAjax();
            assertTrue(office.bodyText().contains("Stripe refuse cette clé"), office.bodyText());
            assertTrue(office.driver.findElements(By.id("connectedTo")).isEmpty());

            office.type("onlinePayment:secretKey", owner.secretKey());
            office.type("onlinePayment:webhookSecret", owner.webhookSecret());
            office.click("onlinePayment:connect");
            office.waitForAjax();
            String connected = plain(office.textOf(By.id("connectedTo")));
            assertTrue(connected.contains("« Gîtes stripe-site »") && connected.contains("Mode test de Stripe"), connected);
            String keyEnd = owner.secretKey().substring(owner.secretKey().length() - 4);
            assertEquals("sk_test_…" + keyEnd, office.textOf(By.id("secretKeyHint")).strip());
            // the secrets are never shown again, nor kept in the form
            String page = office.driver.getPageSource();
            assertFalse(page.contains(owner.secretKey()) || page.contains(owner.webhookSecret()));
            office.keepEvidence("stripe-settings");
            assertSealed(owner);

            // the guest books on the hosted site and is sent to Stripe's page
            Browser guest = browsers.open();
            String email = "guest-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
            book(guest, owner, MAY_FIRST, email);
            assertEquals(1, guest.driver.findElements(By.id("pay:payNow")).size());
            guest.clickAndWaitForReload("pay:payNow");
            guest.waitForPath("/c/pay/cs_test_");
            FakeStripe.Session deposit = stripe.session(guest.driver.getCurrentUrl().replaceAll(".*/c/pay/", ""));
            assertEquals(21000, deposit.amount());
            assertEquals("eur", deposit.form().get("line_items[0][price_data][currency]"));
            assertEquals("payment", deposit.form().get("mode"));
            assertEquals(email, deposit.form().get("customer_email"));
            assertEquals(deposit.clientReference(), deposit.form().get("payment_intent_data[metadata][attempt]"));
            assertTrue(deposit.successUrl().startsWith(TestSettings.baseUrl() + "payment/return?attempt="), deposit.successUrl());

            // coming back before Stripe's word records nothing
            guest.open(relative(deposit.successUrl()));
            guest.waitForPath("/booking/");
            assertEquals("Paiement en cours de vérification.", plain(guest.textOf(By.id("paymentOutcome"))));
            assertEquals("0,00 €", plain(guest.textOf(By.id("dossierPaid"))));

            // Stripe's signed word: the session completed, and its PaymentIntent succeeded
            assertEquals(200, deliver(stripe, owner, stripe.event("checkout.session.completed",
                    stripe.sessionJson(deposit, "complete", "paid", true))).statusCode());
            assertEquals(200, deliver(stripe, owner, stripe.event("payment_intent.succeeded",
                    stripe.intentJson(deposit, "succeeded", null))).statusCode());
            guest.open(relative(deposit.successUrl()));
            guest.waitForPath("/booking/");
            assertEquals("Paiement reçu, merci !", plain(guest.textOf(By.id("paymentOutcome"))));
            assertEquals("Confirmée", guest.visible("dossierStatus").getText());
            assertEquals("210,00 €", plain(guest.textOf(By.id("dossierPaid"))));
            try (Db db = new Db()) {
                assertEquals(List.of("21000|online|" + deposit.intent()), db.payments(owner.accountId()));
                assertEquals(List.of(1), db.invoiceNumbers(owner.accountId()));
            }
            // the booking page links the receipt, which the guest opens with their token alone
            List<WebElement> receipts = guest.driver.findElements(By.cssSelector("#receipts a.receipt-link"));
            assertEquals(1, receipts.size(), guest.bodyText());
            assertTrue(plain(receipts.get(0).getText()).startsWith("Reçu n°"), receipts.get(0).getText());
            String receiptPath = URI.create(receipts.get(0).getAttribute("href")).getPath().substring(1);
            String receiptText = pdftotext(fetch(receiptPath, 200));
            assertTrue(receiptText.contains("Déjà réglé 210,00 €") && receiptText.contains("Reste à payer 490,00 €"),
                    receiptText);
            // another dossier's token, or a made-up one, does not open it
            assertEquals(404, fetchStatus(receiptPath.replaceFirst("receipts/[^/]+/", "receipts/" + "x".repeat(43) + "/")));

            // the balance: the reminder mail's link leads to the booking page and its Pay button
            long dossierId;
            try (Db db = new Db()) {
                dossierId = db.latestDossier(owner.accountId());
            }
            Properties reminded = fixture("remind", "account", owner.accountId(), "dossier", dossierId);
            assertEquals("COMPLETED", reminded.getProperty("status"));
            assertEquals("1", reminded.getProperty("written"));
            MimeMessage reminder = mailWithSubject(smtp, email, "Rappel de paiement");
            Matcher link = Pattern.compile("(http://localhost:\\d+/booking/[A-Za-z0-9_-]+)")
                    .matcher(GreenMailUtil.getBody(reminder).replace("=\r\n", "").replace("=3D", "="));
            assertTrue(link.find(), GreenMailUtil.getBody(reminder));
            guest.open(relative(link.group(1)));
            guest.waitForDocument();
            assertTrue(plain(guest.textOf(By.id("dueText"))).contains("490,00 €"), guest.bodyText());
            guest.clickAndWaitForReload("payLink");
            guest.waitForPath("/pay/");
            guest.clickAndWaitForReload("pay:payNow");
            guest.waitForPath("/c/pay/cs_test_");
            FakeStripe.Session balance = stripe.session(guest.driver.getCurrentUrl().replaceAll(".*/c/pay/", ""));
            assertEquals(49000, balance.amount());
            assertEquals(200, deliver(stripe, owner, stripe.event("checkout.session.completed",
                    stripe.sessionJson(balance, "complete", "paid", true))).statusCode());
            guest.open(relative(balance.successUrl()));
            guest.waitForPath("/booking/");
            assertEquals("700,00 €", plain(guest.textOf(By.id("dossierPaid"))));
            assertTrue(guest.driver.findElements(By.id("payLink")).isEmpty(), "nothing left to pay");
            try (Db db = new Db()) {
                assertEquals(List.of(1, 2), db.invoiceNumbers(owner.accountId()));
                assertEquals("[BALANCE, DEPOSIT]", db.texts("select a.kind || '' from payment_attempt a where a.account_id = ? "
                        + "and a.status = 'PAID' order by a.kind", owner.accountId()).toString());
            }
            guest.keepEvidence("stripe-balance-paid");
        } finally {
            smtp.stop();
        }
    }

    @Test
    void webhooksCountOnlyWhenSignedWithTheOwnersSecretWithinFiveMinutesAndOnce() throws Exception {
        try (FakeStripe stripe = new FakeStripe()) {
            Owner owner = owner(stripe, "stripe-hooks", true);
            Owner other = owner(stripe, "stripe-other", true);
            FakeStripe.Session session = openCheckout(stripe, owner, MAY_FIRST);
            String payload = stripe.event("checkout.session.completed", stripe.sessionJson(session, "complete", "paid", true));

            // a wrong secret, an altered body, a stale timestamp, no header: refused, and stripe-java agrees
            String wrong = FakeStripe.signature(payload, "whsec_" + "NotTheOwnersSecret000000", Instant.now());
            assertRefusedByStripeJava(payload, wrong, owner.webhookSecret());
            assertEquals(400, stripe.deliver(owner.webhook(), payload, wrong).statusCode());
            String good = FakeStripe.signature(payload, owner.webhookSecret(), Instant.now());
            String altered = payload.replace("\"amount_total\":21000", "\"amount_total\":1");
            assertRefusedByStripeJava(altered, good, owner.webhookSecret());
            assertEquals(400, stripe.deliver(owner.webhook(), altered, good).statusCode());
            String stale = FakeStripe.signature(payload, owner.webhookSecret(), Instant.now().minusSeconds(6 * 60));
            assertRefusedByStripeJava(payload, stale, owner.webhookSecret());
            assertEquals(400, stripe.deliver(owner.webhook(), payload, stale).statusCode());
            assertEquals(400, stripe.deliver(owner.webhook(), payload, null).statusCode());
            // signed for one owner, sent to another's endpoint
            assertEquals(400, stripe.deliver(other.webhook(), payload, good).statusCode());
            // the other owner's own signed event naming this owner's attempt records nothing for either
            HttpResponse<String> foreign = deliver(stripe, other, stripe.event("checkout.session.completed",
                    stripe.sessionJson(session, "complete", "paid", true)));
            assertEquals(200, foreign.statusCode());
            assertTrue(foreign.body().contains("\"ignored\""), foreign.body());
            assertEquals(404, stripe.deliver(URI.create(TestSettings.baseUrl() + "webhooks/stripe/99999999"), payload, good)
                    .statusCode());
            try (Db db = new Db()) {
                assertEquals(List.of(), db.payments(owner.accountId()));
            }

            // the genuine delivery counts once; its replay and the PaymentIntent's own event change nothing
            assertSignedAsStripeSigns(payload, good, owner.webhookSecret());
            HttpResponse<String> first = stripe.deliver(owner.webhook(), payload, good);
            assertEquals(200, first.statusCode());
            assertTrue(first.body().contains("\"applied\""), first.body());
            HttpResponse<String> replay = stripe.deliver(owner.webhook(), payload, good);
            assertEquals(200, replay.statusCode());
            assertTrue(replay.body().contains("\"already_applied\""), replay.body());
            HttpResponse<String> intent = deliver(stripe, owner, stripe.event("payment_intent.succeeded",
                    stripe.intentJson(session, "succeeded", null)));
            assertTrue(intent.body().contains("\"ignored\""), intent.body());
            // a refund of a payment Séjour never recorded is acknowledged with nothing done (not 503: a retry changes nothing)
            HttpResponse<String> strangeRefund = deliver(stripe, owner, stripe.event("charge.refunded",
                    FakeStripe.chargeJson("pi_test_elsewhere" + UUID.randomUUID().toString().replace("-", ""), 5000, 1000)));
            assertEquals(200, strangeRefund.statusCode());
            assertTrue(strangeRefund.body().contains("\"ignored\""), strangeRefund.body());
            HttpResponse<String> unknown = deliver(stripe, owner, stripe.event("customer.created",
                    "{\"id\":\"cus_1\",\"object\":\"customer\"}"));
            assertEquals(200, unknown.statusCode());
            assertTrue(unknown.body().contains("\"ignored\""), unknown.body());
            try (Db db = new Db()) {
                assertEquals(List.of("21000|online|" + session.intent()), db.payments(owner.accountId()));
                assertEquals(List.of(1), db.invoiceNumbers(owner.accountId()));
                assertEquals(List.of(), db.payments(other.accountId()));
            }
        }
    }

    @Test
    void aFailedPaymentIsShownOnTheDossierAndTwoDeliveriesOfOneEventAtOnceRecordOnePayment() throws Exception {
        try (FakeStripe stripe = new FakeStripe()) {
            Owner owner = owner(stripe, "stripe-twice", true);
            FakeStripe.Session session = openCheckout(stripe, owner, MAY_FIRST.plusWeeks(1));
            HttpResponse<String> failed = deliver(stripe, owner, stripe.event("payment_intent.payment_failed",
                    stripe.intentJson(session, "requires_payment_method", "Your card was declined.")));
            assertEquals(200, failed.statusCode());
            try (Db db = new Db()) {
                assertEquals(List.of("PAYMENT_FAILED|Stripe: Your card was declined."), db.texts("select e.action || '|' "
                        + "|| e.detail from dossier_event e join dossier d on d.id = e.dossier_id where d.account_id = ? "
                        + "and e.action = 'PAYMENT_FAILED'", owner.accountId()));
            }

            String completed = stripe.event("checkout.session.completed", stripe.sessionJson(session, "complete", "paid", true));
            String succeeded = stripe.event("payment_intent.succeeded", stripe.intentJson(session, "succeeded", null));
            String completedSignature = FakeStripe.signature(completed, owner.webhookSecret(), Instant.now());
            String succeededSignature = FakeStripe.signature(succeeded, owner.webhookSecret(), Instant.now());
            assertSignedAsStripeSigns(completed, completedSignature, owner.webhookSecret());
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    boolean same = i < 6;
                    answers.add(pool.submit(() -> {
                        start.await();
                        return same ? stripe.deliver(owner.webhook(), completed, completedSignature)
                                : stripe.deliver(owner.webhook(), succeeded, succeededSignature);
                    }));
                }
                start.countDown();
                int applied = 0;
                for (Future<HttpResponse<String>> answer : answers) {
                    HttpResponse<String> response = answer.get(120, TimeUnit.SECONDS);
                    assertEquals(200, response.statusCode(), response.body());
                    applied += response.body().contains("\"applied\"") ? 1 : 0;
                }
                assertEquals(1, applied, "one delivery applied the payment");
            } finally {
                pool.shutdownNow();
            }
            try (Db db = new Db()) {
                assertEquals(List.of("21000|online|" + session.intent()), db.payments(owner.accountId()));
                assertEquals(List.of(1), db.invoiceNumbers(owner.accountId()));
            }
        }
    }

    @Test
    void aRefundGoesBackThroughStripeWithACreditNoteMailedToTheGuest() throws Exception {
        GreenMail smtp = TestSmtp.start(TestSettings.smtpPort());
        try (FakeStripe stripe = new FakeStripe()) {
            Owner owner = owner(stripe, "stripe-refund", true);
            String email = "refund-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
            Properties booked = fixture("book", "account", owner.accountId(), "gite", owner.gite(), "arrival",
                    MAY_FIRST.plusWeeks(2), "email", email);
            FakeStripe.Session session = openCheckout(stripe, booked.getProperty("token"));
            deliver(stripe, owner, stripe.event("checkout.session.completed", stripe.sessionJson(session, "complete", "paid", true)));

            Browser office = browsers.open();
            office.submitLogin(owner.login(), owner.password());
            office.waitForPath("/app/dashboard.xhtml");
            office.open("app/dossier.xhtml?id=" + booked.getProperty("dossier"));
            office.waitForDocument();
            String option = (String) office.js("return Array.from(document.getElementById('refund:payment_input').options)"
                    + ".map(o => o.text).find(t => t.includes('Paiement en ligne'));");
            assertTrue(option.endsWith("reste 210,00 €".replace(" €", "\u00a0€")) || plain(option).endsWith("reste 210,00 €"), option);
            office.choose("refund:payment", option);
            WebElement amount = office.visible("refund:amount_input");
            amount.click();
            amount.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, "50", Keys.TAB);
            office.type("refund:reason", "Geste commercial");
            office.click("refund:doRefund");
            office.click(office.driver.findElement(By.cssSelector(".ui-confirmdialog-yes")).getAttribute("id"));
            office.waitForAjax();
            office.until(d -> office.bodyText().contains("remboursés par Stripe"), "the refund's message");
            assertEquals(1, stripe.refunds().size());
            FakeStripe.Refund refund = stripe.refunds().get(0);
            assertEquals(session.intent(), refund.intent());
            assertEquals(5000, refund.amount());
            assertEquals("Geste commercial", refund.reason());
            assertNotNull(refund.idempotencyKey());
            // the refund is shown apart: it lowers what was received, it does not make the deposit due again
            assertEquals("210,00 €", plain(office.textOf(By.id("paid"))));
            assertEquals("50,00 €", plain(office.textOf(By.id("refunded"))));
            assertEquals("490,00 €", plain(office.textOf(By.id("remaining"))), "what stays due: 700.00 − 210.00 paid");
            office.keepEvidence("stripe-refund");

            String creditNote = office.driver.findElements(By.cssSelector("a.receipt-link")).get(1).getAttribute("href");
            String text = pdftotext(download(office, URI.create(creditNote).getPath().substring(1)));
            assertTrue(text.contains("Avoir n° 2"), text);
            assertTrue(text.contains("Motif : Geste commercial"), text);
            assertTrue(text.contains("Avoir sur le reçu n° 1"), text);
            assertTrue(Pattern.compile("Remboursement effectué - ?50,00 €").matcher(text).find(), text);
            // paid and refunded apart: what was paid, and what stays due, as on the pages (the refund is the line above)
            assertTrue(text.contains("Déjà réglé 210,00 €"), text);

            assertTrue(text.contains("Reste à payer 490,00 €"), text);

            // the guest's booking page: the refund on its own line, nothing made due again, the credit note linked
            Browser guest = browsers.open("guest");
            guest.open("booking/" + booked.getProperty("token") + "?lang=fr");
            guest.waitForDocument();
            assertEquals("210,00 €", plain(guest.textOf(By.id("dossierPaid"))));
            assertEquals("50,00 €", plain(guest.textOf(By.id("dossierRefunded"))));
            assertEquals("490,00 €", plain(guest.textOf(By.id("dossierRemaining"))));
            assertTrue(plain(guest.textOf(By.id("dueText"))).contains("490,00 €"), "the balance, not the deposit again: "
                    + guest.textOf(By.id("dueText")));
            List<String> guestLinks = guest.driver.findElements(By.cssSelector("#receipts a.receipt-link")).stream()
                    .map(a -> plain(a.getText())).toList();
            assertEquals(2, guestLinks.size(), guestLinks.toString());
            assertTrue(guestLinks.get(0).startsWith("Reçu n°") && guestLinks.get(1).startsWith("Avoir n°"), guestLinks.toString());
            String guestNote = pdftotext(fetch(URI.create(guest.driver.findElements(By.cssSelector("#receipts a.receipt-link"))
                    .get(1).getAttribute("href")).getPath().substring(1), 200));
            assertTrue(guestNote.contains("Avoir n° 2") && guestNote.contains("Motif : Geste commercial"), guestNote);
            guest.keepEvidence("stripe-refund-guest");

            MimeMessage mail = mailWithSubject(smtp, email, "Remboursement");
            assertTrue(GreenMailUtil.getBody(mail).contains("avoir-2.pdf"), "the credit note is attached");
            assertEquals("avoir-2.pdf", attachmentName(mail));

            // Stripe's charge.refunded for that refund changes nothing; a refund made in Stripe's dashboard is recorded
            long charged = 21000;
            assertEquals(200, deliver(stripe, owner, stripe.event("charge.refunded",
                    FakeStripe.chargeJson(session.intent(), charged, 5000))).statusCode());
            HttpResponse<String> dashboard = deliver(stripe, owner, stripe.event("charge.refunded",
                    FakeStripe.chargeJson(session.intent(), charged, 8000)));
            assertTrue(dashboard.body().contains("\"applied\""), dashboard.body());
            try (Db db = new Db()) {
                assertEquals(List.of("21000|online|" + session.intent(), "-5000|online|" + refund.id(),
                        "-3000|online|" + session.intent() + "/refunded/80.00"), db.payments(owner.accountId()));
                assertEquals(List.of(1, 2, 3), db.invoiceNumbers(owner.accountId()));
            }
            assertEquals(1, stripe.refunds().size(), "the dashboard's refund is not made again");
        } finally {
            smtp.stop();
        }
    }

    @Test
    void concurrentRefundsNumberTheirCreditNotesWithoutAGapAndStayWithinThePayment() throws Exception {
        try (FakeStripe stripe = new FakeStripe()) {
            Owner owner = owner(stripe, "refund-race", false);
            Owner other = owner(stripe, "refund-other", false);
            int dossiers = 6;
            List<String[]> paid = new ArrayList<>();
            for (int i = 0; i < dossiers; i++) {
                Properties booked = fixture("book", "account", owner.accountId(), "gite", owner.gite(), "arrival",
                        MAY_FIRST.plusWeeks(i), "email", "race-" + i + "@example.test");
                String payment = fixture("pay", "account", owner.accountId(), "dossier", booked.getProperty("dossier"),
                        "amount", "100.00").getProperty("payment");
                paid.add(new String[]{booked.getProperty("dossier"), payment});
            }
            // another owner's dossier and payment are not found
            HttpResponse<String> foreign = fixtureResponse("refund", "account", other.accountId(), "dossier", paid.get(0)[0],
                    "payment", paid.get(0)[1], "amount", "10.00", "reason", "x");
            assertEquals(422, foreign.statusCode());
            assertEquals("error=error.notFound", foreign.body().strip());

            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            try {
                for (String[] p : paid) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return fixtureResponse("refund", "account", owner.accountId(), "dossier", p[0], "payment", p[1],
                                "amount", "40.00", "reason", "Annulation partielle");
                    }));
                }
                // two refunds of 70.00 of one payment of 100.00 at once: one is refused
                for (int i = 0; i < 2; i++) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return fixtureResponse("refund", "account", owner.accountId(), "dossier", paid.get(0)[0],
                                "payment", paid.get(0)[1], "amount", "35.00", "reason", "Trop-perçu");
                    }));
                }
                start.countDown();
                int refused = 0;
                for (Future<HttpResponse<String>> answer : answers) {
                    HttpResponse<String> response = answer.get(180, TimeUnit.SECONDS);
                    if (response.statusCode() == 422) {
                        assertTrue(response.body().contains("refund.amount.tooMuch"), response.body());
                        refused++;
                    } else {
                        assertEquals(200, response.statusCode(), response.body());
                    }
                }
                assertEquals(1, refused, "100.00 − 40.00 leaves room for one refund of 35.00");
            } finally {
                pool.shutdownNow();
            }
            try (Db db = new Db()) {
                List<Integer> expected = new ArrayList<>();
                for (int n = 1; n <= dossiers * 2 + 1; n++) {
                    expected.add(n);
                }
                assertEquals(expected, db.invoiceNumbers(owner.accountId()), "receipts and credit notes, no gap");
                assertEquals(dossiers + 1, db.texts("select number || '' from invoice where account_id = ? "
                        + "and refund_reason is not null", owner.accountId()).size());
            }
            assertEquals(List.of(), stripe.refunds(), "payments by transfer are refunded by hand, not through Stripe");
        }
    }

    @Test
    void theNightlyComparisonListsWhatStripeTookThatSejourDidNotRecord() throws Exception {
        try (FakeStripe stripe = new FakeStripe()) {
            Owner owner = owner(stripe, "stripe-reconcile", true);
            FakeStripe.Session recorded = openCheckout(stripe, owner, MAY_FIRST.plusWeeks(3));
            stripe.succeed(recorded, recorded.amount());
            deliver(stripe, owner, stripe.event("checkout.session.completed", stripe.sessionJson(recorded, "complete", "paid", true)));
            Properties missedBooking = fixture("book", "account", owner.accountId(), "gite", owner.gite(), "arrival",
                    MAY_FIRST.plusWeeks(4), "email", "missed-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test");
            FakeStripe.Session missed = openCheckout(stripe, missedBooking.getProperty("token"));
            stripe.succeed(missed, missed.amount()); // paid, and its webhook never came
            String dashboard = stripe.dashboardPayment(owner.secretKey(), 9900);
            // a SEPA debit: its PaymentIntent created six days ago, out of the list's window, recorded today
            Properties sepaBooking = fixture("book", "account", owner.accountId(), "gite", owner.gite(), "arrival",
                    MAY_FIRST.plusWeeks(5), "email", "sepa-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test");
            FakeStripe.Session sepa = openCheckout(stripe, sepaBooking.getProperty("token"));
            stripe.succeed(sepa, sepa.amount());
            stripe.createdDaysAgo(sepa, 6);
            deliver(stripe, owner, stripe.event("checkout.session.async_payment_succeeded",
                    stripe.sessionJson(sepa, "complete", "paid", true)));

            assertEquals("2", fixture("reconcile", "account", owner.accountId()).getProperty("differences"));
            Browser office = browsers.open();
            office.submitLogin(owner.login(), owner.password());
            office.waitForPath("/app/dashboard.xhtml");
            office.open("app/settings/payments.xhtml");
            office.waitForDocument();
            String table = plain(office.textOf(By.id("reconciliation:differences")));
            assertTrue(table.contains("Payé dans Stripe, pas enregistré (webhook non reçu)")
                    && table.contains(missed.intent()) && table.contains(missedBooking.getProperty("number")), table);
            assertTrue(table.contains("Paiement fait dans Stripe hors de Séjour") && table.contains(dashboard)
                    && table.contains("99,00 €"), table);
            assertFalse(table.contains(recorded.intent()), table);
            assertFalse(table.contains(sepa.intent()), "looked up by its id, the SEPA debit is at Stripe: " + table);
            office.keepEvidence("stripe-differences");

            // the late webhook records the payment; the next night lists the dashboard's payment only
            deliver(stripe, owner, stripe.event("checkout.session.completed", stripe.sessionJson(missed, "complete", "paid", true)));
            assertEquals("1", fixture("reconcile", "account", owner.accountId()).getProperty("differences"));
            try (Db db = new Db()) {
                assertEquals(List.of(dashboard + "|OUTSIDE_SEJOUR"), db.texts("select payment_intent || '|' || kind "
                        + "from payment_difference where account_id = ?", owner.accountId()));
            }
        }
    }

    @Test
    void aSecurityDepositIsHeldBeforeArrivalRenewedBeforeItLapsesThenPartlyKeptOrReleased() throws Exception {
        try (FakeStripe stripe = new FakeStripe()) {
            Owner owner = owner(stripe, "stripe-holds", true);
            assertEquals("300.00", fixture("holds-terms", "account", owner.accountId(), "amount", "300.00", "days", 3)
                    .getProperty("amount"));
            long chalet = Long.parseLong(fixture("gite", "account", owner.accountId(), "name", "Chalet des Cimes")
                    .getProperty("gite"));
            Properties kept = fixture("book", "account", owner.accountId(), "gite", owner.gite(), "arrival", MAY_FIRST,
                    "email", "kept-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test");
            Properties refused = fixture("book", "account", owner.accountId(), "gite", chalet, "arrival", MAY_FIRST,
                    "email", "refused-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test");
            Properties released = fixture("book", "account", owner.accountId(), "gite", owner.gite(), "arrival",
                    MAY_FIRST.plusWeeks(1), "email", "released-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test");
            List<FakeStripe.Session> paid = new ArrayList<>();
            for (Properties booked : List.of(kept, refused, released)) {
                FakeStripe.Session session = openCheckout(stripe, booked.getProperty("token"));
                // the card is kept at Stripe for the hold: Checkout was asked to save it
                assertEquals("always", session.form().get("customer_creation"));
                assertEquals("off_session", session.form().get("payment_intent_data[setup_future_usage]"));
                stripe.succeed(session, session.amount());
                deliver(stripe, owner, stripe.event("checkout.session.completed", stripe.sessionJson(session, "complete", "paid", true)));
                paid.add(session);
            }
            stripe.declineHolds(paid.get(1));

            // three days before the 1st of May: the two arrivals of that day, one card refusing
            Properties first = fixture("holds", "today", MAY_FIRST.minusDays(3));
            assertEquals("1", first.getProperty("placed"));
            assertEquals("1", first.getProperty("failed"));
            String keptCard = stripe.savedCard(paid.get(0));
            assertTrue(stripe.holdCalls().contains("hold " + keptCard + " 30000 eur capture_method=manual off_session=true "
                    + "confirm=true"), stripe.holdCalls().toString());
            assertEquals("0", fixture("holds", "today", MAY_FIRST.minusDays(3)).getProperty("placed"), "placed once");

            Browser office = browsers.open();
            office.submitLogin(owner.login(), owner.password());
            office.waitForPath("/app/dashboard.xhtml");
            office.open("app/arrivals.xhtml");
            office.waitForDocument();
            office.js("document.getElementById('movements:from_input').value = '01/05/2027';"
                    + "document.getElementById('movements:to_input').value = '01/05/2027';");
            office.click("movements:show");
            office.waitForAjax();
            String arrivals = plain(office.textOf(By.id("movements:list")));
            assertTrue(arrivals.contains("Bloquée 300,00 €") && arrivals.contains("Refusée 300,00 €"), arrivals);
            office.keepEvidence("stripe-holds-arrivals");

            office.open("app/dossier.xhtml?id=" + refused.getProperty("dossier"));
            office.waitForDocument();
            assertTrue(plain(office.textOf(By.id("holdState"))).contains("n'a pas pu être bloquée (Stripe: Your card was "
                    + "declined. This transaction requires authentication.)"), office.textOf(By.id("holdState")));

            office.open("app/dossier.xhtml?id=" + kept.getProperty("dossier"));
            office.waitForDocument();
            assertTrue(plain(office.textOf(By.id("holdState"))).startsWith("300,00 € bloqués sur la carte du client"));
            WebElement amount = office.visible("hold:amount_input");
            amount.click();
            amount.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, "80", Keys.TAB);
            office.type("hold:reason", "Verre cassé");
            office.click("hold:capture");
            office.click(office.driver.findElement(By.cssSelector(".ui-confirmdialog-yes")).getAttribute("id"));
            office.waitForAjax();
            office.until(d -> plain(office.textOf(By.id("holdState"))).contains("80,00 € ont été gardés (Verre cassé)"),
                    "the kept part of the deposit");
            String keptHold = stripe.holdCalls().stream().filter(c -> c.startsWith("capture ")).findFirst().orElseThrow();
            assertTrue(keptHold.endsWith(" 8000"), keptHold);
            office.keepEvidence("stripe-hold-kept");

            // the next week's arrival: held; the card refuses the renewal, so the old hold is kept (not released)
            // and the refusal is in the history; the next day's renewal goes through; released after departure
            assertEquals("1", fixture("holds", "today", MAY_FIRST.plusWeeks(1).minusDays(3)).getProperty("placed"));
            stripe.declineHolds(paid.get(2));
            Properties refusedRenewal = fixture("holds", "today", MAY_FIRST.plusWeeks(1).plusDays(3));
            assertEquals("1", refusedRenewal.getProperty("renewalsRefused"));
            assertEquals("0", refusedRenewal.getProperty("renewed"));
            assertEquals(0, stripe.holdCalls().stream().filter(c -> c.startsWith("cancel ")).count(),
                    "the old hold still holds: not released when its renewal is refused");
            try (Db db = new Db()) {
                long dossier = Long.parseLong(released.getProperty("dossier"));
                assertEquals(List.of("PLACED"), db.texts("select status from deposit_hold where dossier_id = ?", dossier));
                List<String> history = db.texts("select detail from dossier_event where dossier_id = ? "
                        + "and action = 'DEPOSIT_HOLD'", dossier);
                assertEquals(1, history.size(), history.toString());
                assertTrue(history.get(0).startsWith("300.00 € – renewal refused (Stripe: Your card was declined.")
                        && history.get(0).endsWith("the hold placed on 2027-05-05 is kept, it holds until 2027-05-12"),
                        history.get(0));
            }
            stripe.acceptHolds(paid.get(2));
            assertEquals("1", fixture("holds", "today", MAY_FIRST.plusWeeks(1).plusDays(4)).getProperty("renewed"));
            assertEquals("1", fixture("holds", "today", MAY_FIRST.plusWeeks(2).plusDays(1)).getProperty("released"));
            try (Db db = new Db()) {
                assertEquals(List.of("REPLACED", "RELEASED"), db.texts("select status from deposit_hold where dossier_id = ? "
                        + "order by id", Long.parseLong(released.getProperty("dossier"))));
                assertEquals(List.of("CAPTURED|80.00|Verre cassé"), db.texts("select status || '|' || captured || '|' || reason "
                        + "from deposit_hold where dossier_id = ?", Long.parseLong(kept.getProperty("dossier"))));
                assertEquals(List.of("FAILED"), db.texts("select status from deposit_hold where dossier_id = ?",
                        Long.parseLong(refused.getProperty("dossier"))));
            }
            assertEquals(2, stripe.holdCalls().stream().filter(c -> c.startsWith("cancel ")).count(),
                    "the renewed hold and the last one released at Stripe");
            // the hold partly kept is a succeeded PaymentIntent at Stripe: the nightly comparison knows it for a caution
            assertEquals("0", fixture("reconcile", "account", owner.accountId()).getProperty("differences"));
        }
    }

    @Test
    void disconnectingStripeReleasesTheHoldsAndLeavesItsPaymentsToRefundByHand() throws Exception {
        try (FakeStripe stripe = new FakeStripe()) {
            Owner owner = owner(stripe, "stripe-leave", true);
            fixture("holds-terms", "account", owner.accountId(), "amount", "300.00", "days", 3);
            LocalDate arrival = MAY_FIRST.plusWeeks(8);
            Properties booked = fixture("book", "account", owner.accountId(), "gite", owner.gite(), "arrival", arrival,
                    "email", "leave-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test");
            FakeStripe.Session session = openCheckout(stripe, booked.getProperty("token"));
            stripe.succeed(session, session.amount());
            deliver(stripe, owner, stripe.event("checkout.session.completed", stripe.sessionJson(session, "complete", "paid", true)));
            assertEquals("1", fixture("holds", "today", arrival.minusDays(3)).getProperty("placed"));
            long dossier = Long.parseLong(booked.getProperty("dossier"));

            Browser office = browsers.open();
            office.submitLogin(owner.login(), owner.password());
            office.waitForPath("/app/dashboard.xhtml");
            office.open("app/settings/payments.xhtml");
            office.waitForDocument();
            office.click("onlinePayment:disconnect");
            office.click(office.driver.findElement(By.cssSelector(".ui-confirmdialog-yes")).getAttribute("id"));
            office.waitForAjax();
            office.until(d -> office.bodyText().contains("Stripe est déconnecté"), "the disconnection's message");
            String hold;
            try (Db db = new Db()) {
                assertEquals(List.of("RELEASED"), db.texts("select status from deposit_hold where dossier_id = ?", dossier));
                hold = db.texts("select payment_intent from deposit_hold where dossier_id = ?", dossier).get(0);
                assertEquals(List.of("300.00 € – released (Stripe disconnected)"), db.texts("select detail from dossier_event "
                        + "where dossier_id = ? and action = 'DEPOSIT_HOLD'", dossier));
                assertEquals(List.of(), db.texts("select account_id || '' from stripe_account where account_id = ?",
                        owner.accountId()));
            }
            assertTrue(stripe.holdCalls().contains("cancel " + hold), stripe.holdCalls().toString());

            // the payment Stripe took is still refundable: by the owner, by hand, and said so before and after
            office.open("app/dossier.xhtml?id=" + dossier);
            office.waitForDocument();
            assertTrue(plain(office.textOf(By.id("refundProviderGone"))).startsWith("Stripe n'est plus connecté : les "
                    + "paiements pris par Stripe se remboursent par vous"), office.textOf(By.id("refundProviderGone")));
            String option = (String) office.js("return Array.from(document.getElementById('refund:payment_input')"
                    + ".options).map(o => o.text).find(t => t.includes('Paiement en ligne'));");
            assertTrue(plain(option).endsWith("reste 210,00 €"), option);
            office.choose("refund:payment", option);
            WebElement amount = office.visible("refund:amount_input");
            amount.click();
            amount.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, "50", Keys.TAB);
            office.type("refund:reason", "Geste commercial");
            office.click("refund:doRefund");
            office.click(office.driver.findElement(By.cssSelector(".ui-confirmdialog-yes")).getAttribute("id"));
            office.waitForAjax();
            office.until(d -> plain(office.bodyText()).contains("Stripe n'est plus connecté : remboursement de 50,00 € "
                    + "enregistré, à effectuer par vous"), "the refund recorded by hand");
            assertEquals(List.of(), stripe.refunds(), "no key to refund with: nothing asked of Stripe");
            assertEquals("50,00 €", plain(office.textOf(By.id("refunded"))));
        }
    }

    @Test
    void aProductionOwnerWithoutAProviderOffersNoPayButtonAndTheOfflinePageIsGone() throws Exception {
        Browser guest = browsers.open();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        SiteFixture.Account plain;
        SiteFixture.Account demo;
        long plainGite;
        long demoGite;
        try (SiteFixture site = new SiteFixture(); CatalogFixture catalog = new CatalogFixture()) {
            plain = site.productionAccountWithoutDemoPayments("Sansprestataire");
            plainGite = site.accommodation(plain, "Gîte sans paiement", "BOOKABLE");
            catalog.rate(plain.id(), plainGite, 7, today.plusDays(30), today.plusDays(80), "700.00");
            demo = site.account(true, "Demonstration");
            demoGite = site.accommodation(demo, "Gîte de démonstration", "BOOKABLE");
            catalog.rate(demo.id(), demoGite, 7, today.plusDays(30), today.plusDays(80), "700.00");
        }
        bookOnSite(guest, plain.number(), plainGite, today.plusDays(40), "sans-" + UUID.randomUUID().toString().substring(0, 6)
                + "@example.test");
        assertTrue(guest.driver.findElements(By.id("pay:payNow")).isEmpty(), "no pay button");
        assertTrue(plain(guest.textOf(By.id("payOwner"))).startsWith("Votre réservation est enregistrée en option"));
        guest.clickAndWaitForReload("statusLink");
        assertTrue(guest.driver.findElements(By.id("payLink")).isEmpty());
        assertTrue(guest.driver.findElements(By.id("payOwner")).size() == 1);

        // an account with the operator's demo switch pays offline; once the switch is off, the page is gone
        bookOnSite(guest, demo.number(), demoGite, today.plusDays(40), "demo-" + UUID.randomUUID().toString().substring(0, 6)
                + "@example.test");
        guest.clickAndWaitForReload("pay:payNow");
        guest.waitForPath("/offline-pay/");
        String offline = URI.create(guest.driver.getCurrentUrl()).getPath().substring(1);
        assertEquals(200, guest.httpStatus(offline));
        String attempt;
        try (Db db = new Db()) {
            db.update("update account set demo_payments = false where id = ?", demo.id());
            attempt = db.texts("select reference from payment_attempt where account_id = ?", demo.id()).get(0);
        }
        assertEquals(404, guest.httpStatus(offline));
        guest.open("payment/return?attempt=" + attempt);
        guest.waitForPath("/booking/");
        try (SiteFixture site = new SiteFixture()) {
            assertEquals(List.of("OPTION|BOOKING_SITE|700.00|0.00|0"), site.dossiers(demo.id()));
            assertTrue(site.attempts(demo.id()).get(0).startsWith("PENDING|"), site.attempts(demo.id()).toString());
        }
    }

    // --- helpers ---

    /** An owner in production with a gîte; {@code connect}: their Stripe keys connected through the service. */
    private static Owner owner(FakeStripe stripe, String prefix, boolean connect) throws Exception {
        String password = "Pw-" + UUID.randomUUID() + "!";
        Properties p = fixture("owner", "prefix", prefix, "password", password);
        String key = "sk_test_" + UUID.randomUUID().toString().replace("-", "");
        String signing = "whsec_" + UUID.randomUUID().toString().replace("-", "");
        stripe.acceptKey(key, "Gîtes " + prefix);
        Owner owner = new Owner(Long.parseLong(p.getProperty("accountId")), Integer.parseInt(p.getProperty("number")),
                p.getProperty("login"), password, Long.parseLong(p.getProperty("gite")), key, signing);
        if (connect) {
            assertEquals("Gîtes " + prefix, fixture("connect", "account", owner.accountId(), "secretKey", key,
                    "webhookSecret", signing).getProperty("name"));
        }
        return owner;
    }

    /** A booking of the owner's gîte, and the guest's click on Pay: the Checkout Session it opened. */
    private FakeStripe.Session openCheckout(FakeStripe stripe, Owner owner, LocalDate arrival) throws Exception {
        Properties booked = fixture("book", "account", owner.accountId(), "gite", owner.gite(), "arrival", arrival,
                "email", "hook-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test");
        return openCheckout(stripe, booked.getProperty("token"));
    }

    private FakeStripe.Session openCheckout(FakeStripe stripe, String token) {
        Browser guest = browsers.open("guest");
        guest.open("pay/" + token + "?lang=fr");
        guest.waitForDocument();
        guest.clickAndWaitForReload("pay:payNow");
        guest.waitForPath("/c/pay/cs_test_");
        return stripe.session(guest.driver.getCurrentUrl().replaceAll(".*/c/pay/", ""));
    }

    /** Signs as Stripe does, checks that stripe-java accepts the signature, and delivers. */
    private static HttpResponse<String> deliver(FakeStripe stripe, Owner owner, String payload) throws Exception {
        String signature = FakeStripe.signature(payload, owner.webhookSecret(), Instant.now());
        assertSignedAsStripeSigns(payload, signature, owner.webhookSecret());
        return stripe.deliver(owner.webhook(), payload, signature);
    }

    private static void assertSignedAsStripeSigns(String payload, String signature, String secret) throws Exception {
        Event event = Webhook.constructEvent(payload, signature, secret);
        assertTrue(event.getId().startsWith("evt_"), event.getId());
    }

    private static void assertRefusedByStripeJava(String payload, String signature, String secret) {
        assertThrows(SignatureVerificationException.class, () -> Webhook.constructEvent(payload, signature, secret));
    }

    private static void book(Browser guest, Owner owner, LocalDate arrival, String email) {
        bookOnSite(guest, owner.number(), owner.gite(), arrival, email);
    }

    /** The hosted booking flow from its first step to the payment page: two adults, a week. */
    private static void bookOnSite(Browser guest, int accountNumber, long gite, LocalDate arrival, String email) {
        guest.open("site/" + accountNumber + "/book?accommodation=" + gite + "&arrival=" + arrival + "&nights=7&lang=fr");
        guest.waitForAjax();
        guest.until(d -> !d.findElements(By.id("quoteTotal")).isEmpty()
                && "700,00 €".equals(plain(guest.textOf(By.id("quoteTotal")))), "the quote's total");
        guest.click("book:next");
        guest.waitForAjax();
        guest.type("book:lastName", "Martin");
        guest.type("book:firstName", "Claude");
        guest.type("book:email", email);
        guest.type("book:phone", "+33 6 00 00 00 00");
        guest.type("book:city", "Lyon");
        guest.click("book:terms");
        guest.click("book:confirm");
        guest.waitForPath("/pay/");
    }

    private static String relative(String url) {
        return url.substring(TestSettings.baseUrl().length());
    }

    private static Properties fixture(String action, Object... parameters) throws Exception {
        HttpResponse<String> response = fixtureResponse(action, parameters);
        assertEquals(200, response.statusCode(), response::body);
        Properties p = new Properties();
        p.load(new StringReader(response.body()));
        return p;
    }

    private static HttpResponse<String> fixtureResponse(String action, Object... parameters) throws Exception {
        StringBuilder form = new StringBuilder("action=" + action);
        for (int i = 0; i < parameters.length; i += 2) {
            form.append('&').append(parameters[i]).append('=')
                    .append(URLEncoder.encode(String.valueOf(parameters[i + 1]), StandardCharsets.UTF_8));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestSettings.baseUrl() + "sejour-tests/fixtures/payments"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static MimeMessage mailWithSubject(GreenMail smtp, String to, String subject) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            for (MimeMessage m : Inbox.received(smtp, to)) {
                if (m.getSubject().startsWith(subject)) {
                    return m;
                }
            }
            Inbox.sendDue();
        }
        throw new AssertionError("no mail '" + subject + "' to " + to);
    }

    private static String attachmentName(MimeMessage mail) throws Exception {
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            Part part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return part.getFileName();
            }
        }
        return null;
    }

    private static byte[] download(Browser browser, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestSettings.baseUrl() + path))
                .header("Cookie", "JSESSIONID=" + browser.sessionCookie().getValue()).GET().build();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    /** A page or file anyone may fetch (no session): its body, the status checked. */
    private static byte[] fetch(String path, int status) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(TestSettings.baseUrl() + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(status, response.statusCode(), path);
        return response.body();
    }

    private static int fetchStatus(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(TestSettings.baseUrl() + path)).GET()
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String pdftotext(byte[] pdf) throws IOException, InterruptedException {
        Path file = TestSettings.artifacts().resolve("stripe-credit-note.pdf");
        Files.write(file, pdf);
        Process p = new ProcessBuilder("pdftotext", "-layout", file.toString(), "-").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return plain(out).replaceAll(" +", " ");
    }

    /** The owner's stored row holds neither secret in clear: they are sealed. */
    private static void assertSealed(Owner owner) throws SQLException {
        try (Db db = new Db()) {
            List<String> rows = db.texts("select encode(secret_key, 'escape') || encode(webhook_secret, 'escape') "
                    + "|| secret_key_hint || webhook_secret_hint from stripe_account where account_id = ?", owner.accountId());
            assertEquals(1, rows.size());
            assertFalse(rows.get(0).contains(owner.secretKey().substring(8)), "the secret key is sealed");
            assertFalse(rows.get(0).contains(owner.webhookSecret().substring(6)), "the signing secret is sealed");
        }
    }

    private static String plain(String text) {
        return text.replace('\u202f', ' ').replace('\u00a0', ' ').replace('\u2212', '-').replaceAll("\\s+", " ").strip();
    }

    /** Reads back what the tests check, straight from the test database. */
    private static final class Db implements AutoCloseable {
        private final Connection connection;

        Db() throws SQLException {
            connection = DriverManager.getConnection(TestSettings.dbUrl(), "sejour", TestSettings.credential("db.password"));
        }

        /** The account's payments as "cents|method|provider reference", in the order they were recorded. */
        List<String> payments(long accountId) throws SQLException {
            return texts("select (p.amount * 100)::bigint || '|' || p.method || '|' || coalesce(p.provider_ref, '') "
                    + "from payment p join dossier d on d.id = p.dossier_id where d.account_id = ? order by p.id", accountId);
        }

        List<Integer> invoiceNumbers(long accountId) throws SQLException {
            return texts("select number || '' from invoice where account_id = ? order by number", accountId).stream()
                    .map(Integer::valueOf).toList();
        }

        long latestDossier(long accountId) throws SQLException {
            return Long.parseLong(texts("select max(id) || '' from dossier where account_id = ?", accountId).get(0));
        }

        List<String> texts(String sql, Object... args) throws SQLException {
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    s.setObject(i + 1, args[i]);
                }
                List<String> rows = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        rows.add(r.getString(1));
                    }
                }
                return rows;
            }
        }

        void update(String sql, Object... args) throws SQLException {
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    s.setObject(i + 1, args[i]);
                }
                s.executeUpdate();
            }
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }
}
