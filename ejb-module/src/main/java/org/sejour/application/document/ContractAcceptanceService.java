package org.sejour.application.document;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.sejour.domain.model.document.ContractAcceptances;
import org.sejour.domain.model.document.ContractAcceptances.Acceptance;
import org.sejour.domain.model.document.ContractAcceptances.Offer;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.DossierRepository;
import org.sejour.domain.model.dossier.DossierStatus;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.SejourException;

import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The contract accepted online (issue 18): the guest, on their booking page (reached by its
 * token), opens the current version of the contract and accepts it. The version is frozen as
 * offered (PDF and SHA-256) the first time the guest opens or accepts it; the acceptance keeps the
 * version, that hash, the time, the connection's address, the user agent and the guest's name, and
 * counts as the signed contract (docs/documents.md, "The contract accepted online").
 */
@Stateless
public class ContractAcceptanceService {

    /** what the columns hold (V41); a longer user agent is cut, never refused */
    static final int ADDRESS_MAX = 64;
    static final int USER_AGENT_MAX = 512;
    static final int NAME_MAX = 200;

    @Inject
    DossierRepository dossiers;
    @Inject
    ContractAcceptances acceptances;
    @EJB
    ContractService contracts;

    /** Where the contract of a guest's dossier stands, as their booking page shows it. */
    public record GuestContract(int version, boolean cancelled, boolean signedOnPaper,
                                Optional<Acceptance> accepted) implements Serializable {
        /** The guest may accept: nothing signed yet for this version and the booking stands. */
        public boolean acceptable() {
            return !cancelled && !signedOnPaper && accepted.isEmpty();
        }
    }

    /** The contract of the token's dossier; empty for an unknown token. */
    public Optional<GuestContract> guestContract(@NotNull String guestToken) {
        return dossiers.findByGuestToken(guestToken).map(d -> {
            Optional<Acceptance> accepted = acceptances.findAcceptance(d.id(), d.contractVersion());
            return new GuestContract(d.contractVersion(), d.status() == DossierStatus.CANCELLED,
                    d.signedContractReceived() && accepted.isEmpty(), accepted);
        });
    }

    /**
     * The PDF of a version as the guest is offered it: the current version is frozen on first
     * opening, so that what the guest reads is what they accept; an earlier version only if it
     * was offered. An unknown token or version is not found.
     */
    public byte[] guestPdf(@NotNull String guestToken, @Min(1) int version) {
        Dossier dossier = dossiers.findByGuestToken(guestToken)
                .orElseThrow(() -> new NotFoundException("dossier", "token"));
        if (version == dossier.contractVersion()) {
            return offerOf(dossier).pdf();
        }
        return acceptances.findOffer(dossier.id(), version).map(Offer::pdf)
                .orElseThrow(() -> new NotFoundException("contract", version));
    }

    /**
     * The guest accepts the version they were shown. Refused (nothing written) when the dossier is
     * cancelled or when a change has issued a newer version since; the current version accepted
     * again, by a double click or a replayed request, answers the first acceptance and adds nothing.
     */
    public Acceptance accept(@NotNull String guestToken, @Min(1) int version, @NotNull String address,
                             String userAgent) {
        Dossier found = dossiers.findByGuestToken(guestToken)
                .orElseThrow(() -> new NotFoundException("dossier", "token"));
        // under the dossier's lock: a change or a cancellation meanwhile is seen, and two requests queue
        Dossier dossier = dossiers.lock(found.id()).orElseThrow();
        if (dossier.status() == DossierStatus.CANCELLED) {
            throw new SejourException("contract.acceptance.cancelled");
        }
        if (version != dossier.contractVersion()) {
            throw new SejourException("contract.acceptance.outdated", version, dossier.contractVersion());
        }
        Optional<Acceptance> already = acceptances.findAcceptance(dossier.id(), version);
        if (already.isPresent()) {
            return already.get();
        }
        Offer offer = offerOf(dossier);
        Instant now = Instant.now();
        Acceptance acceptance = new Acceptance(version, offer.sha256(), now, clip(address, ADDRESS_MAX),
                clip(userAgent == null ? "" : userAgent, USER_AGENT_MAX), clip(dossier.guest().displayName(), NAME_MAX));
        if (!acceptances.accept(dossier.id(), acceptance)) {
            // the lock makes this unreachable short of a second server without it; the first row stands
            return acceptances.findAcceptance(dossier.id(), version).orElseThrow();
        }
        dossier.acceptContractOnline(version, now, "version " + version + " · SHA-256 " + offer.sha256() + " · "
                + acceptance.address());
        return acceptance;
    }

    /** The online acceptances of one of the owner's dossiers, oldest first; none for another owner's. */
    public List<Acceptance> acceptances(long accountId, long dossierId) {
        return acceptances.acceptances(accountId, dossierId);
    }

    /** The PDF a version was offered to the guest as; another owner's, or one never offered, is not found. */
    public byte[] offeredPdf(long accountId, long dossierId, @Min(1) int version) {
        return acceptances.offeredPdf(accountId, dossierId, version)
                .orElseThrow(() -> new NotFoundException("contract", dossierId + "/" + version));
    }

    private Offer offerOf(Dossier dossier) {
        int version = dossier.contractVersion();
        Optional<Offer> kept = acceptances.findOffer(dossier.id(), version);
        if (kept.isPresent()) {
            return kept.get();
        }
        byte[] pdf = contracts.currentContract(dossier);
        return acceptances.offer(dossier.id(), new Offer(version, Instant.now(), sha256(pdf), pdf));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Cut to the column's length, on a code point boundary. */
    static String clip(String text, int max) {
        String stripped = text.strip();
        if (stripped.length() <= max) {
            return stripped;
        }
        int end = Character.isLowSurrogate(stripped.charAt(max)) ? max - 1 : max;
        return stripped.substring(0, end);
    }
}
