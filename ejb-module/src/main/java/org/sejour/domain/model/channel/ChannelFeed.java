package org.sejour.domain.model.channel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.sejour.domain.model.shared.InvalidInputException;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** An iCal feed of another platform that closes nights of one accommodation. */
@Entity
@Table(name = "channel_feed")
public class ChannelFeed implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final int MAX_NAME = 60;
    public static final int MAX_URL = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;
    @Column(name = "accommodation_id", nullable = false, updatable = false)
    private long accommodationId;
    @Column(nullable = false, updatable = false)
    private String name;
    @Column(nullable = false, updatable = false)
    private String url;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FeedStatus status;
    private String etag;
    @Column(name = "last_modified")
    private String lastModified;
    @Column(name = "last_sync_at")
    private Instant lastSyncAt;
    @Column(name = "last_success_at")
    private Instant lastSuccessAt;
    // what went wrong, as a kind and arguments the back office translates (FeedProblem)
    @Column(name = "problem")
    private String problem;
    @Column(name = "problem_args")
    private String problemArgs;
    @Column(name = "event_count", nullable = false)
    private int eventCount;
    @Column(name = "rejected_count", nullable = false)
    private int rejectedCount;
    @Column(name = "next_sync_at", nullable = false)
    private Instant nextSyncAt;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Version
    private int version;

    protected ChannelFeed() {
        // JPA
    }

    public ChannelFeed(long accountId, long accommodationId, String name, String url, Instant createdAt) {
        String trimmedName = name == null ? "" : name.strip();
        if (trimmedName.isEmpty() || trimmedName.length() > MAX_NAME) {
            throw new InvalidInputException("name", "channels.feed.name.invalid");
        }
        this.accountId = accountId;
        this.accommodationId = accommodationId;
        this.name = trimmedName;
        this.url = checkedUrl(url);
        this.status = FeedStatus.NEW;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt is required");
        this.nextSyncAt = createdAt;
    }

    /** Only absolute http(s) addresses; where they lead is checked by the service when the feed is added, and at each fetch (FeedFetcher). */
    private static String checkedUrl(String url) {
        String trimmed = url == null ? "" : url.strip();
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawUserInfo() == null && trimmed.length() <= MAX_URL) {
                return trimmed;
            }
        } catch (java.net.URISyntaxException e) {
            // refused below
        }
        throw new InvalidInputException("url", "channels.feed.url.invalid");
    }

    /** A snapshot applied: its validators are kept for the next conditional GET. */
    public void recordApplied(int events, List<RefusedEvent> refused, String etag, String lastModified,
                              Instant at, Duration interval) {
        this.status = FeedStatus.OK;
        this.eventCount = events;
        this.rejectedCount = refused.size();
        problem(refused.isEmpty() ? null : FeedProblem.eventsRefused(refused));
        this.etag = etag;
        this.lastModified = lastModified;
        this.lastSuccessAt = at;
        synced(at, interval);
    }

    /** The platform answered 304: nothing changed since the last applied snapshot. */
    public void recordUnchanged(Instant at, Duration interval) {
        if (status != FeedStatus.HELD) {
            this.status = FeedStatus.OK;
            if (rejectedCount == 0) {
                problem(null);
            } else if (!FeedProblem.Kind.EVENTS_REFUSED.name().equals(problem)) {
                // back from a failure to the snapshot applied before it: its refused events, unnamed
                problem(new FeedProblem(FeedProblem.Kind.EVENTS_REFUSED, List.of()));
            }
        }
        this.lastSuccessAt = at;
        synced(at, interval);
    }

    public void recordFailure(FeedProblem.Kind kind, Instant at, Duration interval) {
        if (kind == FeedProblem.Kind.HELD || kind == FeedProblem.Kind.EVENTS_REFUSED) {
            throw new IllegalArgumentException(kind + " is not a failure");
        }
        this.status = FeedStatus.ERROR;
        problem(FeedProblem.of(kind));
        synced(at, interval);
    }

    /** The snapshot would have released too many nights at once: the old blocks stay, the owner is told. */
    public void hold(int eventsNow, int eventsBefore, Instant at, Duration interval) {
        this.status = FeedStatus.HELD;
        problem(FeedProblem.held(eventsNow, eventsBefore));
        this.etag = null; // fetch the whole feed next time, not a 304 on the held snapshot
        this.lastModified = null;
        synced(at, interval);
    }

    private void synced(Instant at, Duration interval) {
        this.lastSyncAt = at;
        this.nextSyncAt = at.plus(interval);
    }

    private void problem(FeedProblem problem) {
        this.problem = problem == null ? null : problem.kind().name();
        this.problemArgs = problem == null ? null : problem.encodedArguments();
    }

    public Long id() { return id; }
    public long accountId() { return accountId; }
    public long accommodationId() { return accommodationId; }
    public String name() { return name; }
    public String url() { return url; }
    public FeedStatus status() { return status; }
    public Optional<String> etag() { return Optional.ofNullable(etag); }
    public Optional<String> lastModified() { return Optional.ofNullable(lastModified); }
    public Optional<Instant> lastSyncAt() { return Optional.ofNullable(lastSyncAt); }
    public Optional<Instant> lastSuccessAt() { return Optional.ofNullable(lastSuccessAt); }
    public Optional<FeedProblem> problem() { return Optional.ofNullable(FeedProblem.decode(problem, problemArgs)); }
    public int eventCount() { return eventCount; }
    public int rejectedCount() { return rejectedCount; }
    public Instant nextSyncAt() { return nextSyncAt; }
}
