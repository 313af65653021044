-- Corrections for the Supervision Exchange: practitioner_profiles,
-- supervision_relationships, supervision_circles, circle_members.
--
-- These tables are network-wide (not site-scoped): ownership is "my practitioner
-- profile", found through private.user_profile_ids().

-- Fail fast instead of queueing behind long transactions on a busy database.
set local lock_timeout = '5s';
set local statement_timeout = '10min';


-- practitioner_profiles ===================================================================

-- Columns the SDK's directory shows; nullable, additive.
alter table public.practitioner_profiles
  add column display_name text,
  add column credentials text;

alter table public.practitioner_profiles
  alter column user_id set default auth.uid();

-- The work order says "max 500 chars" in a comment only. Added NOT VALID so existing
-- rows are not scanned under this file's lock; validated in a later migration.
alter table public.practitioner_profiles
  add constraint practitioner_profiles_bio_length
    check (char_length(bio) <= 500) not valid;

-- Re-created in this one file (the drop+create exception) to say what a delete does:
-- a profile belongs to its account and goes with it (its relationships and circle
-- memberships follow through their own cascades).
alter table public.practitioner_profiles
  drop constraint practitioner_profiles_user_id_fkey,
  add constraint practitioner_profiles_user_id_fkey
    foreign key (user_id) references auth.users(id)
    on delete cascade;

-- user_id is indexed by the work order's UNIQUE constraint.

create trigger set_updated_at
  before update on public.practitioner_profiles
  for each row execute function private.set_updated_at();

revoke all on public.practitioner_profiles from anon;
revoke truncate, references, trigger on public.practitioner_profiles from authenticated;

-- The caller's own profile(s); user_id is unique, so at most one.
create function private.user_profile_ids()
returns setof bigint
language sql
stable
security definer
set search_path = ''
as $$
  select p.profile_id
  from public.practitioner_profiles p
  where p.user_id = auth.uid()
$$;

comment on function private.user_profile_ids() is
  'The caller''s practitioner profile id (user_id is unique, so zero or one row).';

revoke all on function private.user_profile_ids() from public, anon, authenticated;
grant execute on function private.user_profile_ids() to authenticated;

alter policy profiles_read on public.practitioner_profiles
  to authenticated
  using (true);

alter policy profiles_update on public.practitioner_profiles
  to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));

alter policy profiles_insert on public.practitioner_profiles
  to authenticated
  with check (user_id = (select auth.uid()));

create policy profiles_delete on public.practitioner_profiles
  for delete to authenticated
  using (user_id = (select auth.uid()));

-- supervision_relationships ===============================================================

alter table public.supervision_relationships
  alter column status set default 'pending';

-- supervisor_id and supervisee_id keep the work order's ON DELETE CASCADE and are indexed
-- by idx_relationships_supervisor / idx_relationships_supervisee.

-- Locks the supervisor's profile row so concurrent accepts for the same supervisor run
-- one after the other; each then counts the active relationships the previous one
-- committed (read committed takes a fresh snapshot per statement).
create function private.check_supervisor_capacity(supervisor bigint)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  capacity integer;
  active_count bigint;
begin
  select p.max_supervisees into capacity
  from public.practitioner_profiles p
  where p.profile_id = supervisor
  for update;

  if capacity is null then
    return;
  end if;

  select count(*) into active_count
  from public.supervision_relationships r
  where r.supervisor_id = supervisor
    and r.status = 'active';

  if active_count >= capacity then
    raise exception 'supervisor % already has % active supervisees (max_supervisees)', supervisor, active_count
      using errcode = 'PT409';
  end if;
end
$$;

-- Transitions (access spec):
--   insert            supervisee, own profile, 'pending' only (policy relationships_insert)
--   pending->active   supervisor accepts; stamps started_at; respects max_supervisees
--   pending->cancelled supervisor declines
--   active->completed either participant ends it; stamps ended_at
-- Nothing else changes. Wrong participant: 42501. A transition that does not exist, or a
-- supervisor already at capacity: PT409 (PostgREST answers HTTP 409).
-- Security definer so it can lock the supervisor's profile row, which the caller may
-- not be allowed to update. Callers without a JWT subject (service role) may act as
-- either participant but still follow the state machine.
create function private.enforce_supervision_relationship()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  caller uuid := auth.uid();
  is_supervisor boolean := caller is null;
  is_supervisee boolean := caller is null;
begin
  if tg_op = 'UPDATE' then
    if new.supervisor_id is distinct from old.supervisor_id
       or new.supervisee_id is distinct from old.supervisee_id
       or new.created_at is distinct from old.created_at
       or new.started_at is distinct from old.started_at
       or new.ended_at is distinct from old.ended_at then
      raise exception 'only the status of a supervision relationship can be changed'
        using errcode = '42501',
              hint = 'started_at and ended_at are set by the database on accept and end';
    end if;

    if new.status is not distinct from old.status then
      return new;
    end if;

    if caller is not null then
      select coalesce(bool_or(p.profile_id = old.supervisor_id), false),
             coalesce(bool_or(p.profile_id = old.supervisee_id), false)
        into is_supervisor, is_supervisee
      from public.practitioner_profiles p
      where p.user_id = caller;
    end if;

    if old.status = 'pending' and new.status in ('active', 'cancelled') then
      if not is_supervisor then
        raise exception 'only the supervisor can accept or decline a supervision request'
          using errcode = '42501';
      end if;
    elsif old.status = 'active' and new.status = 'completed' then
      if not (is_supervisor or is_supervisee) then
        raise exception 'only a participant can end a supervision relationship'
          using errcode = '42501';
      end if;
      new.ended_at := pg_catalog.now();
    else
      raise exception 'a supervision relationship cannot go from % to %', old.status, new.status
        using errcode = 'PT409';
    end if;
  end if;

  -- A signed-in caller's insert is the policy's to judge (pending only); only the
  -- service role can insert a relationship that is already active.
  if tg_op = 'INSERT' and caller is not null then
    return new;
  end if;

  if new.status = 'active' and (tg_op = 'INSERT' or old.status is distinct from 'active') then
    perform private.check_supervisor_capacity(new.supervisor_id);
    new.started_at := coalesce(new.started_at, pg_catalog.now());
  end if;

  return new;
end
$$;

comment on function private.enforce_supervision_relationship() is
  'BEFORE INSERT/UPDATE trigger on supervision_relationships: the status state machine, who may make each transition, started_at/ended_at stamps.';
comment on function private.check_supervisor_capacity(bigint) is
  'Raises PT409 when the supervisor already has max_supervisees active relationships; locks the supervisor''s profile row first.';

revoke all on function private.enforce_supervision_relationship() from public, anon, authenticated;
revoke all on function private.check_supervisor_capacity(bigint) from public, anon, authenticated;

create trigger enforce_supervision_relationship
  before insert or update on public.supervision_relationships
  for each row execute function private.enforce_supervision_relationship();

-- Nobody deletes a relationship: it ends as 'completed' or 'cancelled'.
revoke all on public.supervision_relationships from anon;
revoke delete, truncate, references, trigger on public.supervision_relationships from authenticated;

alter policy relationships_read on public.supervision_relationships
  to authenticated
  using (
    supervisor_id = any (array(select private.user_profile_ids()))
    or supervisee_id = any (array(select private.user_profile_ids()))
  );

alter policy relationships_insert on public.supervision_relationships
  to authenticated
  with check (
    supervisee_id = any (array(select private.user_profile_ids()))
    and supervisor_id is not null
    and status = 'pending'
    and started_at is null
    and ended_at is null
  );

-- Either participant may update; which transition each may make is the trigger's job.
create policy relationships_update on public.supervision_relationships
  for update to authenticated
  using (
    supervisor_id = any (array(select private.user_profile_ids()))
    or supervisee_id = any (array(select private.user_profile_ids()))
  )
  with check (
    supervisor_id = any (array(select private.user_profile_ids()))
    or supervisee_id = any (array(select private.user_profile_ids()))
  );

-- supervision_circles =====================================================================

revoke all on public.supervision_circles from anon;
revoke truncate, references, trigger on public.supervision_circles from authenticated;

alter policy circles_read on public.supervision_circles
  to authenticated
  using (true);

create policy circles_insert on public.supervision_circles
  for insert to authenticated
  with check ((select private.is_network_admin()));

create policy circles_update on public.supervision_circles
  for update to authenticated
  using ((select private.is_network_admin()))
  with check ((select private.is_network_admin()));

create policy circles_delete on public.supervision_circles
  for delete to authenticated
  using ((select private.is_network_admin()));

-- circle_members ==========================================================================

-- circle_id leads the primary key; profile_id needs its own index.
create index idx_circle_members_profile_id on public.circle_members (profile_id);

-- Locks the circle row so concurrent joins are serialised and cannot overshoot
-- max_members. Security definer: members may not update circles, and FOR UPDATE needs
-- that right.
create function private.enforce_circle_capacity()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  capacity integer;
  member_count bigint;
begin
  select c.max_members into capacity
  from public.supervision_circles c
  where c.circle_id = new.circle_id
  for update;

  -- A missing circle is reported by the foreign key; no limit means no limit.
  if capacity is null then
    return new;
  end if;

  select count(*) into member_count
  from public.circle_members m
  where m.circle_id = new.circle_id;

  if member_count >= capacity then
    raise exception 'supervision circle % is full (max_members %)', new.circle_id, capacity
      using errcode = 'PT409';
  end if;

  return new;
end
$$;

comment on function private.enforce_circle_capacity() is
  'BEFORE INSERT trigger on circle_members: raises PT409 when the circle already has max_members members; locks the circle row first.';

revoke all on function private.enforce_circle_capacity() from public, anon, authenticated;

create trigger enforce_circle_capacity
  before insert on public.circle_members
  for each row execute function private.enforce_circle_capacity();

-- Membership is joined or left, never edited.
revoke all on public.circle_members from anon;
revoke update, truncate, references, trigger on public.circle_members from authenticated;

alter policy circle_members_read on public.circle_members
  to authenticated
  using (true);

alter policy circle_members_insert on public.circle_members
  to authenticated
  with check (profile_id = any (array(select private.user_profile_ids())));

create policy circle_members_delete on public.circle_members
  for delete to authenticated
  using (profile_id = any (array(select private.user_profile_ids())));
