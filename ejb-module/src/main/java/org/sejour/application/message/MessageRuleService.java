package org.sejour.application.message;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sejour.application.document.ContractTexts;
import org.sejour.domain.model.dossier.DossierRepository;
import org.sejour.domain.model.message.MessageRule;
import org.sejour.domain.model.message.MessageRuleRepository;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.NotFoundException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The owner's message rules ("Messages aux voyageurs"): created, changed, switched on and off,
 * removed, and previewed with the owner's latest dossier. Another owner's rule is not found.
 */
@Stateless
public class MessageRuleService {

    @Inject
    MessageRuleRepository rules;
    @Inject
    DossierRepository dossiers;
    @Inject
    @ConfigProperty(name = "sejour.public-url")
    Optional<String> publicUrl;

    private final Clock clock = Clock.systemUTC();

    public List<MessageRule> rulesOf(long accountId) {
        return rules.ofAccount(accountId);
    }

    public MessageRule get(long accountId, long ruleId) {
        return rules.find(accountId, ruleId).orElseThrow(() -> new NotFoundException("message rule", ruleId));
    }

    public MessageRule create(long accountId, @NotNull(message = "{messages.error.draft}") MessageRule.Draft draft) {
        return rules.store(MessageRule.create(accountId, draft, Instant.now(clock)));
    }

    public MessageRule change(long accountId, long ruleId,
                              @NotNull(message = "{messages.error.draft}") MessageRule.Draft draft) {
        MessageRule rule = get(accountId, ruleId);
        rule.change(draft);
        return rule;
    }

    public MessageRule switchOn(long accountId, long ruleId, boolean on) {
        MessageRule rule = get(accountId, ruleId);
        rule.switchOn(on);
        return rule;
    }

    /** Removes the rule; the messages it sent stay in the dossiers' mail logs. */
    public void remove(long accountId, long ruleId) {
        rules.remove(get(accountId, ruleId));
    }

    /**
     * The wording as the guest of the owner's latest dossier would read it in {@code language};
     * empty when the owner has no dossier yet.
     */
    public Optional<MessageRendering.Rendered> preview(long accountId,
                                                       @NotNull(message = "{messages.error.draft}") MessageRule.Wording wording,
                                                       @NotNull(message = "{messages.error.language}") Language language) {
        return dossiers.latestId(accountId).flatMap(id -> dossiers.find(accountId, id))
                .map(dossier -> MessageRendering.render(wording, dossier, ContractTexts.in(language),
                        MessageRendering.bookingPage(publicUrl, dossier)));
    }
}
