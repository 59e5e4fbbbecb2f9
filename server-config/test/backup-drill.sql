-- The backup drill's data (backup-drill.sh), written through Séjour's own schema and its rules:
-- two owner accounts with their users, accommodations with photos and a description long
-- enough to be stored out of line (TOAST), 3,000 dossiers with parties and payments, and a
-- receipt issued for one payment (its number drawn from the account's counter, as the
-- receipts' triggers demand).

insert into account (account_number, company_name, first_name, last_name, email)
select nextval('account_number_seq'), 'Gîtes du Drill ' || n, 'Claude', 'Drill' || n, 'drill' || n || '@example.test'
from generate_series(1, 2) n;

insert into app_user (login, password_hash, role, account_id)
select email, 'pbkdf2-sha256$600000$drill$' || md5(email), 'OWNER', id from account;
insert into app_user (login, password_hash, role) values ('operator', 'pbkdf2-sha256$600000$drill$operator', 'OPERATOR');

insert into accommodation (account_id, seq, reference, name, stock_managed, type, classification, address, city,
                           capacity_min, capacity_max, visibility)
select a.id, g, 'DRILL-' || a.account_number || '-' || g, 'Gîte ' || g, false, 'GITE', 'TWO_STARS',
       '1 rue du Banc', 'Annecy', 1, 6, 'BOOKABLE'
from account a cross join generate_series(1, 3) g;
update account set last_accommodation_seq = 3;

-- 13 KB of text that does not compress: stored in the TOAST table
insert into accommodation_description (accommodation_id, lang, text)
select id, 'fr', (select string_agg(md5(id || '-' || i), ' ') from generate_series(1, 400) i) from accommodation;

insert into accommodation_photo (accommodation_id, position, storage_key, width, height, size_bytes, original_name)
select id, p, md5('drill-photo-' || id || '-' || p), 1600, 1067, 150000, 'photo-' || p || '.jpg'
from accommodation cross join generate_series(0, 1) p;

insert into dossier (account_id, number, status, accommodation_id, arrival, departure, guest_first_name, guest_last_name,
                     guest_email, guest_phone, origin, total, deposit_amount, created_by, created_at)
select a.account_id, n, case when n % 10 = 0 then 'CANCELLED' when n % 3 = 0 then 'CONFIRMED' else 'OPTION' end,
       a.id, date '2026-01-03' + (n / 3) * 7, date '2026-01-03' + (n / 3) * 7 + 7, 'Claude', 'Hôte ' || n,
       'guest' || n || '@example.test', '+33 6 00 00 00 00', 'PHONE', 700 + n % 300, 210, 'drill',
       timestamptz '2025-06-01 09:00+02' + n * interval '7 minutes'
from generate_series(1, 1500) n
join accommodation a on a.seq = 1 + n % 3
join account o on o.id = a.account_id;

-- each dossier's one stay, which its persons name (V36)
insert into dossier_stay (dossier_id, position, accommodation_id)
select id, 0, accommodation_id from dossier;

insert into dossier_party (dossier_id, label, persons, taxable)
select id, 'Adulte', 2, true from dossier;

insert into payment (dossier_id, kind, paid_on, amount, method, reference, recorded_by)
select id, 'DEPOSIT', arrival - 30, 210, 'transfer', 'VIR-' || number, 'drill' from dossier where number % 3 = 0;

-- receipt n° 1 of the first account, for the deposit of its dossier 3
insert into invoice_counter (account_id, last_number)
select min(id), 1 from account;

insert into invoice (account_id, number, dossier_id, payment_id, issued_at, issued_on, language, seller_name,
                     seller_details, buyer_name, buyer_details, dossier_number, accommodation_name, arrival, departure,
                     payment_kind, paid_on, payment_amount, payment_method, payment_reference, total, paid_to_date, balance)
select d.account_id, 1, d.id, p.id, timestamptz '2025-12-01 10:15+01', date '2025-12-01', 'fr', o.company_name,
       '1 rue du Banc, 74000 Annecy', d.guest_first_name || ' ' || d.guest_last_name, d.guest_email, d.number, a.name,
       d.arrival, d.departure, p.kind, p.paid_on, p.amount, p.method, p.reference, d.total, p.amount, d.total - p.amount
from dossier d
join payment p on p.dossier_id = d.id
join accommodation a on a.id = d.accommodation_id
join account o on o.id = d.account_id
where d.account_id = (select min(id) from account) and d.number = 3;

insert into invoice_line (invoice_id, position, label, quantity, amount, struck_out, detail)
select i.id, l.position, l.label, 1, l.amount, null, false
from invoice i
cross join (values (0, 'Séjour 7 nuits', 703.00), (1, 'Taxe de séjour', 0.00)) l(position, label, amount);

-- the photos' files are written by the drill: it reads their names here
select a.account_id, p.storage_key from accommodation_photo p join accommodation a on a.id = p.accommodation_id;
