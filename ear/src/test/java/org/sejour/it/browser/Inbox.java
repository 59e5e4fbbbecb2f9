package org.sejour.it.browser;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.sejour.it.FixtureHttp;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What a browser test's GreenMail (in the test JVM) received, for mails the server's outbox sends. */
final class Inbox {

    private Inbox() {
    }

    /**
     * The mails received for {@code address}, waiting up to 60 s until there are {@code count};
     * fewer when they did not come.
     */
    static List<MimeMessage> mailsTo(GreenMail smtp, String address, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<MimeMessage> mails = received(smtp, address);
        while (mails.size() < count && System.nanoTime() < deadline) {
            sendDue();
            mails = received(smtp, address);
        }
        return mails;
    }

    /**
     * Has the server send what its outbox holds due now, as the outbox's timer does every 5 s,
     * then pauses a little: a test waiting for a mail is not held up to a tick for it.
     */
    static void sendDue() throws InterruptedException {
        FixtureHttp.post("sejour-tests/fixtures/outbox", "");
        TimeUnit.MILLISECONDS.sleep(200);
    }

    /** The mails received for {@code address} so far. */
    static List<MimeMessage> received(GreenMail smtp, String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> isTo(m, address)).toList();
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
