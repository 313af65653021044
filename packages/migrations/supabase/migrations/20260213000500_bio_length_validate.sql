-- Validates the bio length limit (at most 500 characters) added NOT VALID in
-- 20260213000200_harden_supervision_exchange.sql. A separate file, because one
-- transaction per file would otherwise hold that file's locks during the scan, which is
-- what NOT VALID avoids. VALIDATE takes only a SHARE UPDATE EXCLUSIVE lock: reads and
-- writes continue while it checks existing rows.
--
-- If this fails, some existing bio is longer than 500 characters: shorten it (as the
-- service role) and run the migration again.

-- Fail fast instead of queueing behind long transactions on a busy database.
set local lock_timeout = '5s';
set local statement_timeout = '10min';


alter table public.practitioner_profiles
  validate constraint practitioner_profiles_bio_length;
