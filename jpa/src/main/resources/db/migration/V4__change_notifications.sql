-- Every insert, update and delete of a robot or a mission is announced on the channel
-- fleetdispatch_change, so that every server instance's watch streams see every instance's changes.
--
-- The payload names the object, never holds it: NOTIFY payloads are limited to 8000 bytes, and the
-- listener loads the object once per change for all of its watchers anyway. It is JSON:
--   {"kind": "robot" | "mission", "name": ..., "operation": "INSERT" | "UPDATE" | "DELETE",
--    "publisher_id": the API caller that made the change, or null}
--
-- publisher_id comes from the transaction-local setting fleetdispatch.publisher_id, which the API sets
-- (set_config(..., true)) in the transaction of a write made with ?publisher_id=. It is not read from
-- the row's publisher_id column: that column keeps the last API writer, while the change announced
-- here may be the dispatcher's, made in a transaction of its own, which every watcher must see.
create function fleetdispatch_announce_change() returns trigger
    language plpgsql as $$
declare
    changed_name text := case when tg_op = 'DELETE' then old.name else new.name end;
    publisher    text := nullif(current_setting('fleetdispatch.publisher_id', true), '');
    payload      text;
begin
    payload := json_build_object('kind', tg_table_name, 'name', changed_name, 'operation', tg_op,
                                 'publisher_id', publisher)::text;
    if octet_length(payload) > 7900 then
        -- A name or publisher id too long for NOTIFY (the API refuses such names; SQL written by hand
        -- might not) must not fail the write: announce the kind only, and the listener says so in its log.
        payload := json_build_object('kind', tg_table_name, 'name', null, 'operation', tg_op,
                                     'publisher_id', null)::text;
    end if;
    perform pg_notify('fleetdispatch_change', payload);
    return null;
end;
$$;

create trigger robot_announce_change
    after insert or update or delete on robot
    for each row execute function fleetdispatch_announce_change();

create trigger mission_announce_change
    after insert or update or delete on mission
    for each row execute function fleetdispatch_announce_change();
