package org.sejour.interfaces.batch;

import jakarta.batch.api.chunk.AbstractItemReader;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Hands over dossier ids in id order, a page at a time; checkpoint: the last id read
 * ({@link DossierCheckpoint}), so a restarted step reads on after it and never twice.
 */
abstract class DossierPageReader extends AbstractItemReader {

    static final int PAGE = 500;

    private final Deque<Long> page = new ArrayDeque<>();
    private long last;

    @Override
    public final void open(Serializable checkpoint) {
        last = DossierCheckpoint.from(checkpoint).lastDossierId();
        opened();
    }

    /** Fixes, once when the step opens, what every page is judged by. */
    protected void opened() {
    }

    /** At most {@code size} ids above {@code afterId}, in id order. */
    protected abstract List<Long> pageAfter(long afterId, int size);

    @Override
    public final Object readItem() {
        if (page.isEmpty()) {
            page.addAll(pageAfter(last, PAGE));
        }
        Long next = page.poll();
        if (next != null) {
            last = next;
        }
        return next;
    }

    @Override
    public final Serializable checkpointInfo() {
        return new DossierCheckpoint(last);
    }
}
