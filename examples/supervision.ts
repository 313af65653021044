/**
 * Supervision Exchange: find supervisors by specialty and modality, request one as the
 * supervisee, and accept as the supervisor.
 */
import { runExample } from './lib/connect.js';

await runExample(async ({ as }) => {
  const supervisee = as('supervisee');
  const supervisor = as('supervisor');

  const { data: found } = await supervisee.supervision.search({ specialties: ['PTSD'], modalities: ['Psilocybin'], limit: 10 });
  console.log(`Supervisors for PTSD with psilocybin experience: ${found.total}${found.totalIsEstimate ? ' (estimate)' : ''}; the first ${found.rows.length}:\n`);
  for (const p of found.rows) {
    console.log(`  ${p.display_name ?? '(no name)'}  ${p.credentials ?? ''}  ${p.years_experience ?? '?'} yrs  $${p.hourly_rate ?? '?'}/h  [${(p.specialties ?? []).join(', ')}]`);
  }

  // The dev seed's supervisor persona is the one who can answer here.
  const { data: target } = await supervisor.supervision.profiles.mine();
  const open = (await supervisee.supervision.relationships()).data.rows.find(
    (r) => r.supervisor_id === target.profile_id && (r.status === 'pending' || r.status === 'active'),
  );
  const relationship = open ?? (await supervisee.supervision.request({ supervisor_id: target.profile_id })).data;
  console.log(`\nRequested supervision from ${target.display_name}: ${relationship.status}`);

  if (relationship.status === 'pending') {
    const { data: accepted } = await supervisor.supervision.accept(relationship.relationship_id);
    console.log(`${target.display_name} accepted: ${accepted.status} since ${accepted.started_at}`);
  }
  const { data: dyads } = await supervisor.supervision.relationships();
  console.log(`\n${target.display_name}'s supervision relationships: ${dyads.rows.map((r) => r.status).join(', ')}`);
});
