-- Dossier numbers come from one sequence per account instead of the account row's counter.
-- Taking "last_dossier_number + 1" locked the account row until the booking committed, so an
-- account's bookings were written one after the other (the benchmark's ceiling). A sequence
-- hands out numbers without a lock. It is not transactional: a booking that rolls back leaves
-- a gap, which dossier numbers may have (invoice numbers may not, and do not use this).

create function create_dossier_number_sequence() returns trigger language plpgsql as $$
begin
    execute format('create sequence dossier_number_%s', new.id);
    return null;
end
$$;

create function drop_dossier_number_sequence() returns trigger language plpgsql as $$
begin
    execute format('drop sequence if exists dossier_number_%s', old.id);
    return null;
end
$$;

do $$
declare
    a record;
begin
    for a in select id, last_dossier_number from account loop
        execute format('create sequence dossier_number_%s start with %s', a.id, a.last_dossier_number + 1);
    end loop;
end
$$;

create trigger account_dossier_numbers after insert on account
    for each row execute function create_dossier_number_sequence();
create trigger account_dossier_numbers_gone after delete on account
    for each row execute function drop_dossier_number_sequence();

-- the counter it replaces, so that nothing reads a number that no longer moves
alter table account drop column last_dossier_number;
