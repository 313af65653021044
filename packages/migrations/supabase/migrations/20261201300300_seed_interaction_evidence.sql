-- Interaction evidence seed (issue 19): only findings stated in the abstract of a source
-- that was read, never inferred from a title or a secondary summary. Every row starts
-- unreviewed (the insert trigger allows nothing else) and has no author (created_by null):
-- any clinical reviewer may review it.
--
-- Nayak SM, Gukasyan N, Barrett FS, Erowid E, Erowid F, Griffiths RR (2021). Classic
-- psychedelic coadministration with lithium, but not lamotrigine, is associated with
-- seizures: an analysis of online psychedelic experience reports. Pharmacopsychiatry
-- 54(5):240-245. doi:10.1055/a-1524-2794, PMID 34348413. Its abstract:
--   "Strikingly, 47% of 62 lithium plus psychedelic reports involved seizures, and an
--    additional 18% resulted in bad trips while none of 34 lamotrigine reports did.
--    Further, 39% of lithium reports involved medical attention. Most of the lamotrigine
--    reports (65%) but few (8%) of the lithium reports were judged to not affect the
--    psychedelic experience. [...] we provisionally conclude that psychedelic use may pose
--    a significant seizure risk for patients on lithium."
--
-- Also read, and not seeded: the abstracts of Sarparast et al. 2022 (doi
-- 10.1007/s00213-022-06083-y) and Halman et al. 2024 (doi 10.1177/02698811231211219) list
-- the drug classes their reviews cover and report "attenuated and potentiated effects" in
-- general, but state no finding about a particular medication or class; a row for one
-- would put words in their mouth.

-- Fail fast instead of queueing behind long transactions on a busy database.
set local lock_timeout = '5s';
set local statement_timeout = '10min';

insert into public.ref_interaction_evidence
  (medication_id, modality_class, effect, severity, finding, evidence_kind,
   citation_title, citation_authors, citation_journal, citation_year, citation_doi, citation_pmid)
select m.medication_id, 'classic_psychedelic', e.effect, e.severity, e.finding, 'report_analysis',
       'Classic psychedelic coadministration with lithium, but not lamotrigine, is associated with seizures: an analysis of online psychedelic experience reports',
       'Nayak SM, Gukasyan N, Barrett FS, Erowid E, Erowid F, Griffiths RR',
       'Pharmacopsychiatry 54(5):240-245',
       2021, '10.1055/a-1524-2794', '34348413'
from (values
  ('Lithium', 'adverse_event_risk', 'avoid',
   'In online reports of classic psychedelics (e.g. LSD, psilocybin) taken with lithium, 47% of 62 reports involved seizures, a further 18% described bad trips, and 39% involved medical attention. The authors provisionally conclude that psychedelic use may pose a significant seizure risk for patients on lithium.'),
  ('Lamotrigine (Lamictal)', 'no_change_observed', 'info',
   'In the same analysis, none of 34 reports of a classic psychedelic taken with lamotrigine involved seizures, and 65% were judged not to affect the psychedelic experience. These are self-selected online reports: an absence of reported harm is not a statement of safety.')
) as e(medication_name, effect, severity, finding)
join public.ref_medications m on m.medication_name = e.medication_name
-- Idempotent, like the reference seeds of the work order: a database that ran this file by hand
-- keeps one row per finding when `migrate` or `adopt` meets the file again.
where not exists (
  select 1 from public.ref_interaction_evidence x
  where x.medication_id = m.medication_id and x.citation_doi = '10.1055/a-1524-2794'
);
