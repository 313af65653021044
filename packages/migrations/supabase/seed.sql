-- DEV SEED: personas and demo data for the local stack. Never a migration, never run
-- against production. Reference data (medications, event types, homework types) is not
-- here: the migrations seed it.
--
-- Runs as the superuser after the migrations, with no JWT claims, so auth.uid() is null
-- and the created_by triggers keep the explicit values below. Fixed ids keep persona
-- tokens and tests stable; `on conflict do nothing` makes a second run harmless.

-- Sites -----------------------------------------------------------------------------------

insert into public.sites (site_id, site_name) overriding system value values
  (1, 'Site A'),
  (2, 'Site B'),
  (3, 'PPN Network Office')
on conflict do nothing;

-- Accounts (no GoTrue locally: the stack signs tokens for these ids) ------------------------

insert into auth.users (id, email, raw_user_meta_data) values
  ('00000000-0000-4000-8000-000000000001', 'networkAdmin@ppn.local', '{"persona":"networkAdmin"}'),
  ('00000000-0000-4000-8000-000000000002', 'noSite@ppn.local',       '{"persona":"noSite"}'),
  ('00000000-0000-4000-8000-000000000003', 'supervisor@ppn.local',   '{"persona":"supervisor"}'),
  ('00000000-0000-4000-8000-000000000004', 'supervisee@ppn.local',   '{"persona":"supervisee"}'),
  ('00000000-0000-4000-8000-000000000005', 'clinicalReviewer@ppn.local', '{"persona":"clinicalReviewer"}'),
  ('00000000-0000-4000-8000-000000000a01', 'clinicianA@ppn.local',   '{"persona":"clinicianA"}'),
  ('00000000-0000-4000-8000-000000000a02', 'siteAdminA@ppn.local',   '{"persona":"siteAdminA"}'),
  ('00000000-0000-4000-8000-000000000a03', 'memberA@ppn.local',      '{"persona":"memberA"}'),
  ('00000000-0000-4000-8000-000000000b01', 'clinicianB@ppn.local',   '{"persona":"clinicianB"}'),
  ('00000000-0000-4000-8000-000000000b02', 'siteAdminB@ppn.local',   '{"persona":"siteAdminB"}'),
  ('00000000-0000-4000-8000-000000000b03', 'memberB@ppn.local',      '{"persona":"memberB"}'),
  -- owners of the extra directory profiles (not personas)
  ('00000000-0000-4000-8000-000000000d01', 'alex.rivera@ppn.local',  '{}'),
  ('00000000-0000-4000-8000-000000000d02', 'morgan.lee@ppn.local',   '{}'),
  ('00000000-0000-4000-8000-000000000d03', 'priya.shah@ppn.local',   '{}'),
  ('00000000-0000-4000-8000-000000000d04', 'casey.nguyen@ppn.local', '{}')
on conflict do nothing;

-- Site membership: noSite, supervisor and supervisee have none ------------------------------

insert into public.user_sites (user_id, site_id, role) values
  ('00000000-0000-4000-8000-000000000001', 3, 'network_admin'),
  -- reviews interaction evidence; no other powers (a member of the network office only)
  ('00000000-0000-4000-8000-000000000005', 3, 'clinical_reviewer'),
  ('00000000-0000-4000-8000-000000000a01', 1, 'clinician'),
  ('00000000-0000-4000-8000-000000000a02', 1, 'site_admin'),
  ('00000000-0000-4000-8000-000000000a03', 1, 'member'),
  ('00000000-0000-4000-8000-000000000b01', 2, 'clinician'),
  ('00000000-0000-4000-8000-000000000b02', 2, 'site_admin'),
  ('00000000-0000-4000-8000-000000000b03', 2, 'member')
on conflict do nothing;

-- Practitioner directory --------------------------------------------------------------------

insert into public.practitioner_profiles
  (profile_id, user_id, display_name, credentials, specialties, modalities,
   years_experience, hourly_rate, is_accepting_supervision, bio)
overriding system value values
  (1, '00000000-0000-4000-8000-000000000003', 'Dr. Sam Supervisor', 'PhD, LMFT',
   '{PTSD,TRD}', '{Psilocybin,Ketamine}', 12, 150, true,
   'Supervises clinicians new to psilocybin and ketamine-assisted therapy.'),
  (2, '00000000-0000-4000-8000-000000000004', 'Riley Supervisee', 'LCSW',
   '{Integration}', '{Ketamine}', 2, 60, false,
   'Early-career integration therapist looking for supervision.'),
  (3, '00000000-0000-4000-8000-000000000d01', 'Dr. Alex Rivera', 'MD',
   '{PTSD,Addiction}', '{MDMA,Psilocybin}', 15, 200, true,
   'Psychiatrist; MDMA-assisted therapy for PTSD.'),
  (4, '00000000-0000-4000-8000-000000000d02', 'Morgan Lee', 'LPC',
   '{Integration,Grief}', '{Psilocybin}', 6, 90, true,
   'Integration and grief work after psilocybin sessions.'),
  (5, '00000000-0000-4000-8000-000000000d03', 'Dr. Priya Shah', 'PsyD',
   '{TRD,Anxiety}', '{Ketamine}', 9, 175, false,
   'Ketamine-assisted psychotherapy for treatment-resistant depression.'),
  (6, '00000000-0000-4000-8000-000000000d04', 'Casey Nguyen', 'LMFT',
   '{Integration,PTSD}', '{Ketamine,MDMA}', 4, 75, true,
   'Couples and trauma-focused integration.')
on conflict do nothing;

-- One active dyad between two non-persona profiles, so persona tests start from a clean
-- slate (no existing relationship for the supervisor or the supervisee).
insert into public.supervision_relationships
  (relationship_id, supervisor_id, supervisee_id, status, started_at)
overriding system value values
  (1, 3, 6, 'active', '2026-01-05 17:00:00+00')
on conflict do nothing;

insert into public.supervision_circles (circle_id, circle_name, max_members, meeting_frequency)
overriding system value values
  (1, 'Ketamine Integration Peer Circle', 8, 'biweekly')
on conflict do nothing;

insert into public.circle_members (circle_id, profile_id) values
  (1, 4)
on conflict do nothing;

-- Clinical records (protocols): two per site ------------------------------------------------

insert into public.log_clinical_records
  (record_id, site_id, patient_reference, session_date, substance, created_by)
overriding system value values
  (1, 1, 'A-0001', '2026-02-10', 'Psilocybin', '00000000-0000-4000-8000-000000000a01'),
  (2, 1, 'A-0002', '2026-02-11', 'Ketamine',   '00000000-0000-4000-8000-000000000a01'),
  (3, 2, 'B-0001', '2026-02-09', 'Psilocybin', '00000000-0000-4000-8000-000000000b01'),
  (4, 2, 'B-0002', '2026-02-12', 'MDMA',       '00000000-0000-4000-8000-000000000b01')
on conflict do nothing;

-- Session events: a 6-hour session on each site's first protocol -----------------------------

insert into public.session_events
  (protocol_id, event_type_id, event_timestamp, intensity_level, notes, created_by, client_event_id)
select e.protocol_id, t.event_type_id, e.session_start + e.offset_after_start,
       e.intensity_level, e.notes, e.created_by, e.client_event_id
from (values
  (1, timestamptz '2026-02-10 09:00:00-08', interval '0 minutes',  'Vital Signs Check',  null, 'Baseline vitals before dosing', '00000000-0000-4000-8000-000000000a01'::uuid, '00000000-0000-4000-8000-00000000e101'::uuid),
  (1, timestamptz '2026-02-10 09:00:00-08', interval '45 minutes', 'Music Change',       3,    'Moved to the ascent playlist',  '00000000-0000-4000-8000-000000000a01', '00000000-0000-4000-8000-00000000e102'),
  (1, timestamptz '2026-02-10 09:00:00-08', interval '75 minutes', 'Distress',           7,    'Anxiety at onset; grounding used', '00000000-0000-4000-8000-000000000a01', '00000000-0000-4000-8000-00000000e103'),
  (1, timestamptz '2026-02-10 09:00:00-08', interval '90 minutes', 'Vital Signs Check',  null, 'BP elevated, within limits',    '00000000-0000-4000-8000-000000000a01', '00000000-0000-4000-8000-00000000e104'),
  (1, timestamptz '2026-02-10 09:00:00-08', interval '2 hours',    'Peak Experience',    9,    'Peak reported',                 '00000000-0000-4000-8000-000000000a01', '00000000-0000-4000-8000-00000000e105'),
  (1, timestamptz '2026-02-10 09:00:00-08', interval '150 minutes','Breakthrough',       8,    'Emotional release',             '00000000-0000-4000-8000-000000000a01', '00000000-0000-4000-8000-00000000e106'),
  (1, timestamptz '2026-02-10 09:00:00-08', interval '3 hours',    'Bathroom Break',     null, null,                            '00000000-0000-4000-8000-000000000a01', '00000000-0000-4000-8000-00000000e107'),
  (1, timestamptz '2026-02-10 09:00:00-08', interval '4 hours',    'Music Change',       4,    'Moved to the return playlist',  '00000000-0000-4000-8000-000000000a01', '00000000-0000-4000-8000-00000000e108'),
  (1, timestamptz '2026-02-10 09:00:00-08', interval '5 hours',    'Integration Moment', 5,    'Early reflections shared',      '00000000-0000-4000-8000-000000000a01', '00000000-0000-4000-8000-00000000e109'),
  (1, timestamptz '2026-02-10 09:00:00-08', interval '6 hours',    'Vital Signs Check',  null, 'Discharge vitals normal',       '00000000-0000-4000-8000-000000000a01', '00000000-0000-4000-8000-00000000e110'),
  (3, timestamptz '2026-02-09 10:00:00-08', interval '0 minutes',  'Vital Signs Check',  null, 'Baseline vitals before dosing', '00000000-0000-4000-8000-000000000b01', '00000000-0000-4000-8000-00000000e301'),
  (3, timestamptz '2026-02-09 10:00:00-08', interval '40 minutes', 'Music Change',       2,    'Moved to the ascent playlist',  '00000000-0000-4000-8000-000000000b01', '00000000-0000-4000-8000-00000000e302'),
  (3, timestamptz '2026-02-09 10:00:00-08', interval '70 minutes', 'Distress',           6,    'Nausea; settled with breathing','00000000-0000-4000-8000-000000000b01', '00000000-0000-4000-8000-00000000e303'),
  (3, timestamptz '2026-02-09 10:00:00-08', interval '2 hours',    'Peak Experience',    8,    'Peak reported',                 '00000000-0000-4000-8000-000000000b01', '00000000-0000-4000-8000-00000000e304'),
  (3, timestamptz '2026-02-09 10:00:00-08', interval '150 minutes','Vital Signs Check',  null, 'Vitals stable',                 '00000000-0000-4000-8000-000000000b01', '00000000-0000-4000-8000-00000000e305'),
  (3, timestamptz '2026-02-09 10:00:00-08', interval '3 hours',    'Breakthrough',       9,    'Insight about early memories',  '00000000-0000-4000-8000-000000000b01', '00000000-0000-4000-8000-00000000e306'),
  (3, timestamptz '2026-02-09 10:00:00-08', interval '210 minutes','Bathroom Break',     null, null,                            '00000000-0000-4000-8000-000000000b01', '00000000-0000-4000-8000-00000000e307'),
  (3, timestamptz '2026-02-09 10:00:00-08', interval '4 hours',    'Music Change',       3,    'Moved to the return playlist',  '00000000-0000-4000-8000-000000000b01', '00000000-0000-4000-8000-00000000e308'),
  (3, timestamptz '2026-02-09 10:00:00-08', interval '5 hours',    'Integration Moment', 4,    'Early reflections shared',      '00000000-0000-4000-8000-000000000b01', '00000000-0000-4000-8000-00000000e309'),
  (3, timestamptz '2026-02-09 10:00:00-08', interval '6 hours',    'Vital Signs Check',  null, 'Discharge vitals normal',       '00000000-0000-4000-8000-000000000b01', '00000000-0000-4000-8000-00000000e310')
) as e(protocol_id, session_start, offset_after_start, event_name, intensity_level, notes, created_by, client_event_id)
join public.ref_event_types t on t.event_name = e.event_name
on conflict (protocol_id, client_event_id) do nothing;

-- Integration homework and scores on each site's first protocol -----------------------------

insert into public.integration_homework
  (homework_id, protocol_id, homework_type_id, assigned_date, due_date, completed_date,
   is_completed, completion_notes, created_by)
overriding system value
select h.homework_id, h.protocol_id, t.homework_type_id, h.assigned_date, h.due_date,
       h.completed_date, h.is_completed, h.completion_notes, h.created_by
from (values
  (1, 1, 'Journaling', date '2026-02-11', date '2026-02-14', date '2026-02-13', true,  'Three entries written', '00000000-0000-4000-8000-000000000a01'::uuid),
  (2, 1, 'Meditation', date '2026-02-11', date '2026-02-18', null::date,        false, null,                    '00000000-0000-4000-8000-000000000a01'),
  (3, 3, 'Nature Connection', date '2026-02-10', date '2026-02-17', null,       false, null,                    '00000000-0000-4000-8000-000000000b01'),
  (4, 3, 'Therapy Session',   date '2026-02-10', date '2026-02-12', date '2026-02-12', true, 'Follow-up held',     '00000000-0000-4000-8000-000000000b01')
) as h(homework_id, protocol_id, homework_name, assigned_date, due_date, completed_date,
       is_completed, completion_notes, created_by)
join public.ref_homework_types t on t.homework_name = h.homework_name
on conflict do nothing;

insert into public.integration_scores
  (score_id, protocol_id, scale_type, score_value, measured_at, days_post_dose)
overriding system value values
  (1, 1, 'IES', 42.00, '2026-02-11 17:00:00+00', 1),
  (2, 1, 'IES', 28.50, '2026-02-17 17:00:00+00', 7),
  (3, 1, 'EIS', 55.00, '2026-02-17 17:00:00+00', 7),
  (4, 3, 'IES', 38.00, '2026-02-10 18:00:00+00', 1),
  (5, 3, 'IES', 30.00, '2026-02-16 18:00:00+00', 7),
  (6, 3, 'EIS', 61.00, '2026-02-16 18:00:00+00', 7)
on conflict do nothing;

-- Identity sequences continue after the fixed ids -------------------------------------------

do $$
begin
  perform setval(pg_get_serial_sequence('public.sites', 'site_id'),
                 (select max(site_id) from public.sites));
  perform setval(pg_get_serial_sequence('public.practitioner_profiles', 'profile_id'),
                 (select max(profile_id) from public.practitioner_profiles));
  perform setval(pg_get_serial_sequence('public.supervision_relationships', 'relationship_id'),
                 (select max(relationship_id) from public.supervision_relationships));
  perform setval(pg_get_serial_sequence('public.supervision_circles', 'circle_id'),
                 (select max(circle_id) from public.supervision_circles));
  perform setval(pg_get_serial_sequence('public.log_clinical_records', 'record_id'),
                 (select max(record_id) from public.log_clinical_records));
  perform setval(pg_get_serial_sequence('public.integration_homework', 'homework_id'),
                 (select max(homework_id) from public.integration_homework));
  perform setval(pg_get_serial_sequence('public.integration_scores', 'score_id'),
                 (select max(score_id) from public.integration_scores));
end
$$;
