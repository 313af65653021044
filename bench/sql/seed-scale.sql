-- Scale data for benchmarks: set-based inserts with generate_series, no COPY.
--
-- bench/seed-scale.ts runs the parts below (`-- @part <name>`), substituting {{name}}
-- placeholders with numbers: the row counts of the chosen scale and the id bases (the
-- highest id already in each table, so the dev seed's rows stay where they are). Ids are
-- given explicitly (overriding system value) so later parts can compute the rows they
-- refer to, and the identity sequences are moved past them at the end.
--
-- Shape (full scale):
--   {{sites}} sites, 10 staff per site (5 clinicians, 1 site admin, 4 members), who are also
--   the first practitioners of the directory;
--   {{records}} clinical records, a block of consecutive ones per site: {{recordsPerSite}}
--   each (100), except the last sites of the 10x scale, which hold a realistic mix of
--   histories: {{tier20k}} sites of 20,000 records, {{tier5k}} of 5,000, {{tier1k}} of 1,000;
--   {{events}} session events: every 50th record is a full ~7.5 h session of exactly 300
--   events (the timeline benchmark reads one of these); the rest share the remaining
--   events evenly (about 45 each at full scale);
--   {{profiles}} practitioner profiles, each with its own auth.users row, with specialty
--   and modality tags drawn with a skew (a few tags are on most profiles, most tags on few);
--   {{homework}} homework rows and {{scores}} integration scores, evenly per record.
-- Session events, homework and scores take site_id (and events and homework created_by)
-- from their record: triggers are off during the seed, so the column the database keeps
-- from the protocol (issue 18) is written here, and checked after the seed.
--
-- Random values come from random() after setseed(), so a run is repeatable.

-- @part users
select setseed(0.42);

insert into auth.users (id, email, raw_user_meta_data)
select
  ('10000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid,
  'practitioner' || g || '@scale.ppn.local',
  '{"scale":true}'::jsonb
from generate_series(1, {{profiles}}) g;

-- @part sites
insert into public.sites (site_id, site_name) overriding system value
select {{siteBase}} + s, 'Scale site ' || s
from generate_series(1, {{sites}}) s;

-- Staff: user (s - 1) * 10 + k of site s; k 1-5 clinicians, 6 site admin, 7-10 members.
insert into public.user_sites (user_id, site_id, role)
select
  ('10000000-0000-4000-8000-' || lpad(to_hex((s - 1) * 10 + k), 12, '0'))::uuid,
  {{siteBase}} + s,
  case when k <= 5 then 'clinician' when k = 6 then 'site_admin' else 'member' end
from generate_series(1, {{sites}}) s, generate_series(1, 10) k;

-- @part records
select setseed(0.43);

-- Sites hold consecutive blocks of records (site 1 records 1-{{recordsPerSite}}, ...), the
-- large sites last, each created by one of that site's clinicians, on session date
-- 2024-01-01 + (i % 700) days.
insert into public.log_clinical_records
  (record_id, site_id, patient_reference, session_date, substance, created_by, created_at)
overriding system value
select
  {{recordBase}} + x.i,
  {{siteBase}} + x.s,
  'PT-' || lpad(x.i::text, 6, '0'),
  date '2024-01-01' + (x.i % 700),
  (array['Psilocybin', 'Psilocybin', 'Ketamine', 'Ketamine', 'Ketamine', 'MDMA', 'LSD'])[1 + floor(random() * 7)::int],
  ('10000000-0000-4000-8000-' || lpad(to_hex((x.s - 1) * 10 + 1 + (x.i % 5)), 12, '0'))::uuid,
  (date '2024-01-01' + (x.i % 700))::timestamptz + interval '8 hours'
from (
  select (row_number() over (order by ss.s, k))::int as i, ss.s
  from (
    select s, case
      when s > {{sites}} - {{tier20k}} then 20000
      when s > {{sites}} - {{tier20k}} - {{tier5k}} then 5000
      when s > {{sites}} - {{tier20k}} - {{tier5k}} - {{tier1k}} then 1000
      else {{recordsPerSite}}
    end as n
    from generate_series(1, {{sites}}) s
  ) ss, generate_series(1, ss.n) k
) x;

-- @part session_events
select setseed(0.44);

-- Event g belongs to record i at position j (see the header for the shape).
insert into public.session_events
  (event_id, protocol_id, site_id, event_type_id, event_timestamp, intensity_level, notes, created_by, created_at)
overriding system value
select
  {{eventBase}} + g,
  r.record_id,
  r.site_id,
  -- skewed: vital sign checks and music changes are common, boosters rare
  (array[4, 4, 4, 3, 3, 3, 1, 1, 7, 7, 2, 8, 6, 5])[1 + floor(random() * 14)::int],
  e.t,
  case when random() < 0.8 then 1 + floor(random() * 10)::int end,
  case when random() < 0.3 then 'Observed; see structured fields.' end,
  r.created_by,
  e.t
from (
  select
    g,
    i,
    (date '2024-01-01' + (i % 700))::timestamptz + interval '9 hours'
      + j * case when big then interval '90 seconds' else interval '6 minutes' end as t
  from (
    select
      g,
      g <= {{bigEvents}} as big,
      case
        when g <= {{bigEvents}} then ((g - 1) / 300 + 1) * 50
        -- idx-th record that is not a multiple of 50
        else ((g - {{bigEvents}} - 1) % {{smallRecords}}) + ((g - {{bigEvents}} - 1) % {{smallRecords}}) / 49 + 1
      end as i,
      case
        when g <= {{bigEvents}} then (g - 1) % 300
        else (g - {{bigEvents}} - 1) / {{smallRecords}}
      end as j
    from generate_series(1, {{events}}) g
  ) x
) e
join public.log_clinical_records r on r.record_id = {{recordBase}} + e.i;

-- @part practitioner_profiles
select setseed(0.45);

-- Tag k of a list of n is drawn with probability falling off like a power law
-- (index = floor(n * random()^2.5)): the first tags are on most profiles.
insert into public.practitioner_profiles
  (profile_id, user_id, display_name, credentials, specialties, modalities,
   years_experience, hourly_rate, is_accepting_supervision, max_supervisees, bio, created_at, updated_at)
overriding system value
select
  {{profileBase}} + g,
  ('10000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid,
  'Practitioner ' || g,
  (array['MD', 'PhD', 'PsyD', 'LMFT', 'LCSW', 'LPC', 'RN', 'NP'])[1 + g % 8],
  array(
    select distinct (array['PTSD', 'TRD', 'Integration', 'Anxiety', 'Addiction', 'Grief',
      'End-of-life', 'Couples', 'OCD', 'Eating disorders', 'Chronic pain', 'Adolescents',
      'Veterans', 'First responders', 'Somatic', 'Spiritual emergence'])[1 + floor(16 * power(random(), 2.5))::int]
    from generate_series(1, 1 + g % 4)
  ),
  array(
    select distinct (array['Ketamine', 'Psilocybin', 'MDMA', 'LSD', 'Esketamine', 'Ayahuasca',
      'Ibogaine', '5-MeO-DMT', 'Mescaline', 'Cannabis', 'DMT', 'Iboga'])[1 + floor(12 * power(random(), 2.5))::int]
    from generate_series(1, 1 + g % 3)
  ),
  floor(40 * power(random(), 1.6))::int,
  case when g % 20 = 0 then null else round((60 + random() * 340)::numeric, 2) end,
  random() < 0.55,
  1 + g % 8,
  'Practitioner ' || g || ': psychedelic-assisted therapy and integration.',
  now() - (g % 1000) * interval '1 day',
  now() - (g % 1000) * interval '1 day'
from generate_series(1, {{profiles}}) g;

-- @part integration_homework
select setseed(0.46);

insert into public.integration_homework
  (homework_id, protocol_id, homework_type_id, assigned_date, due_date, completed_date,
   is_completed, completion_notes, created_by, created_at, site_id)
overriding system value
select
  {{homeworkBase}} + g,
  r.record_id,
  1 + g % 8,
  h.assigned,
  h.assigned + 7,
  case when h.done then h.assigned + (g % 8) end,
  h.done,
  case when h.done and g % 3 = 0 then 'Completed as planned.' end,
  r.created_by,
  h.assigned::timestamptz + interval '10 hours',
  r.site_id
from (
  select
    g,
    1 + (g - 1) % {{records}} as i,
    date '2024-01-01' + ((1 + (g - 1) % {{records}}) % 700) + 1 + ((g - 1) / {{records}}) * 3 as assigned,
    random() < 0.6 as done
  from generate_series(1, {{homework}}) g
) h
join public.log_clinical_records r on r.record_id = {{recordBase}} + h.i;

-- @part integration_scores
select setseed(0.47);

insert into public.integration_scores
  (score_id, protocol_id, site_id, scale_type, score_value, measured_at, days_post_dose, created_at)
overriding system value
select
  {{scoreBase}} + g,
  r.record_id,
  r.site_id,
  case when g % 2 = 0 then 'IES' else 'EIS' end,
  round((random() * 100)::numeric, 2),
  (date '2024-01-01' + (s.i % 700) + s.days)::timestamptz + interval '12 hours',
  s.days,
  (date '2024-01-01' + (s.i % 700) + s.days)::timestamptz + interval '12 hours'
from (
  select g, 1 + (g - 1) % {{records}} as i, (array[1, 3, 7, 14, 30, 60, 90, 120, 180, 365])[1 + ((g - 1) / {{records}}) % 10] as days
  from generate_series(1, {{scores}}) g
) s
join public.log_clinical_records r on r.record_id = {{recordBase}} + s.i;

-- @part sequences
select setval(pg_get_serial_sequence('public.sites', 'site_id'), (select max(site_id) from public.sites));
select setval(pg_get_serial_sequence('public.log_clinical_records', 'record_id'), (select max(record_id) from public.log_clinical_records));
select setval(pg_get_serial_sequence('public.session_events', 'event_id'), (select max(event_id) from public.session_events));
select setval(pg_get_serial_sequence('public.practitioner_profiles', 'profile_id'), (select max(profile_id) from public.practitioner_profiles));
select setval(pg_get_serial_sequence('public.integration_homework', 'homework_id'), (select max(homework_id) from public.integration_homework));
select setval(pg_get_serial_sequence('public.integration_scores', 'score_id'), (select max(score_id) from public.integration_scores));
