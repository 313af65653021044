-- ref_modalities (issue 19): the modalities a session can use, each with its
-- pharmacological class, so interaction evidence can name one modality (MDMA) or a whole
-- class (classic psychedelics: psilocybin and, in the literature, LSD, mescaline, DMT).
--
-- Seeded with the modalities the practitioner directory already uses
-- (practitioner_profiles.modalities in the seed and the column comment: Ketamine,
-- Psilocybin, MDMA). The directory's free-text tags stay as they are.
--
-- Access spec: any authenticated user reads; network admins insert and update; nobody
-- deletes (evidence refers to modalities; a modality goes out of use with is_active).

-- Fail fast instead of queueing behind long transactions on a busy database.
set local lock_timeout = '5s';
set local statement_timeout = '10min';

create table public.ref_modalities (
  modality_id bigint generated always as identity primary key,
  modality_name text not null unique
    constraint ref_modalities_modality_name_length check (char_length(modality_name) between 1 and 60),
  modality_class text not null
    constraint ref_modalities_modality_class_check
      check (modality_class in ('classic_psychedelic', 'entactogen', 'dissociative')),
  is_active boolean not null default true,
  created_at timestamptz not null default now()
);

create index idx_ref_modalities_modality_class on public.ref_modalities (modality_class);

comment on table public.ref_modalities is
  'Modalities used in psychedelic-assisted sessions, with their class; referenced by interaction evidence. Reference data.';
comment on column public.ref_modalities.modality_id is 'Identity.';
comment on column public.ref_modalities.modality_name is 'Name as the practitioner directory uses it, e.g. Psilocybin; unique, 1..60 characters.';
comment on column public.ref_modalities.modality_class is
  'classic_psychedelic (5-HT2A agonists such as psilocybin), entactogen (MDMA) or dissociative (ketamine).';
comment on column public.ref_modalities.is_active is 'False takes the modality out of pick lists; rows are never deleted.';
comment on column public.ref_modalities.created_at is 'When the row was added.';

insert into public.ref_modalities (modality_name, modality_class) values
  ('Psilocybin', 'classic_psychedelic'),
  ('MDMA', 'entactogen'),
  ('Ketamine', 'dissociative');

alter table public.ref_modalities enable row level security;

revoke all on public.ref_modalities from anon;
revoke truncate, references, trigger on public.ref_modalities from authenticated;
-- Denials are real denials: nobody deletes through the API.
revoke delete on public.ref_modalities from authenticated;

create policy ref_modalities_read on public.ref_modalities
  for select to authenticated
  using (true);

create policy ref_modalities_insert on public.ref_modalities
  for insert to authenticated
  with check ((select private.is_network_admin()));

create policy ref_modalities_update on public.ref_modalities
  for update to authenticated
  using ((select private.is_network_admin()))
  with check ((select private.is_network_admin()));
