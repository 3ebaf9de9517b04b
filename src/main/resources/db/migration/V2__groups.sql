-- Groups (RFC 7643 §4.2). Keys come from a sequence handing out blocks of 50, like scim_user's.
create sequence scim_group_seq start with 50 increment by 50;

-- A SCIM group without its members. The document column holds the group's SCIM attributes as accepted (JSON);
-- the other columns are derived from it on every write so that lookups are index-backed.
create table scim_group (
    pk                bigint        not null primary key,
    id                varchar(36)   not null,
    realm_id          varchar(64)   not null references realm (id),
    display_name      varchar(1024) not null,
    display_name_key  varchar(1024) not null,
    external_id       varchar(1024),
    document          ${document_type} not null,
    created_at        timestamp(3)  not null,
    last_modified     timestamp(3)  not null,
    version           bigint        not null,
    constraint ux_scim_group_id unique (id)
);
-- displayName is unique per realm, case-insensitively (Entra requires unique group names and matches them in
-- any case); displayName eq filters use this index.
create unique index ux_scim_group_display_name on scim_group (realm_id, display_name_key);
create index ix_scim_group_external_id on scim_group (realm_id, external_id);

-- Memberships, keyed by the internal keys: membership changes are set operations on this table, never a rewrite
-- of a member list. Deleting a user or a group deletes its memberships; nothing else.
create table scim_group_member (
    group_pk  bigint not null references scim_group (pk) on delete cascade,
    user_pk   bigint not null references scim_user (pk) on delete cascade,
    primary key (group_pk, user_pk)
);
-- The groups of a user (the user's groups attribute) and the cascade from scim_user.
create index ix_scim_group_member_user on scim_group_member (user_pk);
