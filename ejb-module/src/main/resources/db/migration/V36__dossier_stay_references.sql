-- The persons and the price lines of a dossier name their stay by its position (V35); the database
-- now guarantees that the stay they name exists, so no line or person can outlive the accommodation
-- a change removed, whatever code writes them. A line of the whole dossier (an adjustment, the
-- cancellation) names none: a null stay_position is not checked.

-- A dossier written without the JPA model after V35 (scripts, imports by SQL) may have no stay at
-- all: its first stay is its accommodation, as V35 filled them in.
insert into dossier_stay (dossier_id, position, accommodation_id)
select d.id, 0, d.accommodation_id from dossier d
 where not exists (select 1 from dossier_stay s where s.dossier_id = d.id);

-- Checked at commit, not per statement: JPA writes a dossier's persons and lines with the dossier
-- and its stays as entities of their own, in an order of its choosing (the stays after the lines
-- for a new booking; a stay a change removes before the lines that named it are rewritten). A
-- transaction that ends with a line or person naming a missing stay is refused as a whole.
alter table dossier_line
    add constraint dossier_line_stay_fkey foreign key (dossier_id, stay_position)
        references dossier_stay (dossier_id, position) deferrable initially deferred;
alter table dossier_party
    add constraint dossier_party_stay_fkey foreign key (dossier_id, stay_position)
        references dossier_stay (dossier_id, position) deferrable initially deferred;
