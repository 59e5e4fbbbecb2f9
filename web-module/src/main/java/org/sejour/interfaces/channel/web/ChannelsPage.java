package org.sejour.interfaces.channel.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.sejour.application.AccommodationService;
import org.sejour.application.channel.ChannelExportService;
import org.sejour.application.channel.ChannelFeedService;
import org.sejour.application.channel.FeedStatusView;
import org.sejour.domain.model.accommodation.Accommodation;
import org.sejour.domain.model.channel.ChannelConflict;
import org.sejour.domain.model.channel.FeedProblem;
import org.sejour.domain.model.channel.RefusedEvent;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.interfaces.backoffice.web.Faces;
import org.sejour.interfaces.security.CurrentUser;

import org.sejour.application.booking.BusinessCalendar;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** "Channel manager": per accommodation, the export address and the imported feeds; conflicts of the account. */
@Named
@ViewScoped
public class ChannelsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    @Inject
    CurrentUser currentUser;
    @EJB
    AccommodationService accommodationService;
    @EJB
    ChannelExportService exports;
    @EJB
    ChannelFeedService feedService;

    private Map<Long, String> accommodationNames;
    private Long accommodationId;
    private String exportUrl;
    private List<String> unitUrls = List.of();
    private List<FeedStatusView> feeds = List.of();
    private List<ChannelConflict> conflicts = List.of();
    private String feedName;
    private String feedUrl;

    @PostConstruct
    void load() {
        accommodationNames = accommodationService.list(currentUser.accountId()).stream()
                .collect(Collectors.toMap(Accommodation::id, Accommodation::name, (a, b) -> a,
                        java.util.LinkedHashMap::new));
        accommodationId = accommodationNames.keySet().stream().findFirst().orElse(null);
        refresh();
    }

    public void refresh() {
        if (accommodationId == null) {
            return;
        }
        try {
            exportUrl = absolute(exports.exportToken(currentUser.accountId(), accommodationId));
            unitUrls = exports.unitExportTokens(currentUser.accountId(), accommodationId).stream()
                    .map(ChannelsPage::absolute).toList();
            feeds = feedService.feeds(currentUser.accountId(), accommodationId);
        } catch (SejourException e) {
            Faces.show("channels", e);
            accommodationId = null;
        }
        conflicts = feedService.conflicts(currentUser.accountId());
    }

    public void regenerate() {
        try {
            exportUrl = absolute(exports.regenerateExportToken(currentUser.accountId(), accommodationId));
            unitUrls = exports.unitExportTokens(currentUser.accountId(), accommodationId).stream()
                    .map(ChannelsPage::absolute).toList();
            Faces.info("channels.export.regenerated");
        } catch (SejourException e) {
            Faces.show("channels", e);
        }
    }

    public void addFeed() {
        try {
            feedService.add(currentUser.accountId(), accommodationId, feedName, feedUrl);
            feedName = null;
            feedUrl = null;
            Faces.info("channels.feed.added");
        } catch (SejourException e) {
            Faces.show("feed", e);
        }
        refresh();
    }

    public void syncNow(long feedId) {
        try {
            FeedStatusView status = feedService.syncNow(currentUser.accountId(), feedId);
            Faces.info("channels.feed.synced." + status.status(), status.name());
        } catch (SejourException e) {
            Faces.show("channels", e);
        }
        refresh();
    }

    public void removeFeed(long feedId) {
        try {
            feedService.remove(currentUser.accountId(), feedId);
            Faces.info("channels.feed.removed");
        } catch (SejourException e) {
            Faces.show("channels", e);
        }
        refresh();
    }

    /** A sync time as the owner reads it: day and minute, in the accommodations' time zone. */
    public String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(BusinessCalendar.ZONE));
    }

    /** The feed's last problem in the owner's language; what happened in detail is in the server log only. */
    public String problem(FeedStatusView feed) {
        FeedProblem problem = feed.problem();
        if (problem == null) {
            return "";
        }
        return switch (problem.kind()) {
            case HELD -> Faces.text("channels.problem.HELD", problem.arguments().toArray());
            case EVENTS_REFUSED -> problem.refusedEvents().isEmpty()
                    ? Faces.text("channels.problem.EVENTS_REFUSED.unnamed", feed.rejectedCount())
                    : Faces.text("channels.problem.EVENTS_REFUSED", feed.rejectedCount(), problem.refusedEvents()
                    .stream().map(ChannelsPage::refused).collect(Collectors.joining("; ")));
            default -> Faces.text("channels.problem." + problem.kind());
        };
    }

    private static String refused(RefusedEvent event) {
        String reason = Faces.text("channels.refused." + event.reason());
        return event.uid() == null ? reason : event.uid() + " (" + reason + ")";
    }

    public String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    public String accommodationName(long id) {
        return accommodationNames.getOrDefault(id, "");
    }

    private static String absolute(String token) {
        ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) context.getRequest();
        String base = request.getRequestURL().toString();
        String root = base.substring(0, base.indexOf(request.getRequestURI()));
        return root + request.getContextPath() + "/ical/" + token + ".ics";
    }

    public List<SelectItem> getAccommodations() {
        return accommodationNames.entrySet().stream().map(e -> new SelectItem(e.getKey(), e.getValue())).toList();
    }

    public Long getAccommodationId() { return accommodationId; }
    public void setAccommodationId(Long accommodationId) { this.accommodationId = accommodationId; }
    public String getExportUrl() { return exportUrl; }
    public List<String> getUnitUrls() { return unitUrls; }
    public List<FeedStatusView> getFeeds() { return feeds; }
    public List<ChannelConflict> getConflicts() { return conflicts; }
    public String getFeedName() { return feedName; }
    public void setFeedName(String feedName) { this.feedName = feedName; }
    public String getFeedUrl() { return feedUrl; }
    public void setFeedUrl(String feedUrl) { this.feedUrl = feedUrl; }
}
