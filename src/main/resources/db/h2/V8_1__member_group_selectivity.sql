-- H2 only (Migrations adds this location for H2). H2 chooses indexes by estimated rows, and for a column it has
-- no statistics for it assumes half the values are distinct: scim_group_member.group_pk then looks nearly unique,
-- and its foreign-key index (which H2 creates besides the primary key) costs less than the primary key. Statements
-- that change members then read every member of the group to find a few: removing 1,000 members of a
-- 100,000-member group one by one took 20-30 s instead of 0.2 s (BENCHMARKS.md). H2 keeps the statistics its
-- automatic ANALYZE gathers only in memory, so every restart starts from the assumption again; a declared
-- selectivity is stored with the schema. 1 means "few distinct values": a group has many members.
alter table scim_group_member alter column group_pk selectivity 1;
