-- Administrators of the admin API (not SCIM clients). Passwords are PBKDF2 hashes (Jakarta Security's
-- Pbkdf2PasswordHash format); ROSTER_ADMIN_PASSWORD creates or resets the user 'admin' at start-up.
create sequence admin_user_seq start with 50 increment by 50;
create table admin_user (
    pk                   bigint        not null primary key,
    name                 varchar(200)  not null,
    password_hash        varchar(512)  not null,
    created_at           timestamp(3)  not null,
    password_changed_at  timestamp(3)  not null,
    constraint ux_admin_user_name unique (name)
);

-- When a token was last accepted; written in batches every few seconds, never once per request.
alter table api_token add column last_used_at timestamp(3);

-- Optional per-account rate limit; null means the configured defaults (roster.rate-limit.*).
alter table service_account add column rate_limit_per_second integer;
alter table service_account add column rate_limit_burst integer;

-- Every SCIM request: who, what, outcome. Never bodies, credentials or headers other than the User-Agent.
-- No foreign keys: entries outlive the service accounts they name. Written asynchronously in batches.
create sequence provisioning_log_seq start with 50 increment by 50;
create table provisioning_log (
    pk               bigint         not null primary key,
    logged_at        timestamp(3)   not null,
    realm_id         varchar(64)    not null,
    service_account  varchar(200),
    method           varchar(16)    not null,
    path             varchar(1000)  not null,
    resource_type    varchar(64),
    resource_id      varchar(256),
    filter           varchar(1000),
    status           integer        not null,
    scim_type        varchar(32),
    duration_ms      integer        not null,
    user_agent       varchar(300)
);
-- Newest first within a realm (the admin API's listing and its paging), and the time-based clean-up.
create index ix_provisioning_log_time on provisioning_log (realm_id, logged_at, pk);
create index ix_provisioning_log_account on provisioning_log (realm_id, service_account, logged_at);
create index ix_provisioning_log_resource on provisioning_log (realm_id, resource_id);
create index ix_provisioning_log_age on provisioning_log (logged_at, pk);
