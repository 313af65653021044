import { describe, expect, it } from 'vitest';
import { ppnAs } from './helpers/stack.js';

describe('medications against the local stack', () => {
  it('a clinician lists the 24 active medications by name', async () => {
    const { data, error } = await ppnAs('clinicianA').medications.list();
    expect(error).toBeNull();
    expect(data).toHaveLength(24);
    expect(data!.map((m) => m.medication_name)).toEqual([...data!.map((m) => m.medication_name)].sort());
  });

  it('filters by class and search', async () => {
    const ppn = ppnAs('memberB');
    expect((await ppn.medications.list({ drug_class: 'Benzodiazepine' })).data).toHaveLength(4);
    expect((await ppn.medications.list({ search: 'ZOL' })).data!.map((m) => m.medication_name)).toEqual(['Alprazolam (Xanax)', 'Aripiprazole (Abilify)', 'Sertraline (Zoloft)']);
    expect((await ppn.medications.list({ search: '%' })).data).toEqual([]);
  });

  it('lists the drug classes and gets one medication', async () => {
    const ppn = ppnAs('noSite');
    const classes = await ppn.medications.classes();
    expect(classes.data).toEqual(['Antipsychotic', 'Benzodiazepine', 'Mood Stabilizer', 'NDRI', 'SARI', 'SNRI', 'SSRI', 'Stimulant', 'Tetracyclic']);
    const all = (await ppn.medications.list()).data!;
    const one = await ppn.medications.get(all[0]!.medication_id);
    expect(one.data).toEqual(all[0]);
    expect((await ppn.medications.get(999_999)).error?.code).toBe('not_found');
  });

  it('flags the benzodiazepines and antipsychotics among a chosen list', async () => {
    const ppn = ppnAs('clinicianA');
    const all = (await ppn.medications.list()).data!;
    const pick = (name: string) => all.find((m) => m.medication_name.startsWith(name))!.medication_id;
    const { data } = await ppn.medications.checkContraindications({ medicationIds: [pick('Sertraline'), pick('Lorazepam'), pick('Quetiapine')] });
    expect(data!.map((m) => [m.medication_name, m.contraindication_notes])).toEqual([
      ['Lorazepam (Ativan)', 'May reduce efficacy of psychedelic therapy'],
      ['Quetiapine (Seroquel)', 'May block psychedelic effects'],
    ]);
  });

  it('anon gets unauthenticated, not an empty list', async () => {
    const { error } = await ppnAs('anon').medications.list();
    expect(error?.code).toBe('unauthenticated');
  });
});
