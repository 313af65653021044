/**
 * The dev personas seeded by `supabase/seed.sql`. Development only: production migrations
 * create no users. Ids are fixed so tests and examples can name them.
 */
export const PERSONAS = {
  networkAdmin: { userId: '00000000-0000-4000-8000-000000000001', role: 'network_admin', siteId: 3 },
  clinicalReviewer: { userId: '00000000-0000-4000-8000-000000000005', role: 'clinical_reviewer', siteId: 3 },
  noSite: { userId: '00000000-0000-4000-8000-000000000002', role: null, siteId: null },
  supervisor: { userId: '00000000-0000-4000-8000-000000000003', role: null, siteId: null },
  supervisee: { userId: '00000000-0000-4000-8000-000000000004', role: null, siteId: null },
  clinicianA: { userId: '00000000-0000-4000-8000-000000000a01', role: 'clinician', siteId: 1 },
  siteAdminA: { userId: '00000000-0000-4000-8000-000000000a02', role: 'site_admin', siteId: 1 },
  memberA: { userId: '00000000-0000-4000-8000-000000000a03', role: 'member', siteId: 1 },
  clinicianB: { userId: '00000000-0000-4000-8000-000000000b01', role: 'clinician', siteId: 2 },
  siteAdminB: { userId: '00000000-0000-4000-8000-000000000b02', role: 'site_admin', siteId: 2 },
  memberB: { userId: '00000000-0000-4000-8000-000000000b03', role: 'member', siteId: 2 },
} as const satisfies Record<string, { userId: string; role: string | null; siteId: number | null }>;

export type PersonaName = keyof typeof PERSONAS;

export const PERSONA_NAMES = Object.keys(PERSONAS) as PersonaName[];

export function personaEmail(name: PersonaName): string {
  return `${name}@ppn.local`;
}
