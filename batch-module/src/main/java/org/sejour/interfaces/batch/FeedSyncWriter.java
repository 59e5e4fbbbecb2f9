package org.sejour.interfaces.batch;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.sejour.application.channel.ChannelFeedService;
import org.sejour.application.channel.FeedStatusView;
import org.sejour.domain.model.shared.NotFoundException;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Syncs each feed. A feed's own failures (HTTP errors, bad calendars) are recorded on the feed
 * by the service and do not stop the job; a restarted chunk syncs a feed twice, which applies
 * the same snapshot again and changes nothing.
 */
@Named
@Dependent
public class FeedSyncWriter extends AbstractItemWriter {

    private static final Logger LOG = Logger.getLogger(FeedSyncWriter.class.getName());

    @EJB
    ChannelFeedService feeds;

    @Override
    public void writeItems(List<Object> items) {
        for (Object item : items) {
            long feedId = (Long) item;
            try {
                FeedStatusView status = feeds.sync(feedId);
                LOG.log(Level.FINE, "Feed {0}: {1}", new Object[]{feedId, status.status()});
            } catch (NotFoundException removed) {
                LOG.log(Level.FINE, "Feed {0} removed before its sync", feedId);
            }
        }
    }
}
