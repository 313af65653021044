/**
 * Supervision Exchange: find supervisors by specialty and modality, request one as the
 * supervisee, and accept as the supervisor.
 */
import { runExample } from './lib/connect.js';

await runExample(async ({ as }) => {
  const supervisee = as('supervisee');
  const supervisor = as('supervisor');

  const { data: found } = await supervisee.supervision.search({ specialties: ['PTSD'], modalities: ['Psilocybin'], limit: 10 });
  console.log(`Supervisors for PTSD with psilocybin experience: ${found.total}${found.totalIsEstimate ? ' (estimate)' : ''}; the first ${found.profiles.length}:\n`);
  for (const p of found.profiles) {
    console.log(`  ${p.display_name ?? '(no name)'}  ${p.credentials ?? ''}  ${p.years_experience ?? '?'} yrs  $${p.hourly_rate ?? '?'}/h  [${(p.specialties ?? []).join(', ')}]`);
  }

  // The dev seed's supervisor persona is the one who can answer here.
  const { data: target } = await supervisor.supervision.profiles.mine();
  if (!target) throw new Error('The supervisor persona has no practitioner profile: is the dev seed loaded?');
  const open = (await supervisee.supervision.relationships()).data.find(
    (r) => r.supervisor_id === target.profile_id && (r.status === 'pending' || r.status === 'active'),
  );
  const relationship = open ?? (await supervisee.supervision.request(target.profile_id)).data;
  console.log(`\nRequested supervision from ${target.display_name}: ${relationship.status}`);

  if (relationship.status === 'pending') {
    const { data: accepted } = await supervisor.supervision.respond(relationship.relationship_id, 'accept');
    console.log(`${target.display_name} accepted: ${accepted.status} since ${accepted.started_at}`);
  }
  const { data: dyads } = await supervisor.supervision.relationships();
  console.log(`\n${target.display_name}'s supervision relationships: ${dyads.map((r) => r.status).join(', ')}`);
});
