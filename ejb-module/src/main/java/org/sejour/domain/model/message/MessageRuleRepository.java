package org.sejour.domain.model.message;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The owners' message rules, and the messages sent under them (one per dossier and rule, the database's key). */
public interface MessageRuleRepository {

    MessageRule store(MessageRule rule);

    void remove(MessageRule rule);

    /** The owner's rule; empty for another owner's. */
    Optional<MessageRule> find(long accountId, long ruleId);

    /** The owner's rules, in the order of a stay (event, then days). */
    List<MessageRule> ofAccount(long accountId);

    /**
     * Ids of the dossiers above {@code afterId}, in id order, that have a message due under one of
     * their owner's rules switched on: due at or before {@code asOf} but not more than
     * {@code catchUp} earlier, not sent yet, the dossier confirmed, with a guest e-mail; only
     * that owner's when {@code accountId} is given.
     */
    List<Long> dossiersWithDueMessages(Instant asOf, Duration catchUp, Long accountId, long afterId, int max);

    /** The rules with a message due for this dossier at {@code asOf}, as {@link #dossiersWithDueMessages} judges. */
    List<DueMessage> dueFor(long dossierId, Instant asOf, Duration catchUp);

    /** Takes the dossier and rule; empty when a message was sent under them already. */
    Optional<Long> claim(long accountId, long ruleId, long dossierId, Instant dueAt);

    void attachMail(long sentId, long mailId);

    /** The rules the guest messages among these mails were sent under, by mail id. */
    Map<Long, MessageRule> rulesOfMails(Collection<Long> mailIds);

    /** A message due: the rule and the moment it is due for the dossier. */
    record DueMessage(long ruleId, Instant dueAt) {
    }
}
