-- ref_interaction_evidence (issue 19): cited findings about a medication taken with a
-- modality (or a class of modalities), each carrying a clinical review status, and
-- ref_interaction_evidence_history, which keeps every status change with who and when.
--
-- The work order's ref_medications.has_contraindication flags stay as written: they are
-- reference data awaiting clinical review. This table is the layer that informs decisions,
-- and it never says that a combination is safe: a medication without rows has no evidence
-- recorded, which is not a statement of safety.
--
-- Access spec: any authenticated user reads; network admins and clinical reviewers add
-- evidence; only a clinical reviewer who is not the row's author changes its review status
-- (approve, retire), and nothing else about a row ever changes; nothing is deleted, only
-- retired. History rows are written by the trigger alone.

-- Fail fast instead of queueing behind long transactions on a busy database.
set local lock_timeout = '5s';
set local statement_timeout = '10min';


-- ref_interaction_evidence =================================================================

create table public.ref_interaction_evidence (
  evidence_id bigint generated always as identity primary key,
  -- restrict: a medication or modality with evidence is retired (is_active), not deleted.
  medication_id bigint not null references public.ref_medications(medication_id) on delete restrict,
  modality_id bigint references public.ref_modalities(modality_id) on delete restrict,
  modality_class text
    constraint ref_interaction_evidence_modality_class_check
      check (modality_class in ('classic_psychedelic', 'entactogen', 'dissociative')),
  effect text not null
    constraint ref_interaction_evidence_effect_check
      check (effect in ('attenuates', 'potentiates', 'adverse_event_risk', 'no_change_observed')),
  severity text not null
    constraint ref_interaction_evidence_severity_check
      check (severity in ('info', 'caution', 'avoid')),
  finding text not null
    constraint ref_interaction_evidence_finding_length check (char_length(finding) between 1 and 500),
  evidence_kind text not null
    constraint ref_interaction_evidence_evidence_kind_check
      check (evidence_kind in ('randomized_trial', 'observational', 'case_report', 'report_analysis', 'systematic_review')),
  citation_title text not null
    constraint ref_interaction_evidence_citation_title_length check (char_length(citation_title) between 1 and 300),
  citation_authors text
    constraint ref_interaction_evidence_citation_authors_length check (char_length(citation_authors) between 1 and 300),
  citation_journal text
    constraint ref_interaction_evidence_citation_journal_length check (char_length(citation_journal) between 1 and 200),
  citation_year bigint not null
    constraint ref_interaction_evidence_citation_year_check check (citation_year between 1900 and 2100),
  -- A DOI as Crossref recommends matching it ("10." + registrant + "/" + suffix), at most
  -- 200 characters; a PMID is PubMed's positive integer, kept as text so it is never
  -- summed or rounded.
  citation_doi text
    constraint ref_interaction_evidence_citation_doi_format
      check (char_length(citation_doi) <= 200 and citation_doi ~ '^10\.[0-9]{4,9}/[-._;()/:A-Za-z0-9]+$'),
  citation_pmid text
    constraint ref_interaction_evidence_citation_pmid_format check (citation_pmid ~ '^[1-9][0-9]{0,8}$'),
  review_status text not null default 'unreviewed'
    constraint ref_interaction_evidence_review_status_check
      check (review_status in ('unreviewed', 'approved', 'retired')),
  reviewed_by uuid references auth.users(id) on delete set null,
  reviewed_at timestamptz,
  created_by uuid default auth.uid() references auth.users(id) on delete set null,
  created_at timestamptz not null default now(),
  -- One modality or one class, never both or neither.
  constraint ref_interaction_evidence_one_modality_target
    check (num_nonnulls(modality_id, modality_class) = 1),
  -- Every finding is traceable: a DOI, a PMID, or both.
  constraint ref_interaction_evidence_citation_identifier
    check (citation_doi is not null or citation_pmid is not null),
  -- Unreviewed means never reviewed; approved and retired carry the time of the review.
  constraint ref_interaction_evidence_review_stamp
    check ((review_status = 'unreviewed') = (reviewed_at is null))
);

-- Foreign keys (lint unindexed_foreign_keys). medication_id also serves the SDK's lookup.
create index idx_ref_interaction_evidence_medication_id on public.ref_interaction_evidence (medication_id);
create index idx_ref_interaction_evidence_modality_id on public.ref_interaction_evidence (modality_id);
create index idx_ref_interaction_evidence_reviewed_by on public.ref_interaction_evidence (reviewed_by);
create index idx_ref_interaction_evidence_created_by on public.ref_interaction_evidence (created_by);

comment on table public.ref_interaction_evidence is
  'Cited interaction findings (medication x modality or modality class) with a clinical review status. Rows are retired, never deleted; status changes are kept in ref_interaction_evidence_history. No row, and no absence of rows, states that a combination is safe.';
comment on column public.ref_interaction_evidence.evidence_id is 'Identity.';
comment on column public.ref_interaction_evidence.medication_id is 'The medication the finding is about.';
comment on column public.ref_interaction_evidence.modality_id is 'The modality the finding is about, or null when it names a modality_class.';
comment on column public.ref_interaction_evidence.modality_class is
  'A class of modalities (classic_psychedelic, entactogen, dissociative) when the source speaks of the class; null when modality_id is set.';
comment on column public.ref_interaction_evidence.effect is
  'attenuates, potentiates, adverse_event_risk, or no_change_observed (what the source observed; not a statement of safety).';
comment on column public.ref_interaction_evidence.severity is 'info, caution or avoid: how strongly the finding should weigh on planning.';
comment on column public.ref_interaction_evidence.finding is 'The finding in plain words, at most 500 characters.';
comment on column public.ref_interaction_evidence.evidence_kind is
  'randomized_trial, observational, case_report, report_analysis or systematic_review.';
comment on column public.ref_interaction_evidence.citation_title is 'Title of the cited source, 1..300 characters.';
comment on column public.ref_interaction_evidence.citation_authors is 'Authors of the cited source, e.g. "Nayak SM, Gukasyan N, ..."; optional.';
comment on column public.ref_interaction_evidence.citation_journal is 'Journal (and volume/pages) of the cited source; optional.';
comment on column public.ref_interaction_evidence.citation_year is 'Publication year, 1900..2100.';
comment on column public.ref_interaction_evidence.citation_doi is 'DOI, e.g. 10.1055/a-1524-2794 (no https://doi.org/ prefix); a DOI, a PMID or both is required.';
comment on column public.ref_interaction_evidence.citation_pmid is 'PubMed id as digits, e.g. 34348413.';
comment on column public.ref_interaction_evidence.review_status is
  'unreviewed (new), approved (a clinical reviewer other than the author checked it) or retired (withdrawn; stays readable). Only clinical reviewers change it.';
comment on column public.ref_interaction_evidence.reviewed_by is 'The clinical reviewer of the last status change; stamped by the database.';
comment on column public.ref_interaction_evidence.reviewed_at is 'When the status last changed; stamped by the database, null while unreviewed.';
comment on column public.ref_interaction_evidence.created_by is 'The author (auth.users.id), set from the JWT; null for rows seeded by migrations.';
comment on column public.ref_interaction_evidence.created_at is 'When the row was added.';


-- ref_interaction_evidence_history ==========================================================

create table public.ref_interaction_evidence_history (
  history_id bigint generated always as identity primary key,
  -- restrict: evidence is never deleted, and its history must not go with it silently.
  evidence_id bigint not null references public.ref_interaction_evidence(evidence_id) on delete restrict,
  from_status text
    constraint ref_interaction_evidence_history_from_status_check
      check (from_status in ('unreviewed', 'approved', 'retired')),
  to_status text not null
    constraint ref_interaction_evidence_history_to_status_check
      check (to_status in ('unreviewed', 'approved', 'retired')),
  changed_by uuid references auth.users(id) on delete set null,
  changed_at timestamptz not null default now()
);

create index idx_ref_interaction_evidence_history_evidence_id
  on public.ref_interaction_evidence_history (evidence_id, changed_at);
create index idx_ref_interaction_evidence_history_changed_by
  on public.ref_interaction_evidence_history (changed_by);

comment on table public.ref_interaction_evidence_history is
  'Every review status of every interaction evidence row, with who set it and when; written by the database only, never changed.';
comment on column public.ref_interaction_evidence_history.history_id is 'Identity.';
comment on column public.ref_interaction_evidence_history.evidence_id is 'The evidence row whose status changed.';
comment on column public.ref_interaction_evidence_history.from_status is 'Status before the change; null for the row''s creation.';
comment on column public.ref_interaction_evidence_history.to_status is 'Status after the change.';
comment on column public.ref_interaction_evidence_history.changed_by is 'Who made the change (the author on creation, the reviewer after); null for seeded rows.';
comment on column public.ref_interaction_evidence_history.changed_at is 'When the change was made.';


-- Review rules ==============================================================================

-- BEFORE INSERT: new evidence starts unreviewed, whoever adds it (service role included),
-- so no row is ever approved without a reviewer on record.
create function private.enforce_evidence_insert()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  -- A value outside the status list, or a review time on an unreviewed row, is left to
  -- the CHECK constraints (23514).
  if new.review_status in ('approved', 'retired') or new.reviewed_by is not null then
    raise exception 'new interaction evidence starts unreviewed; a clinical reviewer approves it afterwards'
      using errcode = '42501';
  end if;
  return new;
end
$$;

-- BEFORE UPDATE: the only change is a review status change by a clinical reviewer who is
-- not the author: unreviewed -> approved | retired, approved -> retired. The reviewer and
-- time are stamped here. This holds for every role (the service role too, which bypasses
-- RLS): review is a clinical act with a person on record. security definer so it can ask
-- private.is_clinical_reviewer() whoever the caller is.
create function private.enforce_evidence_review()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
begin
  if not private.is_clinical_reviewer() then
    raise exception 'only a clinical reviewer may change the review status of interaction evidence'
      using errcode = '42501';
  end if;
  if old.created_by is not distinct from caller then
    raise exception 'a clinical reviewer cannot review evidence they added'
      using errcode = '42501';
  end if;
  if (to_jsonb(new) - array['review_status', 'reviewed_by', 'reviewed_at'])
     is distinct from (to_jsonb(old) - array['review_status', 'reviewed_by', 'reviewed_at']) then
    raise exception 'only the review status of interaction evidence can change; add a new row and retire this one instead'
      using errcode = '42501';
  end if;
  if not ((old.review_status = 'unreviewed' and new.review_status in ('approved', 'retired'))
       or (old.review_status = 'approved' and new.review_status = 'retired')) then
    raise exception 'interaction evidence cannot go from % to %', old.review_status, new.review_status
      using errcode = 'PT409',
            hint = 'unreviewed -> approved or retired; approved -> retired; retired is final';
  end if;
  new.reviewed_by := caller;
  new.reviewed_at := pg_catalog.now();
  return new;
end
$$;

-- AFTER INSERT OR UPDATE: one history row per status (creation included). security
-- definer: the history table takes no writes from API roles.
create function private.record_evidence_status()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.ref_interaction_evidence_history (evidence_id, from_status, to_status, changed_by, changed_at)
  values (
    new.evidence_id,
    case when tg_op = 'UPDATE' then old.review_status end,
    new.review_status,
    case when tg_op = 'UPDATE' then new.reviewed_by else new.created_by end,
    coalesce(new.reviewed_at, new.created_at)
  );
  return null;
end
$$;

comment on function private.enforce_evidence_insert() is
  'BEFORE INSERT trigger on ref_interaction_evidence: refuses evidence that does not start unreviewed.';
comment on function private.enforce_evidence_review() is
  'BEFORE UPDATE trigger on ref_interaction_evidence: only a clinical reviewer who is not the author changes the review status (unreviewed -> approved|retired, approved -> retired); no other column changes; stamps reviewed_by/reviewed_at.';
comment on function private.record_evidence_status() is
  'AFTER INSERT/UPDATE trigger on ref_interaction_evidence: appends the status to ref_interaction_evidence_history.';

revoke all on function private.enforce_evidence_insert() from public, anon, authenticated;
revoke all on function private.enforce_evidence_review() from public, anon, authenticated;
revoke all on function private.record_evidence_status() from public, anon, authenticated;

create trigger set_created_by
  before insert or update on public.ref_interaction_evidence
  for each row execute function private.set_created_by();

create trigger enforce_evidence_insert
  before insert on public.ref_interaction_evidence
  for each row execute function private.enforce_evidence_insert();

create trigger enforce_evidence_review
  before update on public.ref_interaction_evidence
  for each row execute function private.enforce_evidence_review();

create trigger record_evidence_status
  after insert or update of review_status on public.ref_interaction_evidence
  for each row execute function private.record_evidence_status();


-- Privileges and policies ===================================================================

alter table public.ref_interaction_evidence enable row level security;
alter table public.ref_interaction_evidence_history enable row level security;

revoke all on public.ref_interaction_evidence, public.ref_interaction_evidence_history from anon;
revoke truncate, references, trigger on public.ref_interaction_evidence, public.ref_interaction_evidence_history from authenticated;
-- Nothing is deleted, only retired: not through the API, not by the service role.
revoke delete, truncate on public.ref_interaction_evidence from authenticated, service_role;
-- History is written by the trigger alone and never changed.
revoke insert, update, delete, truncate on public.ref_interaction_evidence_history from authenticated, service_role;

create policy ref_interaction_evidence_read on public.ref_interaction_evidence
  for select to authenticated
  using (true);

create policy ref_interaction_evidence_insert on public.ref_interaction_evidence
  for insert to authenticated
  with check ((select private.is_network_admin()) or (select private.is_clinical_reviewer()));

-- Any reader may attempt a review of a row still open to it, so a refusal is an error
-- (403), not a silent "0 rows"; the check (and the trigger) decide who succeeds. A
-- retired row is final: an update of it touches nothing.
create policy ref_interaction_evidence_review on public.ref_interaction_evidence
  for update to authenticated
  using (review_status <> 'retired')
  with check ((select private.is_clinical_reviewer()) and created_by is distinct from (select auth.uid()));

create policy ref_interaction_evidence_history_read on public.ref_interaction_evidence_history
  for select to authenticated
  using (true);
