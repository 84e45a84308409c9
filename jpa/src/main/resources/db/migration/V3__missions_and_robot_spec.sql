-- Robots: the rest of Isaac Mission Dispatch's spec and status.
alter table robot
    add column labels                      text not null default '[]',
    add column battery_critical_level      double precision not null default 10,
    add column battery_recommended_minimum double precision,
    add column battery_recommended_maximum double precision,
    add column heartbeat_timeout_seconds   double precision not null default 30 check (heartbeat_timeout_seconds > 0),
    add column switch_teleop               boolean not null default false,
    add column charging                    boolean not null default false,
    add column position_initialized        boolean not null default false,
    add column manual_mode                 boolean not null default false,
    add column on_task                     boolean not null default false,
    add column software_os                 text,
    add column software_app                text,
    add column hardware_manufacturer       text,
    add column hardware_serial_number      text,
    add column agv_class                   text,
    add column speed_max                   double precision,
    add column robot_type                  text,
    add column factsheet                   text,
    add column info_messages               text not null default '{}',
    add column errors                      text not null default '{}',
    add column last_seen                   timestamptz,
    add column publisher_id                text;

create index robot_online_idle on robot (online, on_task) where lifecycle = 'ALIVE';

-- Missions: the tree as submitted (JSON), its progress, and the order the robot is working on.
create sequence mission_queue_position;

create table mission (
    name              text primary key,
    robot             text,
    tree              text not null,
    timeout_seconds   double precision not null check (timeout_seconds > 0),
    deadline          timestamptz,
    needs_canceled    boolean not null default false,
    state             text not null,
    current_node      integer not null default 0,
    node_status       text not null,
    task_status       text not null default '{}',
    start_timestamp   timestamptz,
    end_timestamp     timestamptz,
    failure_reason    text,
    failure_category  text,
    lifecycle         text not null default 'ALIVE',
    created_at        timestamptz not null,
    -- FIFO order of a robot's queue, from mission_queue_position: concurrent submissions never tie
    queue_position    bigint not null,
    order_id          text,
    order_update_id   bigint,
    order_leaf        integer,
    order_message     bytea,
    publisher_id      text,
    version           bigint not null default 0
);

create index mission_queue on mission (robot, queue_position) where state = 'PENDING';
create index mission_running on mission (robot) where state = 'RUNNING';
create index mission_unassigned on mission (queue_position) where state = 'PENDING' and robot is null;
create index mission_started on mission (start_timestamp);
