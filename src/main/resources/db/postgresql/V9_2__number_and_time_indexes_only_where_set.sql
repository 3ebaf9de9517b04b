-- PostgreSQL only (Migrations adds this location for PostgreSQL; H2 has no partial indexes).
-- A value row holds one of text, number, time or boolean, and nearly all rows hold text: an Okta user has nine rows
-- and none with a number or a time. The number and time indexes still took an entry for every row, (path, null,
-- owner): two index insertions per row that no filter ever reads, and about a third of the value indexes' size.
-- Every filter that uses these columns compares them with a strict operator (eq, gt, ge, lt, le), which PostgreSQL
-- proves implies "is not null", so the partial indexes serve the same filters, generic plans included.
drop index ix_scim_user_value_number;
drop index ix_scim_user_value_time;
create index ix_scim_user_value_number on scim_user_value (path, number_value, user_pk) where number_value is not null;
create index ix_scim_user_value_time on scim_user_value (path, time_value, user_pk) where time_value is not null;

drop index ix_scim_group_value_number;
drop index ix_scim_group_value_time;
create index ix_scim_group_value_number on scim_group_value (path, number_value, group_pk) where number_value is not null;
create index ix_scim_group_value_time on scim_group_value (path, time_value, group_pk) where time_value is not null;
