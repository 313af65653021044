-- Performance (issue 6): the RLS membership helpers in PL/pgSQL, so their query plans are
-- cached per connection instead of being planned again on every call.
--
-- A LANGUAGE sql function is inlined into the calling query only when it is not SECURITY
-- DEFINER and has no SET clause; ours are both (DESIGN.md's RLS rules), so Postgres 17
-- plans the body from scratch each time a policy's initPlan calls it. PL/pgSQL prepares
-- each statement once per session and reuses the plan, and PostgREST keeps its
-- connections, so after the first request the helper only executes.
--
-- Measured on the full-scale benchmark data (bench/, 1,000,000 session events, a
-- clinician at a 100-record site), EXPLAIN ANALYZE medians:
--   private.readable_protocol_ids() alone            0.29 ms -> 0.05 ms
--   timeline of a 300-event protocol (table access)  0.46 ms -> 0.18 ms (service role 0.08 ms)
--   count of the clinician's visible events          1.7 ms  -> 1.1 ms
--
-- Same names, signatures, return types, volatility, SECURITY DEFINER, owner, empty
-- search_path and grants (CREATE OR REPLACE keeps the function, its owner, its grants and
-- its comment); same rows returned. auth.uid() is read once per call.

set local lock_timeout = '5s';
set local statement_timeout = '10min';

create or replace function private.user_site_ids()
returns setof bigint
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return query
    select us.site_id
    from public.user_sites us
    where us.user_id = (select auth.uid());
end
$$;

create or replace function private.user_writable_site_ids()
returns setof bigint
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return query
    select us.site_id
    from public.user_sites us
    where us.user_id = (select auth.uid())
      and us.role in ('clinician', 'site_admin');
end
$$;

create or replace function private.user_admin_site_ids()
returns setof bigint
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return query
    select us.site_id
    from public.user_sites us
    where us.user_id = (select auth.uid())
      and us.role = 'site_admin';
end
$$;

create or replace function private.is_network_admin()
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return exists (
    select 1
    from public.user_sites us
    where us.user_id = (select auth.uid())
      and us.role = 'network_admin'
  );
end
$$;

create or replace function private.readable_protocol_ids()
returns setof bigint
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return query
    select lcr.record_id
    from public.log_clinical_records lcr
    where lcr.site_id in (
      select us.site_id from public.user_sites us where us.user_id = (select auth.uid())
    );
end
$$;

create or replace function private.writable_protocol_ids()
returns setof bigint
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return query
    select lcr.record_id
    from public.log_clinical_records lcr
    where lcr.site_id in (
      select us.site_id
      from public.user_sites us
      where us.user_id = (select auth.uid())
        and us.role in ('clinician', 'site_admin')
    );
end
$$;

create or replace function private.user_profile_ids()
returns setof bigint
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return query
    select p.profile_id
    from public.practitioner_profiles p
    where p.user_id = (select auth.uid());
end
$$;
