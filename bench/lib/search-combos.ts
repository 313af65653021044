import type { SearchFilters } from './postgrest-sql.js';

/**
 * The supervision search filter combinations: broad and narrow, common and rare tags (the
 * generated tags are skewed: 'PTSD' and 'Ketamine' are on most profiles, 'Spiritual
 * emergence' and 'Iboga' on few), with experience, rate and accepting filters mixed in.
 */
export const SEARCH_COMBOS: Array<{ name: string; filters: SearchFilters }> = [
  { name: 'accepting only (no filter)', filters: {} },
  { name: 'everyone (acceptingOnly false)', filters: { acceptingOnly: false } },
  { name: 'specialty PTSD', filters: { specialties: ['PTSD'] } },
  { name: 'specialty TRD|Anxiety', filters: { specialties: ['TRD', 'Anxiety'] } },
  { name: 'specialty Spiritual emergence (rare)', filters: { specialties: ['Spiritual emergence'] } },
  { name: 'specialty Veterans|First responders', filters: { specialties: ['Veterans', 'First responders'] } },
  { name: 'modality Ketamine', filters: { modalities: ['Ketamine'] } },
  { name: 'modality Psilocybin|MDMA', filters: { modalities: ['Psilocybin', 'MDMA'] } },
  { name: 'modality Iboga (rare)', filters: { modalities: ['Iboga'] } },
  { name: 'modality 5-MeO-DMT, all', filters: { modalities: ['5-MeO-DMT'], acceptingOnly: false } },
  { name: 'PTSD + MDMA', filters: { specialties: ['PTSD'], modalities: ['MDMA'] } },
  { name: 'Grief + Psilocybin', filters: { specialties: ['Grief'], modalities: ['Psilocybin'] } },
  { name: 'Somatic + Ayahuasca (rare pair)', filters: { specialties: ['Somatic'], modalities: ['Ayahuasca'] } },
  { name: '>= 10 years', filters: { minYearsExperience: 10 } },
  { name: '>= 30 years', filters: { minYearsExperience: 30 } },
  { name: '<= 100 per hour', filters: { maxHourlyRate: 100 } },
  { name: '<= 70 per hour', filters: { maxHourlyRate: 70 } },
  { name: '>= 20 years, <= 150 per hour', filters: { minYearsExperience: 20, maxHourlyRate: 150 } },
  { name: '>= 35 years, <= 80 per hour (tiny)', filters: { minYearsExperience: 35, maxHourlyRate: 80 } },
  { name: 'PTSD, >= 15 years', filters: { specialties: ['PTSD'], minYearsExperience: 15 } },
  { name: 'Ketamine, <= 120 per hour', filters: { modalities: ['Ketamine'], maxHourlyRate: 120 } },
  { name: 'Addiction + Ibogaine, >= 5 years', filters: { specialties: ['Addiction'], modalities: ['Ibogaine'], minYearsExperience: 5 } },
  { name: 'OCD + LSD, <= 200 per hour', filters: { specialties: ['OCD'], modalities: ['LSD'], maxHourlyRate: 200 } },
  { name: 'TRD + Ketamine, >= 10 y, <= 250, all', filters: { specialties: ['TRD'], modalities: ['Ketamine'], minYearsExperience: 10, maxHourlyRate: 250, acceptingOnly: false } },
];

/** The SDK's option names for the same filters. */
export function sdkOptions(f: SearchFilters) {
  return {
    ...(f.specialties ? { specialties: f.specialties } : {}),
    ...(f.modalities ? { modalities: f.modalities } : {}),
    ...(f.minYearsExperience !== undefined ? { minYearsExperience: f.minYearsExperience } : {}),
    ...(f.maxHourlyRate !== undefined ? { maxHourlyRate: f.maxHourlyRate } : {}),
    ...(f.acceptingOnly === false ? { acceptingOnly: false } : {}),
  };
}
