package org.sejour.application.mail;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A mail ready to hand to the SMTP server, rendered from an outbox row. */
public record OutgoingMessage(long outboxId, String senderName, String recipient, Optional<String> blindCopy,
                              Optional<String> replyTo, String subject, String text, List<Attachment> attachments) {

    public record Attachment(String fileName, String contentType, byte[] content) {
        public Attachment {
            Objects.requireNonNull(fileName, "file name is required");
            Objects.requireNonNull(contentType, "content type is required");
            Objects.requireNonNull(content, "content is required");
        }
    }

    public OutgoingMessage {
        Objects.requireNonNull(recipient, "recipient is required");
        Objects.requireNonNull(subject, "subject is required");
        Objects.requireNonNull(text, "text is required");
        attachments = List.copyOf(attachments);
    }
}
