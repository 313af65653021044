-- Row-level security whose cost does not grow with a site's history (issue 18).
--
-- Until now the policies on session_events, integration_homework and integration_scores
-- tested protocol_id = any (array(select private.readable_protocol_ids())) (or
-- writable_): each statement first built an array of EVERY protocol at the caller's sites
-- and the index scan probed it, so one read or one insert cost more the more records the
-- site had ever held (bench/RESULTS.md, "Site-size sweep": a 300-event timeline's table
-- access 0.2 ms at 100 records, 14-34 ms at 20,000 (service role 0.1 ms); a single
-- insert through PostgREST 1.0-1.2x the service role at 100 records, 5.9-6.7x at 20,000).
--
-- Now each row carries its protocol's site_id, kept by the database, and the policies test
-- it against the caller's SITES (one or two ids, whatever the site's age):
--   site_id = any (array(select private.user_site_ids()))            read
--   site_id = any (array(select private.user_writable_site_ids()))   write
-- Same access as before, row for row: site_id is always the site of the row's protocol.
--
-- site_id is never trusted from the client:
-- - private.set_protocol_site_id(), a BEFORE INSERT OR UPDATE trigger, sets it from
--   log_clinical_records on every insert (a value the client sent is replaced, as
--   created_by is) and on every update that changes protocol_id; an update that sets
--   site_id to anything but the protocol's site is refused (42501). Policies' WITH CHECK
--   runs after BEFORE triggers, so they judge the site the database set. The function is
--   SECURITY DEFINER (owner postgres) so it reads the protocol's true site whatever the
--   caller may see; a protocol at a site the caller cannot write is refused by WITH CHECK
--   as before (42501). It takes FOR SHARE on the record, so a concurrent move of the
--   record (below) waits for the insert, or the insert for the move.
-- - private.follow_record_site(), an AFTER UPDATE OF site_id trigger on
--   log_clinical_records: a record moved to another site (service role, or a clinician
--   of both sites) takes its events, homework and scores with it.
-- Not a foreign key (site_id, protocol_id) -> log_clinical_records (site_id, record_id):
-- a second relationship between the same tables would make PostgREST embeds such as
-- session_events?select=*,log_clinical_records(*) ambiguous (PGRST201) for every app.
--
-- Planner statistics. For site_id = any (<the caller's sites>) the array is unknown when
-- the statement is planned, and Postgres assumes 10 elements, each as common as
-- 1 / n_distinct(site_id): with a few hundred sites that estimates 5 % of the table for a
-- caller who sees 0.5 %, and a statement with a LIMIT (PostgREST's count=exact runs one)
-- then prefers a sequential scan that may read the whole table before finding the
-- caller's rows (measured: 393 ms instead of 1 ms for a 100-record site among 1,000,000
-- events). n_distinct = -0.01 (one distinct site per 100 rows) makes the 10-element
-- estimate about 1,000 rows, so RLS-filtered reads use the site_id index. A side effect,
-- for the service role only: a literal site_id that is not among the most common values
-- is estimated at about 100 rows. Set below, and applied at once by ANALYZE of the column.
--
-- Rows whose protocol_id is null (the work order allows it) get a null site_id and stay
-- visible to the service role only, as before (null = any (...) is not true).

set local lock_timeout = '5s';
set local statement_timeout = '30min';

create function private.set_protocol_site_id()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  protocol_site bigint;
begin
  select r.site_id into protocol_site
  from public.log_clinical_records r
  where r.record_id = new.protocol_id
  for share;
  if tg_op = 'UPDATE'
     and new.site_id is distinct from old.site_id
     and new.site_id is distinct from protocol_site then
    raise exception 'site_id is set by the database from protocol_id'
      using errcode = '42501',
            hint = 'Change protocol_id instead; site_id follows it.';
  end if;
  new.site_id := protocol_site;
  return new;
end
$$;

comment on function private.set_protocol_site_id() is
  'Trigger: sets site_id to the site of the row''s protocol on insert and on update; refuses an update that sets any other site_id (42501).';

create function private.follow_record_site()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.session_events set site_id = new.site_id where protocol_id = new.record_id;
  update public.integration_homework set site_id = new.site_id where protocol_id = new.record_id;
  update public.integration_scores set site_id = new.site_id where protocol_id = new.record_id;
  return null;
end
$$;

comment on function private.follow_record_site() is
  'Trigger: when a clinical record moves to another site, sets site_id of its session events, homework and scores to the new site.';

revoke all on function private.set_protocol_site_id() from public, anon, authenticated, service_role;
revoke all on function private.follow_record_site() from public, anon, authenticated, service_role;

create trigger follow_record_site
  after update of site_id on public.log_clinical_records
  for each row
  when (old.site_id is distinct from new.site_id)
  execute function private.follow_record_site();

-- session_events ----------------------------------------------------------------------

alter table public.session_events add column site_id bigint;

comment on column public.session_events.site_id is
  'Site of the protocol (log_clinical_records.site_id), set by the database on insert; never sent by clients. What RLS tests.';

update public.session_events e
set site_id = r.site_id
from public.log_clinical_records r
where r.record_id = e.protocol_id;

-- Leads with site_id: counting or listing the caller's rows is a range of this index.
create index idx_session_events_site_id_protocol_id on public.session_events (site_id, protocol_id);

alter table public.session_events alter column site_id set (n_distinct = -0.01);
analyze public.session_events (site_id);

create trigger set_protocol_site_id
  before insert or update of protocol_id, site_id on public.session_events
  for each row execute function private.set_protocol_site_id();

alter policy session_events_read on public.session_events
  to authenticated
  using (site_id = any (array(select private.user_site_ids())));

alter policy session_events_insert on public.session_events
  to authenticated
  with check (site_id = any (array(select private.user_writable_site_ids())));

-- integration_homework ----------------------------------------------------------------

alter table public.integration_homework add column site_id bigint;

comment on column public.integration_homework.site_id is
  'Site of the protocol (log_clinical_records.site_id), set by the database on insert and when protocol_id changes; never sent by clients. What RLS tests.';

update public.integration_homework h
set site_id = r.site_id
from public.log_clinical_records r
where r.record_id = h.protocol_id;

create index idx_integration_homework_site_id_protocol_id on public.integration_homework (site_id, protocol_id);

alter table public.integration_homework alter column site_id set (n_distinct = -0.01);
analyze public.integration_homework (site_id);

create trigger set_protocol_site_id
  before insert or update of protocol_id, site_id on public.integration_homework
  for each row execute function private.set_protocol_site_id();

alter policy homework_read on public.integration_homework
  to authenticated
  using (site_id = any (array(select private.user_site_ids())));

alter policy homework_write on public.integration_homework
  to authenticated
  with check (site_id = any (array(select private.user_writable_site_ids())));

alter policy homework_update on public.integration_homework
  to authenticated
  using (site_id = any (array(select private.user_writable_site_ids())))
  with check (site_id = any (array(select private.user_writable_site_ids())));

alter policy homework_delete on public.integration_homework
  to authenticated
  using (site_id = any (array(select private.user_writable_site_ids())));

-- integration_scores ------------------------------------------------------------------

alter table public.integration_scores add column site_id bigint;

comment on column public.integration_scores.site_id is
  'Site of the protocol (log_clinical_records.site_id), set by the database on insert and when protocol_id changes; never sent by clients. What RLS tests.';

update public.integration_scores s
set site_id = r.site_id
from public.log_clinical_records r
where r.record_id = s.protocol_id;

create index idx_integration_scores_site_id_protocol_id on public.integration_scores (site_id, protocol_id);

alter table public.integration_scores alter column site_id set (n_distinct = -0.01);
analyze public.integration_scores (site_id);

create trigger set_protocol_site_id
  before insert or update of protocol_id, site_id on public.integration_scores
  for each row execute function private.set_protocol_site_id();

alter policy scores_read on public.integration_scores
  to authenticated
  using (site_id = any (array(select private.user_site_ids())));

alter policy scores_write on public.integration_scores
  to authenticated
  with check (site_id = any (array(select private.user_writable_site_ids())));

alter policy scores_update on public.integration_scores
  to authenticated
  using (site_id = any (array(select private.user_writable_site_ids())))
  with check (site_id = any (array(select private.user_writable_site_ids())));

alter policy scores_delete on public.integration_scores
  to authenticated
  using (site_id = any (array(select private.user_writable_site_ids())));
