/**
 * Protocol Builder: the concomitant-medication dropdown, grouped by drug class, as a
 * clinician sees it. The contraindication flags are the work order's reference data,
 * awaiting clinical review: they are not decision support.
 */
import { connect } from './lib/connect.js';

const ctx = await connect();
try {
  const supabase = ctx.as('clinicianA');
  const { data, error } = await supabase
    .from('ref_medications')
    .select('medication_name, drug_class, has_contraindication, contraindication_notes')
    .eq('is_active', true)
    .order('medication_name');
  if (error) throw error;

  const byClass = new Map<string, typeof data>();
  for (const med of data) {
    const group = byClass.get(med.drug_class ?? 'Other') ?? [];
    group.push(med);
    byClass.set(med.drug_class ?? 'Other', group);
  }
  console.log(`Medication dropdown (${data.length} active medications)\n`);
  for (const [drugClass, meds] of [...byClass].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(drugClass);
    for (const med of meds) {
      console.log(`  ${med.has_contraindication ? '!' : ' '} ${med.medication_name}${med.has_contraindication ? `  (${med.contraindication_notes})` : ''}`);
    }
  }
  console.log('\n! = flagged in the reference data (awaiting clinical review; not decision support)');
} finally {
  await ctx.done();
}
