/**
 * THE access matrix: who may do what to which table, as DESIGN.md's access spec
 * ("Who may do what") says. Both access suites check every cell against the database:
 * `rls-database.test.ts` with `set local role` + JWT claims in rolled-back transactions,
 * `rls-postgrest.test.ts` through supabase-js and PostgREST on a stack of its own.
 *
 * How to read it
 * - One row per table + operation; a column per persona (the caller).
 * - The row a select/update/delete acts on is the table's TARGET (below); an insert
 *   inserts what ATTEMPTS says for that row. Every target is a fresh row the fixture
 *   creates as superuser right before the attempt (fixtures.ts), so that cells never
 *   depend on each other and the seed is never touched.
 * - Rows named `operation:variant` are extra attempts on the same table that the spec's
 *   wording calls for (a move to another site, a relationship transition, a full circle).
 *   The core matrix is the 16 tables x 4 operations; variants come on top.
 * - Departed participants (`select:supervisor-left` and the like): a practitioner who deletes
 *   their profile leaves their relationships closed, with their side null. The remaining
 *   participant still reads the row; the departed one (no profile any more) reads nothing,
 *   and a row with no participant left is the service role's alone.
 * - Outcomes, i.e. how the caller experiences it:
 *     allow     the operation happened: the row is returned (select, update and delete
 *               with RETURNING / `.select()`), or the insert succeeded
 *     hidden    no error, but nothing: the select returns no row, the targeted update or
 *               delete touches 0 rows (the row is invisible to that command's policy)
 *     refused   an error: SQLSTATE 42501 (privilege revoked, or a policy's WITH CHECK or
 *               a trigger refusing it), HTTP 401 (anon) / 403 through PostgREST
 *     conflict  an error: SQLSTATE PT409 (HTTP 409), a capacity or transition rule
 * - Which denial the spec implies: where the spec says "nobody" or "service role", the
 *   privilege is revoked ("denials are real denials"), so every API caller is `refused`,
 *   whether or not it could see the row. Where some callers may write, the others'
 *   update/delete is `hidden` (the spec: "a targeted update or delete touches nothing")
 *   and their insert `refused` ("an insert that a policy refuses is a 403"). anon holds
 *   no privilege anywhere: `refused` everywhere.
 * - Personas (supabase/seed.sql): anon = no JWT (anon key); noSite = signed in, no site;
 *   memberA / clinicianA / siteAdminA = member / clinician / site_admin of site A (1);
 *   memberB / clinicianB / siteAdminB the same at site B (2); networkAdmin =
 *   `network_admin` of site 3 (PPN Network Office); clinicalReviewer = `clinical_reviewer`
 *   of site 3 (reviews interaction evidence, no other powers); service_role = the service key
 *   (BYPASSRLS, every privilege; no `sub`). None of them has a practitioner profile: the
 *   fixtures create the ones a row needs.
 * - "nobody" in the spec means no API caller: service_role is outside RLS and is never
 *   used by frontends, so it is `allow` wherever the table's data rules (triggers) let it.
 */

export const PERSONAS = [
  'anon',
  'noSite',
  'memberA',
  'clinicianA',
  'siteAdminA',
  'memberB',
  'clinicianB',
  'siteAdminB',
  'clinicalReviewer',
  'networkAdmin',
  'service_role',
] as const;
export type Persona = (typeof PERSONAS)[number];

export const TABLES = [
  'sites',
  'user_sites',
  'log_clinical_records',
  'ref_medications',
  'ref_event_types',
  'ref_homework_types',
  'ref_modalities',
  'ref_interaction_evidence',
  'ref_interaction_evidence_history',
  'session_events',
  'practitioner_profiles',
  'supervision_relationships',
  'supervision_circles',
  'circle_members',
  'integration_homework',
  'integration_scores',
] as const;
export type Table = (typeof TABLES)[number];

export const OPERATIONS = ['select', 'insert', 'update', 'delete'] as const;
export type Operation = (typeof OPERATIONS)[number];

export const OUTCOMES = ['allow', 'hidden', 'refused', 'conflict'] as const;
export type Outcome = (typeof OUTCOMES)[number];

// prettier-ignore
const TABLE = `
table                             operation              anon     noSite   memberA  clinicianA siteAdminA memberB  clinicianB siteAdminB clinicalReviewer networkAdmin service_role

sites                             select                 refused  hidden   allow    allow      allow      hidden   hidden     hidden     hidden           hidden       allow
sites                             insert                 refused  refused  refused  refused    refused    refused  refused    refused    refused          refused      allow
sites                             update                 refused  refused  refused  refused    refused    refused  refused    refused    refused          refused      allow
sites                             delete                 refused  refused  refused  refused    refused    refused  refused    refused    refused          refused      allow

user_sites                        select                 refused  hidden   allow    hidden     allow      hidden   hidden     hidden     hidden           hidden       allow
user_sites                        insert                 refused  refused  refused  refused    refused    refused  refused    refused    refused          refused      allow
user_sites                        update                 refused  refused  refused  refused    refused    refused  refused    refused    refused          refused      allow
user_sites                        delete                 refused  refused  refused  refused    refused    refused  refused    refused    refused          refused      allow

log_clinical_records              select                 refused  hidden   allow    allow      allow      hidden   hidden     hidden     hidden           hidden       allow
log_clinical_records              insert                 refused  refused  refused  allow      allow      refused  refused    refused    refused          refused      allow
log_clinical_records              update                 refused  hidden   hidden   allow      allow      hidden   hidden     hidden     hidden           hidden       allow
log_clinical_records              update:move-to-site-B  refused  hidden   hidden   refused    refused    hidden   hidden     hidden     hidden           hidden       allow
log_clinical_records              delete                 refused  refused  refused  refused    refused    refused  refused    refused    refused          refused      allow

ref_medications                   select                 refused  allow    allow    allow      allow      allow    allow      allow      allow            allow        allow
ref_medications                   insert                 refused  refused  refused  refused    refused    refused  refused    refused    refused          allow        allow
ref_medications                   update                 refused  hidden   hidden   hidden     hidden     hidden   hidden     hidden     hidden           allow        allow
ref_medications                   delete                 refused  hidden   hidden   hidden     hidden     hidden   hidden     hidden     hidden           allow        allow

ref_event_types                   select                 refused  allow    allow    allow      allow      allow    allow      allow      allow            allow        allow
ref_event_types                   insert                 refused  refused  refused  refused    refused    refused  refused    refused    refused          allow        allow
ref_event_types                   update                 refused  hidden   hidden   hidden     hidden     hidden   hidden     hidden     hidden           allow        allow
ref_event_types                   delete                 refused  hidden   hidden   hidden     hidden     hidden   hidden     hidden     hidden           allow        allow

ref_homework_types                select                 refused  allow    allow    allow      allow      allow    allow      allow      allow            allow        allow
ref_homework_types                insert                 refused  refused  refused  refused    refused    refused  refused    refused    refused          allow        allow
ref_homework_types                update                 refused  hidden   hidden   hidden     hidden     hidden   hidden     hidden     hidden           allow        allow
ref_homework_types                delete                 refused  hidden   hidden   hidden     hidden     hidden   hidden     hidden     hidden           allow        allow

ref_modalities                    select                 refused  allow    allow    allow      allow      allow    allow      allow      allow            allow        allow
ref_modalities                    insert                 refused  refused  refused  refused    refused    refused  refused    refused    refused          allow        allow
ref_modalities                    update                 refused  hidden   hidden   hidden     hidden     hidden   hidden     hidden     hidden           allow        allow
ref_modalities                    delete                 refused  refused  refused  refused    refused    refused  refused    refused    refused          refused      allow

ref_interaction_evidence          select                 refused  allow    allow    allow      allow      allow    allow      allow      allow            allow        allow
ref_interaction_evidence          insert                 refused  refused  refused  refused    refused    refused  refused    refused    allow            allow        allow
ref_interaction_evidence          insert:as-approved     refused  refused  refused  refused    refused    refused  refused    refused    refused          refused      refused
ref_interaction_evidence          update                 refused  refused  refused  refused    refused    refused  refused    refused    allow            refused      refused
ref_interaction_evidence          update:own-row         refused  refused  refused  refused    refused    refused  refused    refused    refused          refused      refused
ref_interaction_evidence          update:retire          refused  refused  refused  refused    refused    refused  refused    refused    allow            refused      refused
ref_interaction_evidence          update:unretire        refused  hidden   hidden   hidden     hidden     hidden   hidden     hidden     hidden           hidden       refused
ref_interaction_evidence          update:rewrite         refused  refused  refused  refused    refused    refused  refused    refused    refused          refused      refused
ref_interaction_evidence          delete                 refused  refused  refused  refused    refused    refused  refused    refused    refused          refused      refused

ref_interaction_evidence_history  select                 refused  allow    allow    allow      allow      allow    allow      allow      allow            allow        allow
ref_interaction_evidence_history  insert                 refused  refused  refused  refused    refused    refused  refused    refused    refused          refused      refused
ref_interaction_evidence_history  update                 refused  refused  refused  refused    refused    refused  refused    refused    refused          refused      refused
ref_interaction_evidence_history  delete                 refused  refused  refused  refused    refused    refused  refused    refused    refused          refused      refused

session_events                    select                 refused  hidden   allow    allow      allow      hidden   hidden     hidden     hidden           hidden       allow
session_events                    insert                 refused  refused  refused  allow      allow      refused  refused    refused    refused          refused      allow
session_events                    update                 refused  refused  refused  refused    refused    refused  refused    refused    refused          refused      allow
session_events                    delete                 refused  refused  refused  refused    refused    refused  refused    refused    refused          refused      allow

practitioner_profiles             select                 refused  allow    allow    allow      allow      allow    allow      allow      allow            allow        allow
practitioner_profiles             insert                 refused  allow    allow    allow      allow      allow    allow      allow      allow            allow        allow
practitioner_profiles             insert:for-other-user  refused  refused  refused  refused    refused    refused  refused    refused    refused          refused      allow
practitioner_profiles             update                 refused  hidden   hidden   allow      hidden     hidden   hidden     hidden     hidden           hidden       allow
practitioner_profiles             update:hand-over       refused  hidden   hidden   refused    hidden     hidden   hidden     hidden     hidden           hidden       allow
practitioner_profiles             delete                 refused  hidden   hidden   allow      hidden     hidden   hidden     hidden     hidden           hidden       allow
practitioner_profiles             delete:supervising     refused  hidden   hidden   allow      hidden     hidden   hidden     hidden     hidden           hidden       allow

supervision_relationships         select                 refused  hidden   allow    allow      hidden     hidden   hidden     hidden     hidden           hidden       allow
supervision_relationships         insert                 refused  allow    allow    allow      allow      allow    allow      allow      allow            allow        allow
supervision_relationships         insert:by-default      refused  allow    allow    allow      allow      allow    allow      allow      allow            allow        allow
supervision_relationships         insert:as-active       refused  refused  refused  refused    refused    refused  refused    refused    refused          refused      allow
supervision_relationships         insert:on-behalf       refused  refused  refused  refused    refused    refused  refused    refused    refused          refused      allow
supervision_relationships         update                 refused  hidden   refused  allow      hidden     hidden   hidden     hidden     hidden           hidden       allow
supervision_relationships         update:at-capacity     refused  hidden   refused  conflict   hidden     hidden   hidden     hidden     hidden           hidden       conflict
supervision_relationships         update:decline         refused  hidden   refused  allow      hidden     hidden   hidden     hidden     hidden           hidden       allow
supervision_relationships         update:end             refused  hidden   allow    allow      hidden     hidden   hidden     hidden     hidden           hidden       allow
supervision_relationships         update:skip-to-end     refused  hidden   conflict conflict   hidden     hidden   hidden     hidden     hidden           hidden       conflict
supervision_relationships         update:reopen          refused  hidden   conflict conflict   hidden     hidden   hidden     hidden     hidden           hidden       conflict
supervision_relationships         update:backdate        refused  hidden   refused  refused    hidden     hidden   hidden     hidden     hidden           hidden       refused
supervision_relationships         insert:with-snapshot   refused  refused  refused  refused    refused    refused  refused    refused    refused          refused      refused
supervision_relationships         update:snapshot        refused  hidden   refused  refused    hidden     hidden   hidden     hidden     hidden           hidden       refused
supervision_relationships         select:supervisor-left refused  hidden   allow    hidden     hidden     hidden   hidden     hidden     hidden           hidden       allow
supervision_relationships         select:supervisee-left refused  hidden   hidden   allow      hidden     hidden   hidden     hidden     hidden           hidden       allow
supervision_relationships         select:both-left       refused  hidden   hidden   hidden     hidden     hidden   hidden     hidden     hidden           hidden       allow
supervision_relationships         update:reattach        refused  hidden   refused  hidden     hidden     hidden   hidden     hidden     hidden           hidden       refused
supervision_relationships         delete                 refused  refused  refused  refused    refused    refused  refused    refused    refused          refused      allow

supervision_circles               select                 refused  allow    allow    allow      allow      allow    allow      allow      allow            allow        allow
supervision_circles               insert                 refused  refused  refused  refused    refused    refused  refused    refused    refused          allow        allow
supervision_circles               update                 refused  hidden   hidden   hidden     hidden     hidden   hidden     hidden     hidden           allow        allow
supervision_circles               delete                 refused  hidden   hidden   hidden     hidden     hidden   hidden     hidden     hidden           allow        allow

circle_members                    select                 refused  allow    allow    allow      allow      allow    allow      allow      allow            allow        allow
circle_members                    insert                 refused  allow    allow    allow      allow      allow    allow      allow      allow            allow        allow
circle_members                    insert:by-default      refused  allow    allow    allow      allow      allow    allow      allow      allow            allow        allow
circle_members                    insert:full-circle     refused  conflict conflict conflict   conflict   conflict conflict   conflict   conflict         conflict     conflict
circle_members                    insert:other-profile   refused  refused  refused  refused    refused    refused  refused    refused    refused          refused      allow
circle_members                    update                 refused  refused  refused  refused    refused    refused  refused    refused    refused          refused      allow
circle_members                    delete                 refused  hidden   hidden   allow      hidden     hidden   hidden     hidden     hidden           hidden       allow

integration_homework              select                 refused  hidden   allow    allow      allow      hidden   hidden     hidden     hidden           hidden       allow
integration_homework              insert                 refused  refused  refused  allow      allow      refused  refused    refused    refused          refused      allow
integration_homework              update                 refused  hidden   hidden   allow      allow      hidden   hidden     hidden     hidden           hidden       allow
integration_homework              update:move-to-site-B  refused  hidden   hidden   refused    refused    hidden   hidden     hidden     hidden           hidden       allow
integration_homework              delete                 refused  hidden   hidden   allow      allow      hidden   hidden     hidden     hidden           hidden       allow

integration_scores                select                 refused  hidden   allow    allow      allow      hidden   hidden     hidden     hidden           hidden       allow
integration_scores                insert                 refused  refused  refused  allow      allow      refused  refused    refused    refused          refused      allow
integration_scores                update                 refused  hidden   hidden   allow      allow      hidden   hidden     hidden     hidden           hidden       allow
integration_scores                update:move-to-site-B  refused  hidden   hidden   refused    refused    hidden   hidden     hidden     hidden           hidden       allow
integration_scores                delete                 refused  hidden   hidden   allow      allow      hidden   hidden     hidden     hidden           hidden       allow
`;

/**
 * The row each table's select / update / delete acts on. "Site A" is site 1, protocol 1
 * is site A's first clinical record. Created fresh by the fixture before every attempt.
 */
export const TARGETS: Record<Table, string> = {
  sites:
    "site A': a new site whose members are memberA (member), clinicianA (clinician) and siteAdminA (site_admin), i.e. a copy of site A",
  user_sites: "memberA's own membership row of site A' (see sites)",
  log_clinical_records: 'a new clinical record at site A',
  ref_medications: 'a new (inactive) medication',
  ref_event_types: 'a new (inactive) event type',
  ref_homework_types: 'a new (inactive) homework type',
  ref_modalities: 'a new (inactive) modality',
  ref_interaction_evidence: 'a new unreviewed finding about lithium and classic psychedelics, added by networkAdmin',
  ref_interaction_evidence_history: "the history row recording the target evidence's creation",
  session_events: 'a new event on protocol 1 (site A)',
  practitioner_profiles: "clinicianA's own profile (created for clinicianA)",
  supervision_relationships:
    'a pending request from memberA (supervisee) to clinicianA (supervisor); both profiles created for it',
  supervision_circles: 'a new circle (max_members 8)',
  circle_members: "clinicianA's membership of circle 1 (clinicianA's profile created for it)",
  integration_homework: 'a new homework assignment on protocol 1 (site A)',
  integration_scores: 'a new IES score on protocol 1 (site A)',
};

/**
 * What each row attempts. "itself" is the caller's JWT `sub`; "its own profile" is a
 * profile the fixture creates for the caller first (anon and service_role have none and
 * use the supervisee's profile 2). Profile 1 is the seeded supervisor.
 */
export const ATTEMPTS: Record<string, string> = {
  'sites select': 'select the target site',
  'sites insert': 'create a site',
  'sites update': 'rename the target site',
  'sites delete': 'delete the target site',
  'user_sites select': 'select the target membership',
  'user_sites insert': 'make itself site_admin of a new, empty site (anon, service_role: the noSite user)',
  'user_sites update': "promote the target membership to site_admin",
  'user_sites delete': 'delete the target membership',
  'log_clinical_records select': 'select the target record',
  'log_clinical_records insert': 'create a record at site A',
  'log_clinical_records update': "change the target record's substance",
  'log_clinical_records update:move-to-site-B': 'move the target record to site B (site_id 2)',
  'log_clinical_records delete': 'delete the target record',
  'ref_medications select': 'select the target medication',
  'ref_medications insert': 'add a medication',
  'ref_medications update': "change the target medication's drug_class",
  'ref_medications delete': 'delete the target medication',
  'ref_event_types select': 'select the target event type',
  'ref_event_types insert': 'add an event type',
  'ref_event_types update': "change the target event type's colour",
  'ref_event_types delete': 'delete the target event type',
  'ref_homework_types select': 'select the target homework type',
  'ref_homework_types insert': 'add a homework type',
  'ref_homework_types update': "change the target homework type's description",
  'ref_homework_types delete': 'delete the target homework type',
  'ref_modalities select': 'select the target modality',
  'ref_modalities insert': 'add a modality',
  'ref_modalities update': "change the target modality's class",
  'ref_modalities delete': 'delete the target modality',
  'ref_interaction_evidence select': 'select the target evidence',
  'ref_interaction_evidence insert': 'add an unreviewed finding (its author is set from the JWT)',
  'ref_interaction_evidence insert:as-approved': 'add a finding already approved',
  'ref_interaction_evidence update': 'approve the target: unreviewed -> approved',
  'ref_interaction_evidence update:own-row':
    'approve a finding the caller added itself (anon, service_role: one with no author, as seeded rows have)',
  'ref_interaction_evidence update:retire': 'retire an approved finding (added by networkAdmin, approved by clinicalReviewer)',
  'ref_interaction_evidence update:unretire': 'approve a retired finding: retired -> approved',
  'ref_interaction_evidence update:rewrite': "change the target's finding text (not a review status change)",
  'ref_interaction_evidence delete': 'delete the target evidence',
  'ref_interaction_evidence_history select': 'select the target history row',
  'ref_interaction_evidence_history insert': "record a status change for the target's evidence by hand",
  'ref_interaction_evidence_history update': "rewrite who made the target history row's change",
  'ref_interaction_evidence_history delete': 'delete the target history row',
  'session_events select': 'select the target event',
  'session_events insert': 'log an event on protocol 1 (site A)',
  'session_events update': "rewrite the target event's notes",
  'session_events delete': 'delete the target event',
  'practitioner_profiles select': "select clinicianA's profile",
  'practitioner_profiles insert': 'create its own profile, user_id = itself (anon, service_role: for the noSite user)',
  'practitioner_profiles insert:for-other-user': 'create a profile whose user_id is another (new) user',
  'practitioner_profiles update': "change the bio of clinicianA's profile",
  'practitioner_profiles update:hand-over': "set the user_id of clinicianA's profile to another (new) user",
  'practitioner_profiles delete': "delete clinicianA's profile",
  'practitioner_profiles delete:supervising':
    "delete clinicianA's profile while it supervises an active and a pending relationship (both kept, closed)",
  'supervision_relationships select': 'select the target request',
  'supervision_relationships insert':
    "request supervision: its own profile as supervisee, the supervisor's profile 1 as supervisor, status pending",
  'supervision_relationships insert:by-default':
    'the same request sending only supervisor_id: supervisee_id defaults to its own profile (anon, service_role: send profile 2)',
  'supervision_relationships insert:as-active':
    'the same request, but inserted already active (status active)',
  'supervision_relationships insert:on-behalf':
    "a pending request whose supervisee is someone else's profile (2, the supervisee's)",
  'supervision_relationships update': 'accept the target request: pending -> active',
  'supervision_relationships update:at-capacity':
    'accept the target request when clinicianA (max_supervisees 1) already has an active supervisee',
  'supervision_relationships update:decline': 'decline the target request: pending -> cancelled',
  'supervision_relationships update:end':
    'end an active memberA -> clinicianA relationship (instead of the target): active -> completed',
  'supervision_relationships update:skip-to-end': 'end the target request while still pending: pending -> completed',
  'supervision_relationships update:reopen':
    'reopen a completed memberA -> clinicianA relationship (instead of the target): completed -> active',
  'supervision_relationships update:backdate': "set the target's started_at (not a status change)",
  'supervision_relationships insert:with-snapshot':
    "the same request, also sending supervisee_display_name (a snapshot column, the database's to set)",
  'supervision_relationships update:snapshot':
    "rewrite supervisor_display_name on an active memberA -> clinicianA relationship (instead of the target)",
  'supervision_relationships select:supervisor-left':
    "select an accepted memberA -> clinicianA relationship after clinicianA's profile was deleted (now completed, supervisor_id null)",
  'supervision_relationships select:supervisee-left':
    "select an accepted memberA -> clinicianA relationship after memberA's profile was deleted (now completed, supervisee_id null)",
  'supervision_relationships select:both-left':
    'select an accepted memberA -> clinicianA relationship after both profiles were deleted (no participant left)',
  'supervision_relationships update:reattach':
    "after clinicianA's profile was deleted, point the closed relationship's supervisor_id at profile 1",
  'supervision_relationships delete': 'delete the target request',
  'supervision_circles select': 'select the target circle',
  'supervision_circles insert': 'create a circle',
  'supervision_circles update': "change the target circle's meeting_frequency",
  'supervision_circles delete': 'delete the target circle',
  'circle_members select': 'select the target membership',
  'circle_members insert': 'join circle 1 with its own profile (anon, service_role: profile 2)',
  'circle_members insert:by-default':
    'join circle 1 sending only circle_id: profile_id defaults to its own profile (anon, service_role: send profile 2)',
  'circle_members insert:full-circle':
    'join a full circle (max_members 1, one member already) with its own profile (anon, service_role: profile 2)',
  'circle_members insert:other-profile': "join circle 1 with someone else's profile (2, the supervisee's)",
  'circle_members update': "change the target membership's joined_at",
  'circle_members delete': 'delete the target membership (leave the circle)',
  'integration_homework select': 'select the target homework',
  'integration_homework insert': 'assign homework on protocol 1 (site A)',
  'integration_homework update': 'mark the target homework completed',
  'integration_homework update:move-to-site-B': 'move the target homework to protocol 3 (site B)',
  'integration_homework delete': 'delete the target homework',
  'integration_scores select': 'select the target score',
  'integration_scores insert': 'record a score on protocol 1 (site A)',
  'integration_scores update': "change the target score's value",
  'integration_scores update:move-to-site-B': 'move the target score to protocol 3 (site B)',
  'integration_scores delete': 'delete the target score',
};

export interface MatrixRow {
  /** `table operation` or `table operation:variant`, e.g. `session_events insert`. */
  key: string;
  table: Table;
  operation: Operation;
  variant: string | null;
  expected: Record<Persona, Outcome>;
}

function parse(text: string): MatrixRow[] {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const header = lines.shift()!.split(/\s+/);
  if (header.slice(2).join(' ') !== PERSONAS.join(' ')) {
    throw new Error(`access matrix: the header must list ${PERSONAS.join(', ')}`);
  }
  return lines.map((line) => {
    const [table, operationName, ...outcomes] = line.split(/\s+/) as [string, string, ...string[]];
    const [operation, variant = null] = operationName.split(':') as [string, string?];
    if (!(TABLES as readonly string[]).includes(table)) throw new Error(`access matrix: unknown table in "${line}"`);
    if (!(OPERATIONS as readonly string[]).includes(operation)) throw new Error(`access matrix: unknown operation in "${line}"`);
    if (outcomes.length !== PERSONAS.length) throw new Error(`access matrix: ${outcomes.length} outcomes in "${line}"`);
    const expected = {} as Record<Persona, Outcome>;
    PERSONAS.forEach((persona, i) => {
      const outcome = outcomes[i]!;
      if (!(OUTCOMES as readonly string[]).includes(outcome)) throw new Error(`access matrix: unknown outcome "${outcome}" in "${line}"`);
      expected[persona] = outcome as Outcome;
    });
    return { key: `${table} ${operationName}`, table: table as Table, operation: operation as Operation, variant, expected };
  });
}

export const MATRIX: readonly MatrixRow[] = parse(TABLE);

// The matrix is complete and documented: every table x operation once without a variant,
// no row twice, and every row says what it attempts.
{
  const keys = MATRIX.map((r) => r.key);
  const duplicate = keys.find((k, i) => keys.indexOf(k) !== i);
  if (duplicate) throw new Error(`access matrix: row "${duplicate}" appears twice`);
  for (const table of TABLES) {
    for (const operation of OPERATIONS) {
      if (!keys.includes(`${table} ${operation}`)) throw new Error(`access matrix: no row for "${table} ${operation}"`);
    }
  }
  const undocumented = keys.filter((k) => !ATTEMPTS[k]);
  const stale = Object.keys(ATTEMPTS).filter((k) => !keys.includes(k));
  if (undocumented.length || stale.length) {
    throw new Error(`access matrix: ATTEMPTS out of step (missing ${undocumented.join(', ') || '-'}; unknown ${stale.join(', ') || '-'})`);
  }
}

/** Number of cells: rows x personas, split into the core (16 x 4 x 11) and the variants. */
export function cellCounts(): { core: number; variants: number; total: number } {
  const core = MATRIX.filter((r) => !r.variant).length * PERSONAS.length;
  const total = MATRIX.length * PERSONAS.length;
  return { core, variants: total - core, total };
}
