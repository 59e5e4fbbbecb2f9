-- Hosts keep the individual police forms six months (CESEDA R814-3), then they must go: the
-- nightly erasure empties a foreign guest's police fields six months after the stay and notes
-- the day. The names, ages and nationality of the party stay with the dossier.
alter table pre_arrival_person add column police_erased_on date;

alter table pre_arrival_person drop constraint pre_arrival_person_police_form;
alter table pre_arrival_person add constraint pre_arrival_person_police_form check (
    case when police_erased_on is not null
         then birth_date is null and birth_place is null and home_address is null
              and phone is null and email is null
         when nationality <> 'FR' and age >= 15
         then birth_date is not null and birth_place is not null and home_address is not null
              and phone is not null and email is not null
         else birth_date is null and birth_place is null and home_address is null
              and phone is null and email is null end);
