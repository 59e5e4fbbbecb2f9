package org.sejour.interfaces.batch;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.sejour.application.channel.ChannelFeedService;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Syncs the chunk's feeds, a few at a time (ChannelFeedService.syncAll). A feed's own failures
 * (HTTP errors, bad calendars) are recorded on the feed by the service and do not stop the job;
 * a restarted chunk syncs a feed twice, which applies the same snapshot again and changes nothing.
 */
@Named
@Dependent
public class FeedSyncWriter extends AbstractItemWriter {

    private static final Logger LOG = Logger.getLogger(FeedSyncWriter.class.getName());

    @EJB
    ChannelFeedService feeds;

    @Override
    public void writeItems(List<Object> items) {
        List<Long> feedIds = items.stream().map(Long.class::cast).toList();
        LOG.log(Level.FINE, "Synced {0} feeds of {1}", new Object[]{feeds.syncAll(feedIds).size(), feedIds.size()});
    }
}
