-- H2 only (Migrations adds this location for H2). Before users and groups were deleted with their memberships by
-- Roster itself (Memberships.deleteLocked, Memberships.lockUsersOnH2), H2's ON DELETE CASCADE and foreign-key check
-- could leave memberships of a deleted user (or group) behind when group changes ran at the same moment. Member
-- lists never showed them (they join the users), but filters on members could count them. Removed once here.
delete from scim_group_member m where not exists (select 1 from scim_user u where u.pk = m.user_pk);
delete from scim_group_member m where not exists (select 1 from scim_group g where g.pk = m.group_pk);
