package org.sejour.interfaces.batch;

import java.io.Serializable;

/**
 * Where a dossier job got to: the highest dossier id handled. Readers go through dossiers in
 * id order, so a restarted step reads on from here and never hands a dossier over twice.
 */
public record DossierCheckpoint(long lastDossierId) implements Serializable {

    private static final long serialVersionUID = 1L;

    static final DossierCheckpoint START = new DossierCheckpoint(0);

    static DossierCheckpoint from(Serializable stored) {
        return stored instanceof DossierCheckpoint checkpoint ? checkpoint : START;
    }
}
