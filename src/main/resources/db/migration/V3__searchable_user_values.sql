-- Every searchable value of a user, one row per value, so that any attribute (core, enterprise or custom
-- extension) can be filtered and sorted in SQL. Written from the user's document on every write; userName,
-- externalId, displayName and active stay in scim_user's own indexed columns.
--   path         lower-case attribute path: 'title', 'name.familyname', 'emails.value', 'urn:…:user:department'
--   element      which element of a multi-valued attribute the value belongs to (0 otherwise)
--   text_*       strings: as stored, lower-cased, and the lower-cased first 200 characters (indexed)
-- A row with no value marks a complex value or an element of a multi-valued complex attribute: value filters
-- such as emails[type eq "work" and value co "@x"] start from it so all conditions hold for one element.
create table scim_user_value (
    user_pk       bigint        not null references scim_user (pk) on delete cascade,
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
-- No primary key: EclipseLink rewrites a changed list by shifting positions row by row, which would collide
-- with a unique (user_pk, position) in the middle of a statement sequence; the rows are identified by
-- (user_pk, position) all the same.
create index ix_scim_user_value_text on scim_user_value (path, text_prefix);
create index ix_scim_user_value_number on scim_user_value (path, number_value);
create index ix_scim_user_value_time on scim_user_value (path, time_value);
create index ix_scim_user_value_owner on scim_user_value (user_pk, path, element);

-- Emails are searchable through scim_user_value now.
drop table scim_user_email;
