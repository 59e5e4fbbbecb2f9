package org.sejour.application.audit;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What the audit trail's page filters by: each kind of object an owner thinks of, with its tables (V52). */
public enum AuditSubject {
    DOSSIERS("dossier", "dossier_stay", "dossier_line", "dossier_party", "pre_arrival_form"),
    PAYMENTS("payment", "deposit_hold"),
    RATES("rate", "rate_period"),
    STOCK("night_stock"),
    BANS("sales_ban"),
    PROMOTIONS("promotion", "promotion_period", "promotion_accommodation", "promotion_label"),
    CODES("promo_code", "promo_code_period", "promo_code_accommodation", "promo_code_label"),
    SUPPLEMENTS("supplement", "supplement_period", "supplement_accommodation", "supplement_text"),
    ACCOMMODATIONS("accommodation", "tourist_tax"),
    SETTINGS("account", "age_range", "sales_terms", "sales_terms_text", "deposit_rule", "cancellation_rule",
            "contract_settings", "contract_text", "mail_settings", "mail_text", "mail_language", "receipt_settings",
            "reminder_settings", "message_rule", "message_rule_text", "stripe_account"),
    STAFF("app_user"),
    PRIVACY("privacy_action");

    private final List<String> tables;

    AuditSubject(String... tables) {
        this.tables = List.of(tables);
    }

    public List<String> tables() {
        return tables;
    }

    public static Optional<AuditSubject> ofTable(String table) {
        return Arrays.stream(values()).filter(s -> s.tables.contains(table)).findFirst();
    }
}
