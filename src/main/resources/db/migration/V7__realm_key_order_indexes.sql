-- Paging in key order within a realm (Okta's import: startIndex=1, 101, 201, … without sortBy) continues from the
-- last key of the previous page: where realm_id = ? and pk > ? order by realm_id, pk fetch first 100 rows only.
-- With this index both databases read exactly the page from it (H2's own index on the realm foreign key is not
-- used for the pk range, and H2 only stops early when the index matches the whole ORDER BY).
create index ix_scim_user_realm_pk on scim_user (realm_id, pk);
create index ix_scim_group_realm_pk on scim_group (realm_id, pk);
