/**
 * Integration Hub: assign homework after a session, complete some, record IES and EIS
 * scores over the following weeks, and print the trend.
 */
import { runExample } from './lib/connect.js';

await runExample(async ({ as }) => {
  const ppn = as('clinicianA');
  const protocolId = 2;
  const dosed = new Date('2026-03-02T09:00:00-08:00');
  const day = (n: number) => new Date(dosed.getTime() + n * 86_400_000);
  const ymd = (d: Date) => d.toISOString().slice(0, 10);

  const plan: Array<[string, number]> = [['Journaling', 3], ['Meditation', 7], ['Nature Connection', 10], ['Therapy Session', 14]];
  const assigned = [];
  for (const [homeworkType, dueInDays] of plan) {
    const { data } = await ppn.homework.assign({ protocolId, homeworkType, assignedDate: ymd(day(1)), dueDate: ymd(day(dueInDays)) });
    assigned.push(data);
  }
  await ppn.homework.complete(assigned[0]!.homework_id, { completedDate: ymd(day(3)), notes: 'Three entries written' });
  await ppn.homework.complete(assigned[1]!.homework_id, { completedDate: ymd(day(6)) });

  const today = ymd(day(12));
  const { data: homework } = await ppn.homework.list(protocolId, { status: 'all', today });
  console.log(`Homework on protocol ${protocolId} as of ${today}:`);
  for (const h of homework) {
    const state = h.is_completed ? `done ${h.completed_date}` : h.due_date < today ? 'OVERDUE' : `due ${h.due_date}`;
    console.log(`  ${(h.homework_type?.homework_name ?? '?').padEnd(18)} due ${h.due_date}  ${state}`);
  }

  for (const [week, ies, eis] of [[1, 38, 42], [2, 31, 51], [4, 24, 60], [8, 18, 68]] as const) {
    await ppn.integrationScores.record({ protocolId, scale: 'IES', value: ies, measuredAt: day(week * 7), daysPostDose: week * 7 });
    await ppn.integrationScores.record({ protocolId, scale: 'EIS', value: eis, measuredAt: day(week * 7), daysPostDose: week * 7 });
  }
  for (const scale of ['IES', 'EIS'] as const) {
    const { data: trend } = await ppn.integrationScores.trend(protocolId, scale);
    console.log(`\n${scale} trend (${scale === 'IES' ? 'lower is better' : 'higher is better'}):`);
    for (const s of trend) console.log(`  day ${String(s.days_post_dose ?? '?').padStart(3)}  ${'#'.repeat(Math.round(Number(s.score_value) / 2)).padEnd(50)} ${s.score_value}`);
  }
});
