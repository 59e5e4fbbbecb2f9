package org.sejour.infrastructure.mail;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.activation.DataHandler;
import org.sejour.application.mail.MailDeliveryException;
import org.sejour.application.mail.Mailer;
import org.sejour.application.mail.OutgoingMessage;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/**
 * Sends through the server's mail session mail/sejour (created by server-config from
 * SEJOUR_SMTP_HOST / SEJOUR_SMTP_PORT / SEJOUR_MAIL_FROM). The From address is the
 * session's, under the owner's name; replies go to the owner.
 */
@ApplicationScoped
public class SmtpMailer implements Mailer {

    /**
     * Texts are mostly ASCII with a few accented letters, which quoted-printable keeps readable.
     * Said outright: left unset, Jakarta Mail reads every text once more only to choose it, a
     * quarter of the time a message took to send.
     */
    private static final String TEXT_ENCODING = "quoted-printable";

    @Resource(lookup = "mail/sejour")
    Session session;

    @Override
    public Connection open() {
        return new SmtpConnection();
    }

    /**
     * Connects on its first message and keeps the SMTP session for the next ones. After any
     * failure the session is dropped and the next message connects afresh: a refused
     * recipient or a broken connection must not leave a half-finished SMTP dialogue behind.
     */
    private final class SmtpConnection implements Connection {

        private Transport transport;

        @Override
        public void send(OutgoingMessage message) throws MailDeliveryException {
            try {
                MimeMessage mime = mime(message);
                // what Transport.send would do: headers (the stable Message-ID) made final
                mime.saveChanges();
                if (transport == null) {
                    transport = session.getTransport(mime.getAllRecipients()[0]);
                    transport.connect();
                }
                transport.sendMessage(mime, mime.getAllRecipients());
            } catch (MessagingException e) {
                close();
                throw new MailDeliveryException(SmtpFailures.isPermanent(e), SmtpFailures.describe(e), e);
            }
        }

        @Override
        public void close() {
            if (transport == null) {
                return;
            }
            try {
                transport.close();
            } catch (MessagingException e) {
                // the server went away first: nothing is left to quit
            } finally {
                transport = null;
            }
        }
    }

    MimeMessage mime(OutgoingMessage message) throws MessagingException {
        MimeMessage mime = new StableIdMessage(session, message.outboxId());
        try {
            InternetAddress from = InternetAddress.getLocalAddress(session);
            mime.setFrom(from == null ? null : new InternetAddress(from.getAddress(), message.senderName(), "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.recipient(), true));
        if (message.blindCopy().isPresent()) {
            mime.setRecipient(Message.RecipientType.BCC, new InternetAddress(message.blindCopy().get(), true));
        }
        if (message.replyTo().isPresent()) {
            mime.setReplyTo(new InternetAddress[]{new InternetAddress(message.replyTo().get(), true)});
        }
        mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
        mime.setSentDate(new Date());
        if (message.attachments().isEmpty()) {
            mime.setText(message.text(), StandardCharsets.UTF_8.name());
            mime.setHeader("Content-Transfer-Encoding", TEXT_ENCODING);
            return mime;
        }
        Multipart parts = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText(message.text(), StandardCharsets.UTF_8.name());
        text.setHeader("Content-Transfer-Encoding", TEXT_ENCODING);
        parts.addBodyPart(text);
        for (OutgoingMessage.Attachment attachment : message.attachments()) {
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
            part.setFileName(attachment.fileName());
            part.setDisposition(MimeBodyPart.ATTACHMENT);
            // binary bytes: base64, whatever the data handler would have guessed
            part.setHeader("Content-Transfer-Encoding", "base64");
            parts.addBodyPart(part);
        }
        mime.setContent(parts);
        return mime;
    }

    /**
     * A Message-ID derived from the outbox row: should a mail ever go out twice (the SMTP
     * server took it, then the database commit failed), the receiving side sees the same id.
     */
    static final class StableIdMessage extends MimeMessage {

        private final long outboxId;

        StableIdMessage(Session session, long outboxId) {
            super(session);
            this.outboxId = outboxId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<outbox-" + outboxId + "@sejour>");
        }
    }
}
