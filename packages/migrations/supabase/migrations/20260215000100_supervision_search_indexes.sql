-- Performance (issue 6): indexes for the supervision directory search, and custom plans
-- for API requests.
--
-- supervision.search (SDK) asks PostgREST for one page ordered by years_experience DESC
-- NULLS LAST, profile_id, filtered by any of: specialties && tags, modalities && tags,
-- years_experience >= n, hourly_rate <= n, is_accepting_supervision = true (the default);
-- and for count=estimated, which counts matches exactly up to 1001.
--
-- Measured on the full-scale benchmark data (bench/, 100,000 profiles, 24 filter
-- combinations, database execution time of PostgREST's statement, EXPLAIN ANALYZE medians):
--   before: p50 16 ms, p95 28 ms, worst 38 ms (every broad search sorted all matches; a
--           two-tag search built and intersected two GIN bitmaps twice, for page and count)
--   after:  p50 about 2.5 ms, p95 about 8 ms (worst: rare tags and common tag pairs, whose
--           GIN bitmaps are built twice, for the page and for the count).
-- See bench/RESULTS.md for the figures through PostgREST.

set local lock_timeout = '5s';
set local statement_timeout = '10min';

-- The search's order. A page of a broad search reads the first rows of this index and
-- stops at the page size, instead of sorting every match; years_experience >= n is a
-- range of it.
create index idx_practitioner_profiles_years_experience
  on public.practitioner_profiles (years_experience desc nulls last, profile_id);

-- hourly_rate <= n among practitioners accepting supervisees (the SDK's default filter).
-- Under RLS the planner may not read the column's histogram for numeric comparisons
-- (numeric_le is not leakproof), so without it a rate filter scanned the table. The
-- included columns let the count (up to 1001 rows) combine a rate with experience or tags
-- from the index alone, without visiting the table.
create index idx_practitioner_profiles_hourly_rate
  on public.practitioner_profiles (hourly_rate)
  include (years_experience, specialties, modalities)
  where is_accepting_supervision;

-- years_experience >= n together with hourly_rate <= n, counted from the index alone.
create index idx_practitioner_profiles_years_experience_hourly_rate
  on public.practitioner_profiles (years_experience, hourly_rate)
  where is_accepting_supervision;

-- Both tag arrays in one GIN index, for practitioners accepting supervisees: a search by
-- specialty and modality is one index scan whose rarer key drives it, instead of two
-- bitmaps ANDed; a search by either array alone uses it as well. The work order's
-- single-array GIN indexes still serve searches that include practitioners not accepting.
create index idx_practitioner_profiles_specialties_modalities
  on public.practitioner_profiles using gin (specialties, modalities)
  where is_accepting_supervision;

-- PostgREST runs each request as a prepared statement. After five executions Postgres may
-- switch a statement to a generic plan, chosen without the request's values: the same
-- plan then serves a search for the most common tag and for the rarest, and a timeline
-- for any protocol. Measured through PostgREST on the same data, the search's p95 went
-- from 45 ms to 25 ms with custom plans (planning costs about 0.3 ms per request).
-- PostgREST applies the impersonated role's settings to every request it runs as that
-- role (PostgREST >= 11.1, "impersonated role settings").
alter role authenticated set plan_cache_mode = 'force_custom_plan';
