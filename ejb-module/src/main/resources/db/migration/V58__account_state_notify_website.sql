-- The account's kept state (AccountStates) now holds the owner's website too: the API answers
-- the CORS headers of the owner's own pages from it, without reading the account at each
-- request. A change of the website must reach every server as the versions' changes do (V54).
drop trigger account_state_notify on account;
create trigger account_state_notify after update on account
    for each row
    when (old.mode is distinct from new.mode or old.catalog_version is distinct from new.catalog_version
          or old.account_number is distinct from new.account_number or old.website is distinct from new.website)
    execute function account_state_notify();
