-- Realms isolate directories; 'default' is served at /scim/v2.
create table realm (
    id          varchar(64)  not null primary key,
    created_at  timestamp    not null
);
insert into realm (id, created_at) values ('default', current_timestamp);

-- Keys come from sequences that hand out blocks of 50, so inserts need no extra round trip.
create sequence scim_user_seq start with 50 increment by 50;
create sequence service_account_seq start with 50 increment by 50;
create sequence api_token_seq start with 50 increment by 50;

-- A SCIM user. The document column holds the user's SCIM attributes exactly as accepted (JSON); the other
-- columns are derived from it on every write so that lookups are index-backed.
create table scim_user (
    pk              bigint        not null primary key,
    id              varchar(36)   not null,
    realm_id        varchar(64)   not null references realm (id),
    user_name       varchar(1024) not null,
    user_name_key   varchar(1024) not null,
    external_id     varchar(1024),
    display_name    varchar(1024),
    active          boolean       not null,
    password_hash   varchar(512),
    document        ${document_type} not null,
    created_at      timestamp(3)  not null,
    last_modified   timestamp(3)  not null,
    version         bigint        not null,
    constraint ux_scim_user_id unique (id)
);
-- userName is unique per realm, case-insensitively (RFC 7643 §4.1: caseExact false, uniqueness server).
create unique index ux_scim_user_name on scim_user (realm_id, user_name_key);
create index ix_scim_user_external_id on scim_user (realm_id, external_id);

-- The emails of a user, lower-cased, for emails[type eq "work"].value eq "…" lookups.
create table scim_user_email (
    user_pk     bigint        not null references scim_user (pk) on delete cascade,
    position    integer       not null,
    value_key   varchar(1024),
    type_key    varchar(1024),
    primary key (user_pk, position)
);
create index ix_scim_user_email_value on scim_user_email (value_key);

-- Service accounts authenticate provisioning clients; their tokens are stored only as SHA-256 hashes.
create table service_account (
    pk          bigint        not null primary key,
    id          varchar(36)  not null,
    realm_id    varchar(64)  not null references realm (id),
    name        varchar(200) not null,
    scopes      varchar(200) not null,
    created_at  timestamp(3) not null,
    constraint ux_service_account_id unique (id),
    constraint ux_service_account_name unique (realm_id, name)
);

create table api_token (
    pk          bigint        not null primary key,
    id          varchar(36)  not null,
    account_pk  bigint       not null references service_account (pk) on delete cascade,
    token_hash  varchar(64)  not null,
    created_at  timestamp(3) not null,
    expires_at  timestamp(3),
    revoked_at  timestamp(3),
    constraint ux_api_token_id unique (id),
    constraint ux_api_token_hash unique (token_hash)
);
