/**
 * Protocol Builder: the concomitant-medication dropdown grouped by drug class, then the
 * warnings for a chosen list. The flags are the work order's reference data awaiting
 * clinical review: a prompt to check, not decision support. Then the cited interaction
 * evidence for the same list with psilocybin, with each finding's review status.
 */
import { runExample } from './lib/connect.js';

await runExample(async ({ as }) => {
  const ppn = as('clinicianA');
  const { data: medications } = await ppn.medications.list();
  const { data: classes } = await ppn.medications.classes();

  console.log(`Concomitant medications (${medications.length} active), grouped by class\n`);
  for (const drugClass of classes) {
    console.log(drugClass);
    for (const med of medications.filter((m) => m.drug_class === drugClass)) {
      console.log(`  ${med.has_contraindication ? '!' : ' '} ${med.medication_name}`);
    }
  }

  const chosen = ['Sertraline (Zoloft)', 'Lorazepam (Ativan)', 'Quetiapine (Seroquel)', 'Lithium'];
  const ids = medications.filter((m) => chosen.includes(m.medication_name)).map((m) => m.medication_id);
  const { data: flagged } = await ppn.medications.checkContraindications(ids);
  console.log(`\nChosen: ${chosen.join(', ')}`);
  for (const med of flagged) console.log(`  WARNING ${med.medication_name}: ${med.contraindication_notes}`);
  console.log('\n! = flagged in the reference data (awaiting clinical review; not decision support)');

  const { data: interactions } = await ppn.medications.interactions({ medicationIds: ids, modality: 'Psilocybin' });
  console.log('\nCited interaction evidence with Psilocybin');
  for (const m of interactions) {
    if (m.status === 'no_evidence_recorded') console.log(`  ${m.medication_name}: no evidence recorded (this is not a statement of safety)`);
    for (const e of m.evidence) {
      console.log(`  ${m.medication_name}: ${e.effect}, severity ${e.severity} [${e.review_status}]`);
      console.log(`    ${e.finding}`);
      console.log(`    ${e.citation_authors ?? ''} (${e.citation_year}). ${e.citation_title}. doi:${e.citation_doi ?? '-'} PMID ${e.citation_pmid ?? '-'}`);
    }
  }
});
