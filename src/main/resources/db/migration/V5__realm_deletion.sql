-- A deleted realm disappears at once (its service accounts and tokens are deleted with it) and its directory is
-- then purged in the background in bounded batches; the row goes last, so a purge interrupted by a restart resumes.
alter table realm add column deleted_at timestamp(3);
