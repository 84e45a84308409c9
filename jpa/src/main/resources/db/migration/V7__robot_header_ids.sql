-- The last VDA 5050 headerId sent on each topic the server publishes to a robot (null: none yet), kept in the
-- robot's row: every transaction that sends a robot a message holds its row and writes it anyway, so counting
-- there costs no statement of its own (the counter table cost one round trip per order and instant action).
alter table robot
    add column last_order_header_id           bigint check (last_order_header_id between 0 and 4294967295),
    add column last_instant_actions_header_id bigint check (last_instant_actions_header_id between 0 and 4294967295);

update robot r set last_order_header_id = c.last_header_id
    from vda5050_header_counter c where c.robot_name = r.name and c.topic = 'order';
update robot r set last_instant_actions_header_id = c.last_header_id
    from vda5050_header_counter c where c.robot_name = r.name and c.topic = 'instantActions';
delete from vda5050_header_counter c using robot r where c.robot_name = r.name;

-- From now on the counter table holds the counts of deleted robots only: a robot registered again under the same
-- name counts on from them (headerIds are never reused, VDA 5050 6.4).
comment on table vda5050_header_counter is
    'Last VDA 5050 headerId per topic of deleted robots; a robot registered again under the same name counts on from it.';
