-- Supervision history survives when a practitioner leaves (issue 12).
--
-- Supervision records are evidence of training hours: a supervisee needs them for
-- licensure long after the relationship ends, whoever deletes their account. Until now
-- deleting a practitioner profile (or the auth.users row, which cascades to it) cascaded
-- into supervision_relationships through the work order's ON DELETE CASCADE, so one
-- practitioner leaving erased the other party's history. From here:
--   - both participant foreign keys are ON DELETE SET NULL;
--   - the relationship trigger lets that foreign-key action through and, in the same
--     update, closes the relationship (pending -> cancelled, active -> completed with
--     ended_at; completed and cancelled rows keep their status and dates), so a departed
--     supervisee no longer holds one of the supervisor's max_supervisees slots;
--   - each party's display_name and credentials are kept on the relationship as they were
--     when it became active (snapshotted by the database, never written by a client): the
--     evidence a record needs, and nothing more of the departed.
-- The remaining participant still reads the row through relationships_read (its own side
-- matches); a departed side is null, and null = any(...) matches nobody, so a row with no
-- participant left is read by the service role only.

-- Fail fast instead of queueing behind long transactions on a busy database.
set local lock_timeout = '5s';
set local statement_timeout = '10min';


-- Snapshot columns =========================================================================

alter table public.supervision_relationships
  add column supervisor_display_name text,
  add column supervisor_credentials text,
  add column supervisee_display_name text,
  add column supervisee_credentials text;

comment on column public.supervision_relationships.supervisor_display_name is
  'The supervisor''s display_name when the relationship became active; set by the database, kept after the supervisor leaves. Null before acceptance.';
comment on column public.supervision_relationships.supervisor_credentials is
  'The supervisor''s credentials when the relationship became active; set by the database, kept after the supervisor leaves. Null before acceptance.';
comment on column public.supervision_relationships.supervisee_display_name is
  'The supervisee''s display_name when the relationship became active; set by the database, kept after the supervisee leaves. Null before acceptance.';
comment on column public.supervision_relationships.supervisee_credentials is
  'The supervisee''s credentials when the relationship became active; set by the database, kept after the supervisee leaves. Null before acceptance.';

-- Backfill the relationships already accepted. The names are the profiles' names today:
-- what they were at acceptance was never recorded. This runs BEFORE the trigger function
-- is replaced below: the function it replaces lets an update through that changes neither
-- the status nor a participant or date column, and the new one refuses any write to these
-- columns but its own.
update public.supervision_relationships r
   set supervisor_display_name = (select p.display_name from public.practitioner_profiles p where p.profile_id = r.supervisor_id),
       supervisor_credentials = (select p.credentials from public.practitioner_profiles p where p.profile_id = r.supervisor_id),
       supervisee_display_name = (select p.display_name from public.practitioner_profiles p where p.profile_id = r.supervisee_id),
       supervisee_credentials = (select p.credentials from public.practitioner_profiles p where p.profile_id = r.supervisee_id)
 where r.status in ('active', 'completed');


-- Foreign keys: ON DELETE SET NULL ==========================================================

-- Re-created in this one file under the names 0.1's embeds use
-- (practitioner_profiles!supervision_relationships_supervisor_id_fkey): the drop+create
-- exception. NOT VALID, so this file does not scan the table under its ACCESS EXCLUSIVE
-- lock; the rule (and the ON DELETE action) holds for every write from here on, and
-- 20261201100001 validates the existing rows.
alter table public.supervision_relationships
  drop constraint supervision_relationships_supervisor_id_fkey,
  add constraint supervision_relationships_supervisor_id_fkey
    foreign key (supervisor_id) references public.practitioner_profiles (profile_id)
    on delete set null not valid,
  drop constraint supervision_relationships_supervisee_id_fkey,
  add constraint supervision_relationships_supervisee_id_fkey
    foreign key (supervisee_id) references public.practitioner_profiles (profile_id)
    on delete set null not valid;

-- The participant columns may now be null, but only on a closed relationship: a pending
-- or active one has both its participants (the trigger closes it as a side leaves).
alter table public.supervision_relationships
  add constraint supervision_relationships_open_has_participants
    check (status in ('completed', 'cancelled') or (supervisor_id is not null and supervisee_id is not null)) not valid;

comment on column public.supervision_relationships.supervisor_id is
  'The supervising practitioner''s profile; null once the supervisor has deleted their profile (the relationship is then closed).';
comment on column public.supervision_relationships.supervisee_id is
  'The supervised practitioner''s profile; never the supervisor. Defaults to the caller''s own profile; null once the supervisee has deleted their profile (the relationship is then closed).';
comment on table public.supervision_relationships is
  'Supervision dyads. The supervisee requests (pending); the supervisor accepts (active) or declines (cancelled); either ends it (completed). A participant who deletes their profile leaves the row closed (cancelled or completed) with their side null and the names snapshotted at acceptance. Visible to its participants; never deleted.';


-- The trigger ================================================================================

-- Transitions (access spec), as before:
--   insert             supervisee, own profile, 'pending' only (policy relationships_insert)
--   pending->active    supervisor accepts; stamps started_at; respects max_supervisees;
--                      snapshots both parties' display_name and credentials
--   pending->cancelled supervisor declines
--   active->completed  either participant ends it; stamps ended_at
-- New: a participant's profile is deleted. The foreign key's ON DELETE SET NULL is an
-- UPDATE of this table that only nulls that participant's column; it is recognised by
-- the profile no longer existing (so no client can pass an update off as one), let
-- through, and closes the relationship in the same update: pending -> cancelled,
-- active -> completed (ended_at stamped); completed and cancelled keep status and dates.
-- Nothing else changes: any other change of a participant, date or snapshot column is
-- 42501. Wrong participant: 42501. A transition that does not exist, or a supervisor
-- already at capacity: PT409 (HTTP 409).
-- Security definer: it locks the supervisor's profile row and reads profiles whatever the
-- caller may see. Callers without a JWT subject (service role) may act as either
-- participant but still follow the state machine.
create or replace function private.enforce_supervision_relationship()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  caller uuid := auth.uid();
  is_supervisor boolean := caller is null;
  is_supervisee boolean := caller is null;
  supervisor_left boolean := false;
  supervisee_left boolean := false;
begin
  if tg_op = 'INSERT'
     and num_nonnulls(new.supervisor_display_name, new.supervisor_credentials,
                      new.supervisee_display_name, new.supervisee_credentials) > 0 then
    raise exception 'the participants'' names on a supervision relationship are set by the database'
      using errcode = '42501',
            hint = 'they are snapshotted from the profiles when the relationship becomes active';
  end if;

  if tg_op = 'UPDATE' then
    -- A departure: the side that went null belonged to a profile that no longer exists.
    supervisor_left := old.supervisor_id is not null and new.supervisor_id is null
      and not exists (select 1 from public.practitioner_profiles p where p.profile_id = old.supervisor_id);
    supervisee_left := old.supervisee_id is not null and new.supervisee_id is null
      and not exists (select 1 from public.practitioner_profiles p where p.profile_id = old.supervisee_id);

    if (supervisor_left or supervisee_left)
       and (supervisor_left or new.supervisor_id is not distinct from old.supervisor_id)
       and (supervisee_left or new.supervisee_id is not distinct from old.supervisee_id)
       and new.status is not distinct from old.status
       and new.created_at is not distinct from old.created_at
       and new.started_at is not distinct from old.started_at
       and new.ended_at is not distinct from old.ended_at
       and new.supervisor_display_name is not distinct from old.supervisor_display_name
       and new.supervisor_credentials is not distinct from old.supervisor_credentials
       and new.supervisee_display_name is not distinct from old.supervisee_display_name
       and new.supervisee_credentials is not distinct from old.supervisee_credentials then
      if old.status = 'pending' then
        new.status := 'cancelled';
      elsif old.status = 'active' then
        new.status := 'completed';
        new.ended_at := pg_catalog.now();
      end if;
      return new;
    end if;

    if new.supervisor_display_name is distinct from old.supervisor_display_name
       or new.supervisor_credentials is distinct from old.supervisor_credentials
       or new.supervisee_display_name is distinct from old.supervisee_display_name
       or new.supervisee_credentials is distinct from old.supervisee_credentials then
      raise exception 'the participants'' names on a supervision relationship are set by the database'
        using errcode = '42501',
              hint = 'they are snapshotted from the profiles when the relationship becomes active';
    end if;

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
    select p.display_name, p.credentials
      into new.supervisor_display_name, new.supervisor_credentials
    from public.practitioner_profiles p
    where p.profile_id = new.supervisor_id;
    select p.display_name, p.credentials
      into new.supervisee_display_name, new.supervisee_credentials
    from public.practitioner_profiles p
    where p.profile_id = new.supervisee_id;
  end if;

  return new;
end
$$;

comment on function private.enforce_supervision_relationship() is
  'BEFORE INSERT/UPDATE trigger on supervision_relationships: the status state machine, who may make each transition, started_at/ended_at stamps, the participants'' snapshot at acceptance, and closing a relationship whose participant''s profile is deleted.';
