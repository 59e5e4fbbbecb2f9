package org.sejour.domain.model.channel;

import org.sejour.domain.model.shared.StayPeriod;

import java.time.Instant;

/**
 * An imported event whose nights were already taken: by a Séjour dossier ({@code dossierNumber}
 * present) or by another channel's block (absent). Its nights are not closed twice; the owner
 * has to sort it out with the guest or the platform.
 */
public record ChannelConflict(long conflictId, long blockId, long accommodationId, String accommodationName,
                              String feedName, StayPeriod nights, String summary, Integer dossierNumber,
                              Long dossierId, Instant detectedAt) {
}
