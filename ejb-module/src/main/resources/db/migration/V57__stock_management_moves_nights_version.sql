-- Whether an accommodation manages its stock decides what a night without a stock row holds (one
-- unit, or none), so searches read it with the nights (KeptNights keeps them under the
-- accommodation's nights version, V56): switching it moves that version too. A plain trigger, not
-- a deferred one: the switch is the owner's edit of the accommodation, and no booking locks this
-- version's row while waiting on the accommodation's.
create function accommodation_stock_switched() returns trigger language plpgsql as $$
begin
    insert into accommodation_nights (accommodation_id) values (new.id)
        on conflict (accommodation_id) do update set version = gen_random_uuid();
    return null;
end
$$;

create trigger accommodation_stock_switched after update of stock_managed on accommodation
    for each row when (old.stock_managed is distinct from new.stock_managed)
    execute function accommodation_stock_switched();
