-- Validates what 20261201100000_supervision_history_survives_departure.sql added
-- NOT VALID: the two participant foreign keys (re-created ON DELETE SET NULL) and the
-- CHECK that an open relationship has both participants. A separate file, because one
-- transaction per file would otherwise hold that file's ACCESS EXCLUSIVE locks during the
-- scans; VALIDATE takes SHARE UPDATE EXCLUSIVE (reads and writes continue).
--
-- Every existing row satisfies the foreign keys: the same keys were enforced before they
-- were re-created. If the CHECK fails, a pending or active row has no supervisor or no
-- supervisee (only a service-role insert could have made one):
--   select relationship_id from public.supervision_relationships
--    where status in ('pending', 'active') and (supervisor_id is null or supervisee_id is null);
-- cancel or delete those rows as the service role, and run the migration again.

-- Fail fast instead of queueing behind long transactions on a busy database.
set local lock_timeout = '5s';
set local statement_timeout = '10min';


alter table public.supervision_relationships
  validate constraint supervision_relationships_supervisor_id_fkey;

alter table public.supervision_relationships
  validate constraint supervision_relationships_supervisee_id_fkey;

alter table public.supervision_relationships
  validate constraint supervision_relationships_open_has_participants;
