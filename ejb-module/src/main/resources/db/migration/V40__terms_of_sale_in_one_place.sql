-- The terms of sale could be typed in two places: the sales terms page (what guests read on the
-- booking site) and the contract settings (what the contract printed), and the owner could not
-- tell which one guests see. The contract now prints the sales terms' text and the contract
-- settings show it read-only. An owner who wrote the terms only in the contract settings keeps
-- them: they move to the sales terms (whose text, when there is one, is left as it is).
insert into sales_terms (account_id)
select distinct t.account_id from contract_text t
where t.field = 'TERMS'
  and not exists (select 1 from sales_terms s where s.account_id = t.account_id);

insert into sales_terms_text (account_id, lang, body)
select t.account_id, t.lang, t.text from contract_text t
where t.field = 'TERMS'
  and not exists (select 1 from sales_terms_text s where s.account_id = t.account_id);

delete from contract_text where field = 'TERMS';
