package org.sejour.interfaces.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.dossier.DossierExports;

import java.io.Serializable;
import java.util.List;

/** Stages the chunk's rows and moves the export's progress, in the chunk's transaction. */
@Named
@Dependent
public class DossierExportWriter extends AbstractItemWriter {

    @EJB
    DossierExports exports;
    @Inject
    @BatchProperty
    String exportId;

    @Override
    public void writeItems(List<Object> items) {
        exports.stage(Long.parseLong(exportId), items.stream().map(Serializable.class::cast).toList());
    }
}
