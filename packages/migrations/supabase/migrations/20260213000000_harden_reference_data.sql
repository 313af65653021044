-- Corrections for the reference tables the work order created: ref_medications,
-- ref_event_types, ref_homework_types.
--
-- Access spec: any authenticated user reads; network admins insert, update, delete.
-- The work order's policies apply to every role (no TO clause, so anon evaluates them
-- too), call auth.* unwrapped (once per row), look up user_sites inline, and pair a
-- FOR ALL write policy with the SELECT policy: two permissive policies for SELECT.

-- Fail fast instead of queueing behind long transactions on a busy database.
set local lock_timeout = '5s';
set local statement_timeout = '10min';


-- ref_medications -----------------------------------------------------------------------

create trigger set_updated_at
  before update on public.ref_medications
  for each row execute function private.set_updated_at();

revoke all on public.ref_medications from anon;
revoke truncate, references, trigger on public.ref_medications from authenticated;

-- TO authenticated already says "any signed-in user"; re-checking auth.role() per row
-- adds nothing.
alter policy ref_medications_read on public.ref_medications
  to authenticated
  using (true);

-- A FOR ALL policy cannot be narrowed by ALTER POLICY. Re-created in this one file
-- (the drop+create exception): the name survives on the INSERT half.
drop policy ref_medications_write on public.ref_medications;

create policy ref_medications_write on public.ref_medications
  for insert to authenticated
  with check ((select private.is_network_admin()));

create policy ref_medications_update on public.ref_medications
  for update to authenticated
  using ((select private.is_network_admin()))
  with check ((select private.is_network_admin()));

create policy ref_medications_delete on public.ref_medications
  for delete to authenticated
  using ((select private.is_network_admin()));

-- ref_event_types -----------------------------------------------------------------------

revoke all on public.ref_event_types from anon;
revoke truncate, references, trigger on public.ref_event_types from authenticated;

alter policy ref_event_types_read on public.ref_event_types
  to authenticated
  using (true);

drop policy ref_event_types_write on public.ref_event_types;

create policy ref_event_types_write on public.ref_event_types
  for insert to authenticated
  with check ((select private.is_network_admin()));

create policy ref_event_types_update on public.ref_event_types
  for update to authenticated
  using ((select private.is_network_admin()))
  with check ((select private.is_network_admin()));

create policy ref_event_types_delete on public.ref_event_types
  for delete to authenticated
  using ((select private.is_network_admin()));

-- ref_homework_types --------------------------------------------------------------------

revoke all on public.ref_homework_types from anon;
revoke truncate, references, trigger on public.ref_homework_types from authenticated;

alter policy ref_homework_types_read on public.ref_homework_types
  to authenticated
  using (true);

drop policy ref_homework_types_write on public.ref_homework_types;

create policy ref_homework_types_write on public.ref_homework_types
  for insert to authenticated
  with check ((select private.is_network_admin()));

create policy ref_homework_types_update on public.ref_homework_types
  for update to authenticated
  using ((select private.is_network_admin()))
  with check ((select private.is_network_admin()));

create policy ref_homework_types_delete on public.ref_homework_types
  for delete to authenticated
  using ((select private.is_network_admin()));
