-- Custom extension schemas, per realm (RFC 7643 §3.3, §7): an administrator's definition of the attributes a
-- realm's users or groups carry under the schema's URN. The definition is kept as sent (the RFC 7643 §7 Schema
-- resource), after validation; urn_key is the URN lower-cased (URNs compare case-insensitively, §2.1).
create table realm_schema (
    realm_id       varchar(64)   not null references realm (id),
    urn_key        varchar(160)  not null,
    urn            varchar(160)  not null,
    resource_type  varchar(16)   not null,
    definition     ${long_text_type} not null,
    created_at     timestamp(3)  not null,
    updated_at     timestamp(3)  not null,
    primary key (realm_id, urn_key)
);

-- The searchable values of a group's document, like scim_user_value for users: custom extension attributes of
-- groups are filtered and sorted through them (displayName, externalId and members have their own columns/table).
create table scim_group_value (
    group_pk      bigint        not null references scim_group (pk) on delete cascade,
    position      integer       not null,
    path          varchar(300)  not null,
    element       integer       not null,
    text_value    ${long_text_type},
    text_key      ${long_text_type},
    text_prefix   varchar(200),
    number_value  decimal(38, 10),
    time_value    timestamp(3),
    bool_value    boolean
);
create index ix_scim_group_value_text on scim_group_value (path, text_prefix);
create index ix_scim_group_value_number on scim_group_value (path, number_value);
create index ix_scim_group_value_time on scim_group_value (path, time_value);
create index ix_scim_group_value_owner on scim_group_value (group_pk, path, element);
