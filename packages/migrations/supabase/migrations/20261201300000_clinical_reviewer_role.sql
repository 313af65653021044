-- Clinical governance (issue 19): a `clinical_reviewer` role in user_sites and the helper
-- that policies and triggers use to recognise it.
--
-- A clinical reviewer reviews interaction evidence (ref_interaction_evidence, a later file)
-- and has no other powers: no helper that grants writes (user_writable_site_ids,
-- user_admin_site_ids, is_network_admin) matches the role. Like every user_sites row it
-- makes its holder a member of that row's site, so reviewers belong to the network office.

-- Fail fast instead of queueing behind long transactions on a busy database.
set local lock_timeout = '5s';
set local statement_timeout = '10min';

-- The baseline's inline CHECK lists the roles; widening it means re-creating it under its
-- own name in one statement (the drop+create exception, listed in the package README).
-- Every existing row passes the wider list, so the re-check cannot fail.
alter table public.user_sites
  drop constraint user_sites_role_check,
  add constraint user_sites_role_check
    check (role in ('network_admin', 'site_admin', 'clinician', 'member', 'clinical_reviewer'));

create function private.is_clinical_reviewer()
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return exists (
    select 1
    from public.user_sites us
    where us.user_id = (select auth.uid())
      and us.role = 'clinical_reviewer'
  );
end
$$;

comment on function private.is_clinical_reviewer() is
  'True when the caller has a clinical_reviewer row in user_sites (reviews interaction evidence).';

revoke all on function private.is_clinical_reviewer() from public, anon, authenticated;
grant execute on function private.is_clinical_reviewer() to authenticated;

comment on column public.user_sites.role is
  'network_admin (administers reference data and circles), site_admin and clinician (write the site''s clinical data), member (read-only), clinical_reviewer (reviews interaction evidence; no other powers).';
