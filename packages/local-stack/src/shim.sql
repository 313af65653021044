-- Local-only Supabase shim.
--
-- Applied by the local stack to a fresh Postgres 17 cluster BEFORE the migrations, so
-- that the migrations meet the same roles, `auth` schema and grants they meet on hosted
-- Supabase. It is never shipped as a migration: hosted Supabase already has all of this.
-- Mirrors supabase/postgres init scripts and the GoTrue migrations that define auth.*.
-- Meant for a fresh cluster; the guards also make a second run (even after the
-- migrations) harmless.

-- API roles ---------------------------------------------------------------------------

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
  -- PostgREST logs in as authenticator and switches to the JWT's role. The stack sets
  -- its password after this script runs.
  if not exists (select 1 from pg_roles where rolname = 'authenticator') then
    create role authenticator login noinherit;
  end if;
end
$$;

grant anon, authenticated, service_role to authenticator;

-- Hosted Supabase defaults; PostgREST applies role settings when it switches role.
alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';

-- Schemas -----------------------------------------------------------------------------

create schema if not exists extensions;
create schema if not exists auth;

-- auth.users: only the columns our schema and seeds use (GoTrue owns the real one).
create table if not exists auth.users (
  id uuid primary key default gen_random_uuid(),
  email text,
  role text default 'authenticated',
  raw_user_meta_data jsonb default '{}',
  created_at timestamptz default now()
);

-- auth.* helpers, as GoTrue defines them today. PostgREST 12 only sets the JSON
-- `request.jwt.claims`; the per-claim settings are the legacy PostgREST < 9 form.

create or replace function auth.uid()
returns uuid
language sql stable
as $$
  select
  coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;

create or replace function auth.role()
returns text
language sql stable
as $$
  select
  coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;

create or replace function auth.email()
returns text
language sql stable
as $$
  select
  coalesce(
    nullif(current_setting('request.jwt.claim.email', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
  )::text
$$;

create or replace function auth.jwt()
returns jsonb
language sql stable
as $$
  select
    coalesce(
        nullif(current_setting('request.jwt.claim', true), ''),
        nullif(current_setting('request.jwt.claims', true), '')
    )::jsonb
$$;

-- Grants, as Supabase sets them -------------------------------------------------------

grant usage on schema public to anon, authenticated, service_role;
grant usage on schema auth to anon, authenticated, service_role;
grant usage on schema extensions to anon, authenticated, service_role;

grant execute on function auth.uid(), auth.role(), auth.email(), auth.jwt()
  to anon, authenticated, service_role;

-- This is how Supabase gives the API roles table privileges: every object the
-- migration role (postgres) creates in public is granted to the three API roles, and
-- RLS decides which rows. Migrations revoke where the access spec says "nobody".
-- Only before any migration has run: on a re-run after migrations these would undo the
-- migrations' revokes (anon gets nothing; session_events is append-only).
do $$
begin
  if to_regclass('supabase_migrations.schema_migrations') is null then
    alter default privileges for role postgres in schema public
      grant all on tables to anon, authenticated, service_role;
    alter default privileges for role postgres in schema public
      grant all on sequences to anon, authenticated, service_role;
    alter default privileges for role postgres in schema public
      grant all on functions to anon, authenticated, service_role;

    grant all on all tables in schema public to anon, authenticated, service_role;
    grant all on all sequences in schema public to anon, authenticated, service_role;
    grant all on all functions in schema public to anon, authenticated, service_role;
  end if;
end
$$;
