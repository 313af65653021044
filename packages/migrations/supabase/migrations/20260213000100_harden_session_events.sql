-- Corrections for session_events (Session Logger).
--
-- Access spec: site members of the protocol's site read; clinicians and site admins of
-- that site insert; nobody updates or deletes (append-only clinical timeline).

-- Fail fast instead of queueing behind long transactions on a busy database.
set local lock_timeout = '5s';
set local statement_timeout = '10min';


-- Columns -------------------------------------------------------------------------------

-- Idempotency key chosen by the client (SDK), so a retried insert after a lost response
-- is ignored instead of logging the event twice (insert ... on conflict do nothing).
alter table public.session_events
  add column client_event_id uuid not null default gen_random_uuid();

alter table public.session_events
  add constraint session_events_protocol_client_event_key unique (protocol_id, client_event_id);

-- created_by comes from the JWT (default here, forced by the trigger below).
alter table public.session_events
  alter column created_by set default auth.uid();

-- Foreign keys --------------------------------------------------------------------------
-- protocol_id keeps the work order's ON DELETE CASCADE: clinical records cannot be
-- deleted through the API (delete is revoked), so only a deliberate service-role erasure
-- of a record removes its timeline with it.

-- Re-created in this one file (the drop+create exception) to say what a delete does.
-- Reference rows are retired with is_active = false; deleting one still in use is
-- refused so the timeline never loses an event's meaning.
alter table public.session_events
  drop constraint session_events_event_type_id_fkey,
  add constraint session_events_event_type_id_fkey
    foreign key (event_type_id) references public.ref_event_types(event_type_id)
    on delete restrict;

-- A deleted account leaves its events in place, unattributed.
alter table public.session_events
  drop constraint session_events_created_by_fkey,
  add constraint session_events_created_by_fkey
    foreign key (created_by) references auth.users(id)
    on delete set null;

-- protocol_id and event_type_id are already the leading columns of the work order's
-- idx_events_protocol and idx_events_type.
create index idx_session_events_created_by on public.session_events (created_by);

-- Triggers ------------------------------------------------------------------------------

create trigger set_created_by
  before insert or update of created_by on public.session_events
  for each row execute function private.set_created_by();

-- Grants --------------------------------------------------------------------------------
-- Append-only by privilege, not just by missing policy, so PostgREST answers an update or
-- delete with 42501 rather than "0 rows".

revoke all on public.session_events from anon;
revoke update, delete, truncate, references, trigger on public.session_events from authenticated;

-- Policies ------------------------------------------------------------------------------
-- Test the row's own indexed protocol_id against the caller's protocol ids (computed
-- once per statement) instead of joining user_sites and log_clinical_records per row.

alter policy session_events_read on public.session_events
  to authenticated
  using (protocol_id = any (array(select private.readable_protocol_ids())));

alter policy session_events_insert on public.session_events
  to authenticated
  with check (protocol_id = any (array(select private.writable_protocol_ids())));
