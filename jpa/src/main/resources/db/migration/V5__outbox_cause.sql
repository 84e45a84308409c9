-- When the input that caused a message arrived (the robot state that finished a node), so that the relay
-- can measure the dispatcher's own latency from that input to the next order on the wire.
alter table outbox_message add column caused_at timestamptz;
