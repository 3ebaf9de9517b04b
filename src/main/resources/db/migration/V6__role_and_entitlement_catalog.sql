-- Per-realm catalogs of the roles and entitlements an application knows (Okta Identity Governance discovers them
-- through /ResourceTypes and reads them from /Roles and /Entitlements/{type}). When a realm's catalog is not
-- empty, users may only carry its values. At most one role per realm is the default, given to users created
-- without a role.
create table realm_role (
    realm_id     varchar(64)   not null references realm (id),
    id           varchar(200)  not null,
    display_name varchar(1024) not null,
    description  varchar(1000),
    is_default   boolean       not null,
    created_at   timestamp(3)  not null,
    primary key (realm_id, id)
);

create table realm_entitlement (
    realm_id     varchar(64)   not null references realm (id),
    type         varchar(64)   not null,
    id           varchar(200)  not null,
    display_name varchar(1024) not null,
    description  varchar(1000),
    created_at   timestamp(3)  not null,
    primary key (realm_id, type, id)
);
