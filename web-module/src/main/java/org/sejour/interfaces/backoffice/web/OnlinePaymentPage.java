package org.sejour.interfaces.backoffice.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.sejour.application.payment.OnlinePaymentSettings;
import org.sejour.application.payment.StripeReconciliation;
import org.sejour.domain.model.payment.PaymentDifference;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.interfaces.security.CurrentUser;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.List;

/**
 * "Paiement en ligne": the owner connects their own Stripe account. The secrets typed here are
 * sent to the service and forgotten: the fields are emptied after each save, and what the page
 * shows again is the account's name and the hints of the secrets.
 */
@Named
@ViewScoped
public class OnlinePaymentPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentUser currentUser;
    @EJB
    OnlinePaymentSettings settings;
    @EJB
    StripeReconciliation reconciliation;

    private OnlinePaymentSettings.View view;
    private List<PaymentDifference> differences;
    private String secretKey;
    private String webhookSecret;
    private BigDecimal holdAmount;
    private int holdDays;

    @PostConstruct
    void load() {
        show(settings.view(currentUser.accountId()));
        differences = reconciliation.differencesOf(currentUser.accountId());
    }

    private void show(OnlinePaymentSettings.View shown) {
        view = shown;
        holdAmount = shown.holdAmount().map(Money::amount).orElse(null);
        holdDays = shown.holdDaysBefore();
    }

    /** The security deposit held on the guest's card before arrival; an empty amount asks for none. */
    public void saveHolds() {
        try {
            show(settings.askHolds(currentUser.accountId(), Optional.ofNullable(holdAmount)
                    .filter(a -> a.signum() != 0).map(Money::of), holdDays));
            Faces.info(view.holdAmount().isPresent() ? "hold.terms.saved" : "hold.terms.none");
        } catch (SejourException e) {
            Faces.show("holds", e);
        }
    }

    public void connect() {
        try {
            show(settings.connect(currentUser.accountId(), secretKey, webhookSecret));
            Faces.info("onlinePayment.connected", view.displayName());
        } catch (SejourException e) {
            Faces.show("onlinePayment", e);
        } finally {
            secretKey = null;
            webhookSecret = null;
        }
    }

    /** Disconnects Stripe, once the cautions still held on guests' cards are released. */
    public void disconnect() {
        try {
            show(settings.disconnect(currentUser.accountId(), currentUser.get().login()));
            Faces.info("onlinePayment.disconnected");
        } catch (SejourException e) {
            Faces.show("onlinePayment", e);
        }
    }

    /** The address to give Stripe for this owner's webhook endpoint. */
    public String getWebhookUrl() {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        String port = request.getServerPort() == 80 && "http".equals(request.getScheme())
                || request.getServerPort() == 443 && "https".equals(request.getScheme()) ? "" : ":" + request.getServerPort();
        return request.getScheme() + "://" + request.getServerName() + port + request.getContextPath()
                + "/webhooks/stripe/" + view.accountNumber();
    }

    public OnlinePaymentSettings.View getView() { return view; }
    /** What last night's comparison with Stripe found different. */
    public List<PaymentDifference> getDifferences() { return differences; }

    public String amount(Optional<Money> amount) {
        return amount.map(a -> Formats.money(a, Formats.viewLocale())).orElse("—");
    }
    public String getSecretKey() { return secretKey; }
    public void setSecretKey(String secretKey) { this.secretKey = secretKey; }
    public String getWebhookSecret() { return webhookSecret; }
    public BigDecimal getHoldAmount() { return holdAmount; }
    public void setHoldAmount(BigDecimal holdAmount) { this.holdAmount = holdAmount; }
    public int getHoldDays() { return holdDays; }
    public void setHoldDays(int holdDays) { this.holdDays = holdDays; }
    public void setWebhookSecret(String webhookSecret) { this.webhookSecret = webhookSecret; }
}
