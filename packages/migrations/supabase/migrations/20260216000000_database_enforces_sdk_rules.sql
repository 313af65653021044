-- The database refuses what the SDK refuses (issue 5): the limits that @ppn/schema's
-- refinements.ts held on the client side only become CHECK constraints, so a caller who
-- goes straight to PostgREST (or SQL) meets the same rules as one who uses the SDK.
--
-- Each constraint is added NOT VALID: new and updated rows are checked from now on, but
-- existing rows are not scanned while this file holds its ACCESS EXCLUSIVE locks.
-- 20260216000100_validate_database_enforces_sdk_rules.sql validates them in a separate
-- transaction, under a lock that lets reads and writes continue.
--
-- Not expressible here: `integration_scores.score_value` (numeric(5,2)) and
-- `practitioner_profiles.hourly_rate` (numeric(10,2)) round a value with more than two
-- decimals on input, before any CHECK sees it, so the database stores 12.345 as 12.35. The
-- SDK keeps refusing such values (see the package README, "Rules only the SDK holds").

-- Fail fast instead of queueing behind long transactions on a busy database.
set local lock_timeout = '5s';
set local statement_timeout = '10min';


-- private.tags_within(tags, max_chars) ====================================================

-- True when every element of `tags` is a non-null text of 1..max_chars characters (code
-- points, as char_length counts them); null for a null array, so a CHECK lets a null
-- column pass. A CHECK cannot hold a subquery over the array's elements, hence a function;
-- it must be IMMUTABLE to be used in one (it reads nothing but its arguments).
create function private.tags_within(tags text[], max_chars integer)
returns boolean
language sql
immutable
strict
parallel safe
set search_path = ''
as $$
  select coalesce(bool_and(t is not null and char_length(t) between 1 and max_chars), true)
  from unnest(tags) as u(t)
$$;

comment on function private.tags_within(text[], integer) is
  'CHECK helper: every element of the array is a non-null text of 1..max_chars characters (null for a null array).';

-- A CHECK runs with the privileges of the role writing the row, and Postgres checks
-- EXECUTE on every function in it whatever the column's value, so each role that inserts
-- or updates practitioner_profiles must be able to execute it: authenticated (the API)
-- and service_role. anon writes no table. Functions are executable by PUBLIC unless
-- revoked.
revoke all on function private.tags_within(text[], integer) from public, anon, authenticated;
grant execute on function private.tags_within(text[], integer) to authenticated, service_role;


-- session_events ============================================================================

-- Notes are "structured notes only" (the column comment): a paragraph or two typed during
-- a session. 2000 characters leaves room for that and keeps a timeline light to load.
alter table public.session_events
  add constraint session_events_notes_length
    check (char_length(notes) <= 2000) not valid;


-- integration_homework ======================================================================

-- Same limit as session notes, for the same reasons; and homework cannot be completed
-- before it was assigned (a completion date earlier than the assignment is a typing
-- error). Null completed_date (not completed) passes.
alter table public.integration_homework
  add constraint integration_homework_completion_notes_length
    check (char_length(completion_notes) <= 2000) not valid,
  add constraint integration_homework_completed_after_assigned
    check (completed_date >= assigned_date) not valid;


-- integration_scores ========================================================================

-- Counted from the dosing session: a score taken before the dose is a baseline and has no
-- "days post dose" (null).
alter table public.integration_scores
  add constraint integration_scores_days_post_dose_check
    check (days_post_dose >= 0) not valid;


-- practitioner_profiles =====================================================================

-- Directory fields. display_name is a directory label: 1..120 characters and not blank.
-- "Blank" means only whitespace as JavaScript's \s defines it (the SDK's rule, so that
-- both refuse the same strings): tab, LF, VT, FF, CR, space, U+00A0, U+1680,
-- U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF. The class is spelled
-- out instead of \s, whose meaning in Postgres depends on the database's locale.
-- Length and blankness are separate constraints: the length one is a plain character
-- bound, which @ppn/schema's generator turns into validators; the regular expression is
-- left to the database (and to the SDK's refinement).
alter table public.practitioner_profiles
  add constraint practitioner_profiles_display_name_length
    check (char_length(display_name) between 1 and 120) not valid,
  add constraint practitioner_profiles_display_name_not_blank
    check (display_name ~ '[^\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]') not valid,
  -- e.g. "MD, LMFT, MAPS-trained".
  add constraint practitioner_profiles_credentials_length
    check (char_length(credentials) <= 200) not valid,
  -- Search tags (GIN-indexed), not prose: at most 20 of 1..60 characters each keeps the
  -- directory's filters usable and the indexes small.
  add constraint practitioner_profiles_specialties_tags
    check (cardinality(specialties) <= 20 and private.tags_within(specialties, 60)) not valid,
  add constraint practitioner_profiles_modalities_tags
    check (cardinality(modalities) <= 20 and private.tags_within(modalities, 60)) not valid,
  -- A negative capacity would lock the practitioner out of accepting anyone without
  -- saying why. 0 (not taking supervisees) stays allowed.
  add constraint practitioner_profiles_max_supervisees_check
    check (max_supervisees >= 0) not valid;


-- supervision_circles =======================================================================

-- circle_name is a list label: 1..120 characters and not blank (as display_name above).
-- max_members: null means no limit; 0 or less would make a circle nobody can join.
alter table public.supervision_circles
  add constraint supervision_circles_circle_name_length
    check (char_length(circle_name) between 1 and 120) not valid,
  add constraint supervision_circles_circle_name_not_blank
    check (circle_name ~ '[^\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]') not valid,
  add constraint supervision_circles_max_members_check
    check (max_members >= 1) not valid;
