-- The translated texts added by V8 belong to what prices and describes a stay (a code's public
-- label shows on the quote, the terms on the booking): they change the catalog version too.
create trigger promo_code_label_catalog_changed after insert or update or delete on promo_code_label
    for each row execute function catalog_changed('promo_code_id');
create trigger sales_terms_text_catalog_changed after insert or update or delete on sales_terms_text
    for each row execute function catalog_changed('account_id');
