package org.sejour.interfaces.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.channel.ChannelFeedService;

import java.io.Serializable;
import java.util.List;

/** The ids of the feeds due when the job starts, oldest due first; the checkpoint is the position reached. */
@Named
@Dependent
public class DueFeedReader extends AbstractItemReader {

    @EJB
    ChannelFeedService feeds;
    @Inject
    @BatchProperty
    String maxFeeds;

    private List<Long> due;
    private int next;

    @Override
    public void open(Serializable checkpoint) {
        due = feeds.dueFeeds(Integer.parseInt(maxFeeds));
        next = checkpoint instanceof Integer position ? position : 0;
    }

    @Override
    public Object readItem() {
        return next < due.size() ? due.get(next++) : null;
    }

    @Override
    public Serializable checkpointInfo() {
        return next;
    }
}
