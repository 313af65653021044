-- anon gets nothing anywhere (access spec).
--
-- The baseline already stops Supabase's default privileges from granting new objects in
-- public to anon, and each correction revokes anon on its own tables. This sweep covers
-- what those cannot: a database where the work order's files were run by hand before
-- the baseline existed (their tables, identity sequences and any functions were granted
-- to anon then). Revoking what is not granted is a no-op, so it is safe everywhere.

-- Fail fast instead of queueing behind long transactions on a busy database.
set local lock_timeout = '5s';
set local statement_timeout = '10min';


revoke all on all tables in schema public from anon;
revoke all on all sequences in schema public from anon;
revoke all on all functions in schema public from anon;

alter default privileges for role postgres in schema public
  revoke all on tables from anon;
alter default privileges for role postgres in schema public
  revoke all on sequences from anon;
alter default privileges for role postgres in schema public
  revoke all on functions from anon;
