-- Robots: identity and spec from the API, status from the robot's VDA 5050 messages.
create table robot (
    name              text primary key,
    manufacturer      text not null,
    interface_name    text not null,
    online            boolean not null default false,
    battery_level     double precision not null default 0 check (battery_level between 0 and 100),
    pose_x            double precision not null default 0,
    pose_y            double precision not null default 0,
    pose_theta        double precision not null default 0,
    pose_map_id       text not null default '',
    state             text not null default 'IDLE',
    lifecycle         text not null default 'ALIVE',
    created_at        timestamptz not null,
    status_updated_at timestamptz,
    version           bigint not null default 0
);
