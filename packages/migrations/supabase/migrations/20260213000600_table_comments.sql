-- Comments on every table and column in public, from the work order's inline comments and
-- intent. PostgREST shows them in its OpenAPI description; the schema package can
-- surface them in generated docs.

-- Fail fast instead of queueing behind long transactions on a busy database.
set local lock_timeout = '5s';
set local statement_timeout = '10min';


-- sites -----------------------------------------------------------------------------------

comment on table public.sites is
  'A clinic (site) in the PPN network. Clinical data is isolated per site. Written by the service role only.';
comment on column public.sites.site_id is 'Site identifier.';
comment on column public.sites.site_name is 'Display name of the site; unique across the network.';
comment on column public.sites.created_at is 'When the site was added.';

-- user_sites ------------------------------------------------------------------------------

comment on table public.user_sites is
  'Site membership: which users belong to which site, and in which role. Written by the service role only; users read their own rows, site admins read their site''s rows.';
comment on column public.user_sites.user_id is 'The member (auth.users.id).';
comment on column public.user_sites.site_id is 'The site the membership is for.';
comment on column public.user_sites.role is
  'network_admin (administers reference data and circles), site_admin and clinician (write the site''s clinical data), member (read-only).';
comment on column public.user_sites.created_at is 'When the membership was granted.';

-- log_clinical_records ----------------------------------------------------------------------

comment on table public.log_clinical_records is
  'A clinical record (protocol) at a site: the parent of session events, homework and integration scores. Never deleted through the API.';
comment on column public.log_clinical_records.record_id is
  'Record identifier; referenced as protocol_id by session_events, integration_homework and integration_scores.';
comment on column public.log_clinical_records.site_id is 'The site that owns the record; decides who may read and write it.';
comment on column public.log_clinical_records.patient_reference is
  'The site''s pseudonymous reference for the patient. Not a name or other direct identifier.';
comment on column public.log_clinical_records.session_date is 'Date of the dosing session.';
comment on column public.log_clinical_records.substance is 'Substance used in the session (e.g. Psilocybin, Ketamine).';
comment on column public.log_clinical_records.created_by is
  'Who created the record; set from the JWT (auth.uid()), never from the client. Null once the account is deleted.';
comment on column public.log_clinical_records.created_at is 'When the record was created.';

-- ref_medications ---------------------------------------------------------------------------

comment on table public.ref_medications is
  'Medication reference list for the Protocol Builder concomitant-medications field. Read by any signed-in user; maintained by network admins.';
comment on column public.ref_medications.medication_id is 'Medication identifier.';
comment on column public.ref_medications.medication_name is 'Generic name with a common brand in parentheses; unique.';
comment on column public.ref_medications.drug_class is 'Drug class, e.g. SSRI, SNRI, Benzodiazepine, Antipsychotic.';
comment on column public.ref_medications.rxnorm_cui is 'RxNorm Concept Unique Identifier, for standardisation (not yet populated).';
comment on column public.ref_medications.has_contraindication is
  'Interaction flag as written in the work order. Reference data awaiting clinical review, not decision support.';
comment on column public.ref_medications.contraindication_notes is
  'Interaction note as written in the work order. Reference data awaiting clinical review, not decision support.';
comment on column public.ref_medications.is_active is 'False retires the medication from pick lists without deleting it.';
comment on column public.ref_medications.created_at is 'When the row was added.';
comment on column public.ref_medications.updated_at is 'When the row last changed; kept by a trigger.';

-- ref_event_types ---------------------------------------------------------------------------

comment on table public.ref_event_types is
  'Kinds of session event (Distress, Breakthrough, ...) for the Session Logger. Read by any signed-in user; maintained by network admins.';
comment on column public.ref_event_types.event_type_id is 'Event type identifier.';
comment on column public.ref_event_types.event_name is 'Event type name; unique.';
comment on column public.ref_event_types.color_code is 'Hex colour for the UI, e.g. #f43f5e.';
comment on column public.ref_event_types.icon_name is 'Icon name for the UI, e.g. AlertTriangle.';
comment on column public.ref_event_types.is_active is 'False retires the type from pick lists; types in use cannot be deleted.';
comment on column public.ref_event_types.created_at is 'When the row was added.';

-- session_events ----------------------------------------------------------------------------

comment on table public.session_events is
  'Events logged during a 6-8 hour dosing session. Append-only: no updates or deletes through the API.';
comment on column public.session_events.event_id is 'Event identifier.';
comment on column public.session_events.protocol_id is 'The clinical record (log_clinical_records.record_id) the session belongs to.';
comment on column public.session_events.event_type_id is 'Kind of event (ref_event_types).';
comment on column public.session_events.event_timestamp is 'When the event happened during the session.';
comment on column public.session_events.intensity_level is 'Intensity from 1 to 10.';
comment on column public.session_events.notes is 'Structured notes only; no free-text patient identifiers.';
comment on column public.session_events.created_by is
  'Who logged the event; set from the JWT (auth.uid()), never from the client. Null once the account is deleted.';
comment on column public.session_events.created_at is 'When the event was recorded.';
comment on column public.session_events.client_event_id is
  'Idempotency key chosen by the client; unique per protocol, so a retried insert is ignored instead of duplicated.';

-- practitioner_profiles ---------------------------------------------------------------------

comment on table public.practitioner_profiles is
  'Searchable directory of practitioners for the Supervision Exchange. Network-wide: any signed-in user reads; each user writes only their own profile.';
comment on column public.practitioner_profiles.profile_id is 'Profile identifier.';
comment on column public.practitioner_profiles.user_id is 'The owning account; one profile per user; set from the JWT by default.';
comment on column public.practitioner_profiles.specialties is 'Specialties, e.g. {PTSD,TRD,Integration}; GIN-indexed for search.';
comment on column public.practitioner_profiles.modalities is 'Modalities, e.g. {Ketamine,Psilocybin,MDMA}; GIN-indexed for search.';
comment on column public.practitioner_profiles.years_experience is 'Years of practice; not negative.';
comment on column public.practitioner_profiles.hourly_rate is 'Supervision rate per hour; not negative.';
comment on column public.practitioner_profiles.is_accepting_supervision is 'Whether the practitioner accepts new supervisees.';
comment on column public.practitioner_profiles.max_supervisees is
  'Most active supervision relationships this practitioner may have as supervisor; enforced when a request is accepted.';
comment on column public.practitioner_profiles.bio is 'Short bio, at most 500 characters.';
comment on column public.practitioner_profiles.created_at is 'When the profile was created.';
comment on column public.practitioner_profiles.updated_at is 'When the profile last changed; kept by a trigger.';
comment on column public.practitioner_profiles.display_name is 'Name shown in the directory.';
comment on column public.practitioner_profiles.credentials is 'Professional credentials as the practitioner states them, e.g. MD, LMFT.';

-- supervision_relationships -----------------------------------------------------------------

comment on table public.supervision_relationships is
  'Supervision dyads. The supervisee requests (pending); the supervisor accepts (active) or declines (cancelled); either ends it (completed). Visible to its two participants; never deleted.';
comment on column public.supervision_relationships.relationship_id is 'Relationship identifier.';
comment on column public.supervision_relationships.supervisor_id is 'The supervising practitioner''s profile.';
comment on column public.supervision_relationships.supervisee_id is 'The supervised practitioner''s profile; never the supervisor.';
comment on column public.supervision_relationships.status is
  'pending, active, completed or cancelled; changes only along pending->active, pending->cancelled, active->completed.';
comment on column public.supervision_relationships.started_at is 'When the supervisor accepted; set by the database.';
comment on column public.supervision_relationships.ended_at is 'When the relationship was completed; set by the database.';
comment on column public.supervision_relationships.created_at is 'When the request was made.';

-- supervision_circles -----------------------------------------------------------------------

comment on table public.supervision_circles is
  'Small peer-supervision groups. Any signed-in user reads; network admins create and manage them.';
comment on column public.supervision_circles.circle_id is 'Circle identifier.';
comment on column public.supervision_circles.circle_name is 'Circle name.';
comment on column public.supervision_circles.max_members is 'Most members the circle may have; enforced when someone joins.';
comment on column public.supervision_circles.meeting_frequency is 'How often the circle meets: monthly, biweekly or weekly.';
comment on column public.supervision_circles.created_at is 'When the circle was created.';

-- circle_members ----------------------------------------------------------------------------

comment on table public.circle_members is
  'Circle membership. Practitioners join with their own profile while the circle has room, and may leave; memberships are never edited.';
comment on column public.circle_members.circle_id is 'The circle.';
comment on column public.circle_members.profile_id is 'The member''s practitioner profile.';
comment on column public.circle_members.joined_at is 'When the practitioner joined.';

-- ref_homework_types ------------------------------------------------------------------------

comment on table public.ref_homework_types is
  'Kinds of integration homework (Journaling, Meditation, ...). Read by any signed-in user; maintained by network admins.';
comment on column public.ref_homework_types.homework_type_id is 'Homework type identifier.';
comment on column public.ref_homework_types.homework_name is 'Homework type name; unique.';
comment on column public.ref_homework_types.description is 'What the homework involves.';
comment on column public.ref_homework_types.typical_duration_minutes is 'Typical time the homework takes, in minutes.';
comment on column public.ref_homework_types.is_active is 'False retires the type from pick lists; types in use cannot be deleted.';
comment on column public.ref_homework_types.created_at is 'When the row was added.';

-- integration_homework ----------------------------------------------------------------------

comment on table public.integration_homework is
  'Integration homework assigned after a session. Site members read; clinicians and site admins of the site write.';
comment on column public.integration_homework.homework_id is 'Homework identifier.';
comment on column public.integration_homework.protocol_id is 'The clinical record (log_clinical_records.record_id) the homework belongs to.';
comment on column public.integration_homework.homework_type_id is 'Kind of homework (ref_homework_types).';
comment on column public.integration_homework.assigned_date is 'Date the homework was assigned.';
comment on column public.integration_homework.due_date is 'Date the homework is due; not before assigned_date.';
comment on column public.integration_homework.completed_date is 'Date the homework was completed, if it was.';
comment on column public.integration_homework.is_completed is 'Whether the homework is done.';
comment on column public.integration_homework.completion_notes is 'Notes on how the homework went.';
comment on column public.integration_homework.created_by is
  'Who assigned the homework; set from the JWT (auth.uid()), never from the client. Null once the account is deleted.';
comment on column public.integration_homework.created_at is 'When the row was created.';

-- integration_scores ------------------------------------------------------------------------

comment on table public.integration_scores is
  'IES/EIS integration scores measured over time after a session. Site members read; clinicians and site admins of the site write.';
comment on column public.integration_scores.score_id is 'Score identifier.';
comment on column public.integration_scores.protocol_id is 'The clinical record (log_clinical_records.record_id) the score belongs to.';
comment on column public.integration_scores.scale_type is 'Which scale the score is on: IES or EIS.';
comment on column public.integration_scores.score_value is 'Score value, 0 to 100.';
comment on column public.integration_scores.measured_at is 'When the score was measured.';
comment on column public.integration_scores.days_post_dose is 'Days between the dosing session and the measurement (calculated by the client).';
comment on column public.integration_scores.created_at is 'When the row was created.';
