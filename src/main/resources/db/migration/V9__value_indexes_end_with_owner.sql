-- EclipseLink deletes a changed value row by all its columns (an element collection has no key of its own):
--   delete from scim_user_value where user_pk = ? and path = ? and element = ? and text_prefix = ? and … is null
-- H2 then chose the (path, text_prefix) index by its estimates and read every row of, say, emails.type = 'work'
-- (one per user) to delete one: a PUT took 11-27 s at 1,000,000 users, and the mixed traffic collapsed
-- (BENCHMARKS.md). With the owner's key as the last column, each value index leads straight to the one row,
-- whichever index a database picks; lookups by value still use the same leading columns, and now get the owner
-- from the index itself.
drop index ix_scim_user_value_text;
drop index ix_scim_user_value_number;
drop index ix_scim_user_value_time;
create index ix_scim_user_value_text on scim_user_value (path, text_prefix, user_pk);
create index ix_scim_user_value_number on scim_user_value (path, number_value, user_pk);
create index ix_scim_user_value_time on scim_user_value (path, time_value, user_pk);

drop index ix_scim_group_value_text;
drop index ix_scim_group_value_number;
drop index ix_scim_group_value_time;
create index ix_scim_group_value_text on scim_group_value (path, text_prefix, group_pk);
create index ix_scim_group_value_number on scim_group_value (path, number_value, group_pk);
create index ix_scim_group_value_time on scim_group_value (path, time_value, group_pk);
