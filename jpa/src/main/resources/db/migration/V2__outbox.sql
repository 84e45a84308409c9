-- Messages to publish, written in the transaction that caused them; deleted once published.
create table outbox_message (
    id          bigint generated always as identity primary key,
    topic       text not null,
    payload     bytea not null,
    qos         smallint not null check (qos between 0 and 2),
    retained    boolean not null,
    created_at  timestamptz not null,
    attempts    integer not null default 0,
    last_error  text
);

-- VDA 5050 headerId per robot and topic: increasing, never reused, also across restarts.
create table vda5050_header_counter (
    robot_name      text not null,
    topic           text not null,
    last_header_id  bigint not null,
    primary key (robot_name, topic)
);
