package org.sejour.interfaces.site.web;

import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewDeclarationLanguage;
import jakarta.faces.view.ViewDeclarationLanguageFactory;
import jakarta.faces.view.ViewDeclarationLanguageWrapper;

/**
 * Makes the guest side's views and the error page transient (saved nowhere) from the moment
 * they are created. With server-side state saving a view keeps its state in an HTTP session, and
 * a guest reading the site must not open one (docs/booking-site.md). {@code <f:view transient>}
 * would come too late: PrimeFaces asks for the view map, to keep the page's script nonce there,
 * before the page is built, and that view map alone opens the session. Done where views are
 * created, so a stateless view is created transient again when its form is posted back. The
 * booking form is the one guest page that keeps its state between requests.
 */
public class StatelessViews extends ViewDeclarationLanguageFactory {

    private static final String STATEFUL_GUEST_VIEW = "/guest/book.xhtml";

    public StatelessViews(ViewDeclarationLanguageFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ViewDeclarationLanguage getViewDeclarationLanguage(String viewId) {
        ViewDeclarationLanguage language = getWrapped().getViewDeclarationLanguage(viewId);
        return isStateless(viewId) ? new Transient(language) : language;
    }

    static boolean isStateless(String viewId) {
        return viewId != null && (viewId.equals("/error.xhtml")
                || viewId.startsWith("/guest/") && !viewId.equals(STATEFUL_GUEST_VIEW));
    }

    private static final class Transient extends ViewDeclarationLanguageWrapper {

        Transient(ViewDeclarationLanguage wrapped) {
            super(wrapped);
        }

        @Override
        public UIViewRoot createView(FacesContext context, String viewId) {
            UIViewRoot root = super.createView(context, viewId);
            if (root != null) {
                root.setTransient(true);
            }
            return root;
        }
    }
}
