package org.sejour.interfaces.guest.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.sejour.application.AccommodationService;
import org.sejour.application.AccountService;
import org.sejour.domain.model.account.Account;
import org.sejour.domain.model.account.AccountMode;
import org.sejour.domain.model.accommodation.Accommodation;
import org.sejour.domain.model.accommodation.Visibility;
import org.sejour.domain.model.shared.Language;
import org.sejour.interfaces.security.CurrentUser;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The "get the code" screen: the owner picks a widget, its accommodations and language, and
 * copies the two lines to paste into the website; the preview runs those very lines.
 */
@Named
@ViewScoped
public class WidgetCode implements Serializable {

    private static final long serialVersionUID = 1L;

    public enum Kind { SEARCH, CALENDAR, LINK }

    @Inject
    CurrentUser currentUser;
    @EJB
    AccountService accounts;
    @EJB
    AccommodationService accommodationService;

    private int accountNumber;
    private boolean production;
    private String website;
    private List<SelectItem> accommodations = List.of();
    private Kind kind = Kind.SEARCH;
    private List<Long> chosen = new ArrayList<>();
    private String language = Language.FR.code();
    private String server;

    @PostConstruct
    void load() {
        Account account = accounts.account(currentUser.accountId());
        accountNumber = account.number();
        production = account.mode() == AccountMode.PRODUCTION;
        website = account.contact().map(c -> c.website()).orElse(null);
        accommodations = accommodationService.list(currentUser.accountId()).stream()
                .filter(a -> a.visibility() == Visibility.BOOKABLE)
                .map(a -> new SelectItem(a.id(), a.name())).toList();
        accommodations.stream().findFirst().ifPresent(first -> chosen.add((Long) first.getValue()));
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest();
        String url = request.getRequestURL().toString();
        server = url.substring(0, url.indexOf(request.getRequestURI())) + request.getContextPath();
    }

    /** The two lines the owner pastes: a placeholder and the script, which finds it. */
    public String getSnippet() {
        StringBuilder div = new StringBuilder("<div data-sejour-widget=\"").append(kind.name().toLowerCase())
                .append("\" data-account=\"").append(accountNumber).append('"');
        if (kind == Kind.CALENDAR && !chosen.isEmpty()) {
            div.append(" data-accommodation=\"")
                    .append(chosen.stream().map(String::valueOf).collect(Collectors.joining(","))).append('"');
        }
        div.append(" data-lang=\"").append(language).append("\"></div>\n");
        return div + "<script src=\"" + server + "/widget/sejour-widget.js\" async></script>";
    }

    /** The preview page: the snippet alone, as the owner's site would hold it. */
    public String getPreview() {
        return "<!doctype html><html lang=\"" + language + "\"><head><meta charset=\"utf-8\"></head>"
                + "<body style=\"margin:8px\">" + getSnippet() + "</body></html>";
    }

    public List<SelectItem> getKinds() {
        return Arrays.stream(Kind.values()).map(k -> new SelectItem(k, k.name())).toList();
    }

    public List<SelectItem> getLanguages() {
        return Arrays.stream(Language.values()).map(l -> new SelectItem(l.code(), l.code().toUpperCase())).toList();
    }

    public boolean isCalendar() { return kind == Kind.CALENDAR; }
    public boolean isProduction() { return production; }
    public String getWebsite() { return website; }
    public int getAccountNumber() { return accountNumber; }
    public List<SelectItem> getAccommodations() { return accommodations; }
    public Kind getKind() { return kind; }
    public void setKind(Kind kind) { this.kind = kind == null ? Kind.SEARCH : kind; }
    public List<Long> getChosen() { return chosen; }
    public void setChosen(List<Long> chosen) { this.chosen = chosen == null ? new ArrayList<>() : new ArrayList<>(chosen); }
    public String getLanguage() { return language; }
    public void setLanguage(String language) {
        this.language = Language.fromCode(language).map(Language::code).orElse(Language.FR.code());
    }
}
