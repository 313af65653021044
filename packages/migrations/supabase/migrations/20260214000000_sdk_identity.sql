-- Identity for the SDK: "my practitioner profile" worked out inside the database, from the
-- JWT, so that @ppn/sdk never calls supabase.auth (there is no auth server locally, and a
-- client built with an access token has none) and never sends an id it would have to be
-- trusted with. Additive: one RPC, one private helper, two column defaults.

-- Fail fast instead of queueing behind long transactions on a busy database.
set local lock_timeout = '5s';
set local statement_timeout = '10min';


-- my_practitioner_profile() ===============================================================

-- `supervision.profiles.mine()` calls this through PostgREST (POST /rest/v1/rpc/...): the
-- client cannot filter on its own user id without reading the session, which the SDK
-- never does. Security invoker: it reads through the `profiles_read` policy like any
-- select, so it shows nothing the caller could not already read. Returns a set (zero or
-- one row, user_id is unique) so that "no profile yet" is an empty result, not an error.
create function public.my_practitioner_profile()
returns setof public.practitioner_profiles
language sql
stable
security invoker
set search_path = ''
as $$
  select p.*
  from public.practitioner_profiles p
  where p.user_id = (select auth.uid())
$$;

comment on function public.my_practitioner_profile() is
  'The caller''s own practitioner profile (zero or one row), found from the JWT. Used by the SDK''s supervision.profiles.mine().';

-- Signed-in users only (access spec: anon gets nothing anywhere). Functions are executable
-- by PUBLIC unless revoked.
revoke all on function public.my_practitioner_profile() from public, anon;
grant execute on function public.my_practitioner_profile() to authenticated;


-- private.user_profile_id() ===============================================================

-- The caller's profile id as one value, for the column defaults below: a DEFAULT cannot
-- hold a subquery, nor a set-returning function such as private.user_profile_ids().
-- Security invoker: profiles are readable by every signed-in user, so it needs no more
-- than the caller has. Null when the caller has no profile; the insert policies then
-- refuse the row (42501), which the SDK reports as `forbidden`.
create function private.user_profile_id()
returns bigint
language sql
stable
security invoker
set search_path = ''
as $$
  select p.profile_id
  from public.practitioner_profiles p
  where p.user_id = (select auth.uid())
$$;

comment on function private.user_profile_id() is
  'The caller''s practitioner profile id, or null: the default of supervision_relationships.supervisee_id and circle_members.profile_id.';

-- A default runs as the inserting role, so authenticated must be able to execute it.
revoke all on function private.user_profile_id() from public, anon, authenticated;
grant execute on function private.user_profile_id() to authenticated;


-- Column defaults =========================================================================

-- supervision.request(supervisorId) inserts only the supervisor: the supervisee is the
-- caller, from the JWT. The policy relationships_insert still checks any value sent.
alter table public.supervision_relationships
  alter column supervisee_id set default private.user_profile_id();

comment on column public.supervision_relationships.supervisee_id is
  'The supervised practitioner''s profile; never the supervisor. Defaults to the caller''s own profile.';

-- supervision.circles.join(circleId) inserts only the circle: the member is the caller.
-- The policy circle_members_insert still checks any value sent.
alter table public.circle_members
  alter column profile_id set default private.user_profile_id();

comment on column public.circle_members.profile_id is
  'The member''s practitioner profile. Defaults to the caller''s own profile.';
