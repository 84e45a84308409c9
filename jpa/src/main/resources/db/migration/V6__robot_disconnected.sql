-- A robot that said OFFLINE, or whose last will (CONNECTIONBROKEN) the broker published, stays offline
-- until its next ONLINE: state messages it sent before may still be taken up after the connection message.
alter table robot add column disconnected boolean not null default false;
