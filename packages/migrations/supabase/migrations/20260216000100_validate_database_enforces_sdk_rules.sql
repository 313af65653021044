-- Validates the CHECK constraints added NOT VALID in
-- 20260216000000_database_enforces_sdk_rules.sql (issue 5: the database refuses what the
-- SDK refuses). A separate file, because one transaction per file would otherwise hold that
-- file's ACCESS EXCLUSIVE locks during the scans, which is what NOT VALID avoids. VALIDATE
-- takes only a SHARE UPDATE EXCLUSIVE lock: reads and writes continue while it checks the
-- existing rows.
--
-- If this fails, the error names the constraint that an existing row breaks. Find the rows
-- with its condition negated, e.g. for practitioner_profiles_display_name_length
--   select profile_id, display_name from public.practitioner_profiles
--    where not (char_length(display_name) between 1 and 120);
-- correct them (as the service role), and run the migration again. Rows the SDK wrote
-- already satisfy every one of these rules.

-- Fail fast instead of queueing behind long transactions on a busy database.
set local lock_timeout = '5s';
set local statement_timeout = '10min';


alter table public.session_events
  validate constraint session_events_notes_length;

alter table public.integration_homework
  validate constraint integration_homework_completion_notes_length;

alter table public.integration_homework
  validate constraint integration_homework_completed_after_assigned;

alter table public.integration_scores
  validate constraint integration_scores_days_post_dose_check;

alter table public.practitioner_profiles
  validate constraint practitioner_profiles_display_name_length;

alter table public.practitioner_profiles
  validate constraint practitioner_profiles_display_name_not_blank;

alter table public.practitioner_profiles
  validate constraint practitioner_profiles_credentials_length;

alter table public.practitioner_profiles
  validate constraint practitioner_profiles_specialties_tags;

alter table public.practitioner_profiles
  validate constraint practitioner_profiles_modalities_tags;

alter table public.practitioner_profiles
  validate constraint practitioner_profiles_max_supervisees_check;

alter table public.supervision_circles
  validate constraint supervision_circles_circle_name_length;

alter table public.supervision_circles
  validate constraint supervision_circles_circle_name_not_blank;

alter table public.supervision_circles
  validate constraint supervision_circles_max_members_check;
