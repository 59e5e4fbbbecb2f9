package org.sejour.interfaces.backoffice.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.dossier.DossierQueries;
import org.sejour.interfaces.security.CurrentUser;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The header's search box, "N° dossier / nom client" as in the tutorial: a dossier's number opens
 * that dossier, anything else the dossier list searched by guest (and a number no dossier has,
 * the list searched by that number, which says none).
 */
@Named
@RequestScoped
public class HeaderSearch {

    private static final int MAX_QUERY = 120;

    @Inject
    CurrentUser currentUser;
    @EJB
    DossierQueries queries;

    private String query;

    public void go() {
        String typed = query == null ? "" : query.strip();
        if (typed.isEmpty()) {
            Faces.redirect("/app/dossiers.xhtml");
            return;
        }
        if (typed.length() > MAX_QUERY) {
            typed = typed.substring(0, MAX_QUERY);
        }
        Optional<Long> dossier = typed.matches("\\d{1,9}")
                ? queries.idOfNumber(currentUser.accountId(), Integer.parseInt(typed)) : Optional.empty();
        if (dossier.isPresent()) {
            Faces.redirect("/app/dossier.xhtml?id=" + dossier.get());
        } else {
            Faces.redirect("/app/dossiers.xhtml?q=" + URLEncoder.encode(typed, StandardCharsets.UTF_8));
        }
    }

    public String getQuery() { return query; }
    public void setQuery(String query) { this.query = query; }
}
