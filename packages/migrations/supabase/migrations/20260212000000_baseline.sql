-- Baseline: what the work order assumes already exists (sites, site membership, clinical
-- records) plus the private helpers every RLS policy in this schema calls.
--
-- Runs as `postgres`, which owns every table below; table owners bypass RLS, so the
-- security-definer helpers can read user_sites without recursing through its policies
-- (a user_sites policy that queried user_sites directly would fail with 42P17).

-- API privileges ------------------------------------------------------------------------

-- anon gets nothing anywhere. Supabase's default privileges grant every new table,
-- sequence and function in public to anon; stop that before any table exists.
alter default privileges for role postgres in schema public
  revoke all on tables from anon;
alter default privileges for role postgres in schema public
  revoke all on sequences from anon;
alter default privileges for role postgres in schema public
  revoke all on functions from anon;

-- TRUNCATE ignores RLS, and REFERENCES/TRIGGER are DDL-level powers no API caller needs.
alter default privileges for role postgres in schema public
  revoke truncate, references, trigger on tables from authenticated;

-- private: helpers for RLS, never exposed through PostgREST ---------------------------

create schema private;

revoke all on schema private from public, anon, authenticated;
-- Policies run as the caller, so the caller must be able to reach the helpers.
grant usage on schema private to authenticated;

-- sites -------------------------------------------------------------------------------

create table public.sites (
  site_id bigint generated always as identity primary key,
  site_name text not null unique,
  created_at timestamptz not null default now()
);

-- user_sites --------------------------------------------------------------------------

create table public.user_sites (
  user_id uuid not null references auth.users(id) on delete cascade,
  site_id bigint not null references public.sites(site_id) on delete cascade,
  role text not null check (role in ('network_admin', 'site_admin', 'clinician', 'member')),
  created_at timestamptz not null default now(),
  primary key (user_id, site_id)
);

-- user_id is the primary key's leading column; site_id needs its own index.
create index idx_user_sites_site_id on public.user_sites (site_id);

-- log_clinical_records ----------------------------------------------------------------

create table public.log_clinical_records (
  record_id bigint generated always as identity primary key,
  -- restrict: a site with clinical records is closed by the service role deliberately,
  -- never as a side effect.
  site_id bigint not null references public.sites(site_id) on delete restrict,
  patient_reference text,
  session_date date,
  substance text,
  created_by uuid default auth.uid() references auth.users(id) on delete set null,
  created_at timestamptz not null default now()
);

create index idx_log_clinical_records_site_id on public.log_clinical_records (site_id);
create index idx_log_clinical_records_created_by on public.log_clinical_records (created_by);

-- Membership helpers ------------------------------------------------------------------
-- security definer + empty search_path: they read user_sites as its owner (no RLS
-- recursion) and cannot be hijacked by objects in the caller's search path.
-- Policies call them as `col = any (array(select private.helper()))`, which Postgres
-- evaluates once per statement (initPlan), not once per row.

create function private.user_site_ids()
returns setof bigint
language sql
stable
security definer
set search_path = ''
as $$
  select us.site_id
  from public.user_sites us
  where us.user_id = auth.uid()
$$;

create function private.user_writable_site_ids()
returns setof bigint
language sql
stable
security definer
set search_path = ''
as $$
  select us.site_id
  from public.user_sites us
  where us.user_id = auth.uid()
    and us.role in ('clinician', 'site_admin')
$$;

create function private.user_admin_site_ids()
returns setof bigint
language sql
stable
security definer
set search_path = ''
as $$
  select us.site_id
  from public.user_sites us
  where us.user_id = auth.uid()
    and us.role = 'site_admin'
$$;

create function private.is_network_admin()
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1
    from public.user_sites us
    where us.user_id = auth.uid()
      and us.role = 'network_admin'
  )
$$;

-- Protocol (clinical record) ids, so child tables can test their own indexed
-- protocol_id column instead of joining user_sites per row.
create function private.readable_protocol_ids()
returns setof bigint
language sql
stable
security definer
set search_path = ''
as $$
  select lcr.record_id
  from public.log_clinical_records lcr
  where lcr.site_id in (
    select us.site_id from public.user_sites us where us.user_id = auth.uid()
  )
$$;

create function private.writable_protocol_ids()
returns setof bigint
language sql
stable
security definer
set search_path = ''
as $$
  select lcr.record_id
  from public.log_clinical_records lcr
  where lcr.site_id in (
    select us.site_id
    from public.user_sites us
    where us.user_id = auth.uid()
      and us.role in ('clinician', 'site_admin')
  )
$$;

comment on schema private is
  'Helpers for RLS policies and triggers. Not exposed by PostgREST; authenticated may only execute the membership helpers.';
comment on function private.user_site_ids() is
  'Sites the caller (auth.uid()) has any user_sites row for.';
comment on function private.user_writable_site_ids() is
  'Sites where the caller is a clinician or site admin (may write clinical data).';
comment on function private.user_admin_site_ids() is
  'Sites where the caller is a site admin.';
comment on function private.is_network_admin() is
  'True when the caller has a network_admin row in user_sites (administers reference data).';
comment on function private.readable_protocol_ids() is
  'Clinical record ids at the caller''s sites.';
comment on function private.writable_protocol_ids() is
  'Clinical record ids at sites where the caller is a clinician or site admin.';

-- Trigger functions shared by later migrations ----------------------------------------

-- updated_at is the database's clock, whatever the client sends.
create function private.set_updated_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := pg_catalog.now();
  return new;
end
$$;

-- created_by comes from the JWT, never from the client. Callers without a JWT subject
-- (service role, migrations, the dev seed) may set it explicitly or leave it null.
create function private.set_created_by()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  caller uuid := auth.uid();
begin
  if caller is null then
    return new;
  end if;
  if tg_op = 'INSERT' then
    new.created_by := caller;
  elsif new.created_by is distinct from old.created_by then
    raise exception 'created_by is set by the database and cannot be changed'
      using errcode = '42501';
  end if;
  return new;
end
$$;

comment on function private.set_updated_at() is
  'BEFORE UPDATE trigger: stamps updated_at with now().';
comment on function private.set_created_by() is
  'BEFORE INSERT/UPDATE trigger: forces created_by = auth.uid() on insert and refuses changes on update, for callers with a JWT subject.';

revoke all on all functions in schema private from public, anon, authenticated;
grant execute on function
  private.user_site_ids(),
  private.user_writable_site_ids(),
  private.user_admin_site_ids(),
  private.is_network_admin(),
  private.readable_protocol_ids(),
  private.writable_protocol_ids()
  to authenticated;

create trigger set_created_by
  before insert or update of created_by on public.log_clinical_records
  for each row execute function private.set_created_by();

-- Grants ------------------------------------------------------------------------------
-- Access spec: sites and user_sites are written by the service role only; clinical
-- records are never deleted through the API. Revoked privileges make those denials
-- real errors (42501) instead of silent "0 rows".

revoke all on public.sites, public.user_sites, public.log_clinical_records from anon;
revoke insert, update, delete, truncate, references, trigger
  on public.sites, public.user_sites from authenticated;
revoke delete, truncate, references, trigger
  on public.log_clinical_records from authenticated;

-- RLS ---------------------------------------------------------------------------------

alter table public.sites enable row level security;
alter table public.user_sites enable row level security;
alter table public.log_clinical_records enable row level security;

create policy sites_select on public.sites
  for select to authenticated
  using (site_id = any (array(select private.user_site_ids())));

create policy user_sites_select on public.user_sites
  for select to authenticated
  using (
    user_id = (select auth.uid())
    or site_id = any (array(select private.user_admin_site_ids()))
  );

create policy log_clinical_records_select on public.log_clinical_records
  for select to authenticated
  using (site_id = any (array(select private.user_site_ids())));

create policy log_clinical_records_insert on public.log_clinical_records
  for insert to authenticated
  with check (site_id = any (array(select private.user_writable_site_ids())));

create policy log_clinical_records_update on public.log_clinical_records
  for update to authenticated
  using (site_id = any (array(select private.user_writable_site_ids())))
  with check (site_id = any (array(select private.user_writable_site_ids())));
