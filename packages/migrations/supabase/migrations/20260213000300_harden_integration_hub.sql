-- Corrections for the Integration Hub: integration_homework, integration_scores.
-- (ref_homework_types is corrected with the other reference tables.)
--
-- Access spec: site members of the protocol's site read; clinicians and site admins of
-- that site insert, update, delete.

-- Fail fast instead of queueing behind long transactions on a busy database.
set local lock_timeout = '5s';
set local statement_timeout = '10min';


-- integration_homework ====================================================================

alter table public.integration_homework
  alter column created_by set default auth.uid();

-- protocol_id keeps the work order's ON DELETE CASCADE: clinical records cannot be
-- deleted through the API (delete is revoked), so only a deliberate service-role erasure
-- of a record removes its homework with it.

-- Re-created in this one file (the drop+create exception) to say what a delete does.
-- Homework types are retired with is_active = false; deleting one in use is refused.
alter table public.integration_homework
  drop constraint integration_homework_homework_type_id_fkey,
  add constraint integration_homework_homework_type_id_fkey
    foreign key (homework_type_id) references public.ref_homework_types(homework_type_id)
    on delete restrict;

alter table public.integration_homework
  drop constraint integration_homework_created_by_fkey,
  add constraint integration_homework_created_by_fkey
    foreign key (created_by) references auth.users(id)
    on delete set null;

-- protocol_id and homework_type_id lead the work order's idx_homework_protocol and
-- idx_homework_type.
create index idx_integration_homework_created_by on public.integration_homework (created_by);

create trigger set_created_by
  before insert or update of created_by on public.integration_homework
  for each row execute function private.set_created_by();

revoke all on public.integration_homework from anon;
revoke truncate, references, trigger on public.integration_homework from authenticated;

alter policy homework_read on public.integration_homework
  to authenticated
  using (protocol_id = any (array(select private.readable_protocol_ids())));

-- The FOR ALL write policy also granted SELECT (two permissive SELECT policies) and
-- cannot be narrowed by ALTER POLICY. Re-created in this one file (the drop+create
-- exception): the name survives on the INSERT half.
drop policy homework_write on public.integration_homework;

create policy homework_write on public.integration_homework
  for insert to authenticated
  with check (protocol_id = any (array(select private.writable_protocol_ids())));

create policy homework_update on public.integration_homework
  for update to authenticated
  using (protocol_id = any (array(select private.writable_protocol_ids())))
  with check (protocol_id = any (array(select private.writable_protocol_ids())));

create policy homework_delete on public.integration_homework
  for delete to authenticated
  using (protocol_id = any (array(select private.writable_protocol_ids())));

-- integration_scores ======================================================================

-- protocol_id keeps ON DELETE CASCADE (same reason as homework) and leads
-- idx_scores_protocol. The table has no created_by column.

revoke all on public.integration_scores from anon;
revoke truncate, references, trigger on public.integration_scores from authenticated;

alter policy scores_read on public.integration_scores
  to authenticated
  using (protocol_id = any (array(select private.readable_protocol_ids())));

drop policy scores_write on public.integration_scores;

create policy scores_write on public.integration_scores
  for insert to authenticated
  with check (protocol_id = any (array(select private.writable_protocol_ids())));

create policy scores_update on public.integration_scores
  for update to authenticated
  using (protocol_id = any (array(select private.writable_protocol_ids())))
  with check (protocol_id = any (array(select private.writable_protocol_ids())));

create policy scores_delete on public.integration_scores
  for delete to authenticated
  using (protocol_id = any (array(select private.writable_protocol_ids())));
