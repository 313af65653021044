/**
 * Integration Hub: assign homework after a session, complete some, record IES and EIS
 * scores over the following weeks, and print the trend.
 */
import type { HomeworkTypeName } from '@ppn/schema';
import { runExample } from './lib/connect.js';

await runExample(async ({ as }) => {
  const ppn = as('clinicianA');
  const protocolId = 2;
  const dosed = new Date('2026-03-02T09:00:00-08:00');
  const day = (n: number) => new Date(dosed.getTime() + n * 86_400_000);

  const plan: Array<[HomeworkTypeName, number]> = [['Journaling', 3], ['Meditation', 7], ['Nature Connection', 10], ['Therapy Session', 14]];
  const assigned = [];
  // A Date for a date column is read as its local calendar date.
  for (const [homework_type, dueInDays] of plan) {
    const { data } = await ppn.homework.assign({ protocol_id: protocolId, homework_type, assigned_date: day(1), due_date: day(dueInDays) });
    assigned.push(data);
  }
  await ppn.homework.complete(assigned[0]!.homework_id, { completed_date: day(3), completion_notes: 'Three entries written' });
  await ppn.homework.complete(assigned[1]!.homework_id, { completed_date: day(6) });

  const today = day(12);
  const { data: homework } = await ppn.homework.list({ protocol_id: protocolId, status: 'all', today, limit: 100 });
  // The local calendar date, as the SDK reads a Date given for a date column.
  const todayText = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  console.log(`Homework on protocol ${protocolId} as of ${todayText}:`);
  for (const h of homework.rows) {
    const state = h.is_completed ? `done ${h.completed_date}` : h.due_date < todayText ? 'OVERDUE' : `due ${h.due_date}`;
    console.log(`  ${(h.ref_homework_types?.homework_name ?? '?').padEnd(18)} due ${h.due_date}  ${state}`);
  }

  for (const [week, ies, eis] of [[1, 38, 42], [2, 31, 51], [4, 24, 60], [8, 18, 68]] as const) {
    await ppn.integrationScores.record({ protocol_id: protocolId, scale_type: 'IES', score_value: ies, measured_at: day(week * 7), days_post_dose: week * 7 });
    await ppn.integrationScores.record({ protocol_id: protocolId, scale_type: 'EIS', score_value: eis, measured_at: day(week * 7), days_post_dose: week * 7 });
  }
  for (const scale of ['IES', 'EIS'] as const) {
    const { data: trend } = await ppn.integrationScores.trend({ protocol_id: protocolId, scale_type: scale });
    console.log(`\n${scale} trend (${scale === 'IES' ? 'lower is better' : 'higher is better'}):`);
    for (const s of trend) console.log(`  day ${String(s.days_post_dose ?? '?').padStart(3)}  ${'#'.repeat(Math.round(Number(s.score_value) / 2)).padEnd(50)} ${s.score_value}`);
  }
});
