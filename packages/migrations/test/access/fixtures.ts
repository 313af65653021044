import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { PERSONAS as SEEDED_PERSONAS } from '../../../../test/stack.js';
import { MATRIX, type MatrixRow, type Operation, type Persona, type Table } from './matrix.js';

/**
 * The fixtures behind matrix.ts: for every row, what is created (as superuser, before
 * the attempt) and what the persona then tries. Both access suites run the same plans;
 * only how they make the attempt differs (SQL as a role vs supabase-js).
 */

/** A superuser connection: fixtures bypass RLS and set explicit ids. */
export type Db = pg.ClientBase;

export type Values = Record<string, string | number | boolean | null>;

/** One attempt: `match` names the target row (select/update/delete), `values` the insert payload or update patch. */
export interface Attempt {
  table: Table;
  operation: Operation;
  match?: Values;
  values?: Values;
}

type Plan = (db: Db, who: Persona) => Promise<Omit<Attempt, 'table' | 'operation'>>;

// Seeded facts (supabase/seed.sql) ------------------------------------------------------

const SITE_A = 1;
const PROTOCOL_A = 1;
const PROTOCOL_B = 3;
const SUPERVISOR_PROFILE = 1;
const SUPERVISEE_PROFILE = 2;
const CIRCLE = 1;
const DEMO_MEMBER_PROFILE = 4;

export const userId = (who: Persona): string | null =>
  who === 'anon' || who === 'service_role' ? null : SEEDED_PERSONAS[who].userId;

const NO_SITE_USER = SEEDED_PERSONAS.noSite.userId;
const tag = (what: string) => `matrix ${what} ${randomUUID()}`;

// Superuser helpers ----------------------------------------------------------------------

async function id(db: Db, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await db.query(sql, params);
  const value = rows[0] ? Object.values(rows[0])[0] : undefined;
  if (value === undefined || value === null) throw new Error(`fixture returned no id: ${sql}`);
  return Number(value);
}

/** Site A': a new site with site A's three personas as members. */
async function siteLikeA(db: Db): Promise<number> {
  const site = await id(db, 'insert into public.sites (site_name) values ($1) returning site_id', [tag('site')]);
  await db.query(
    `insert into public.user_sites (user_id, site_id, role) values ($1, $4, 'member'), ($2, $4, 'clinician'), ($3, $4, 'site_admin')`,
    [SEEDED_PERSONAS.memberA.userId, SEEDED_PERSONAS.clinicianA.userId, SEEDED_PERSONAS.siteAdminA.userId, site],
  );
  return site;
}

const newUser = (db: Db) =>
  db
    .query<{ id: string }>('insert into auth.users (email) values ($1) returning id', [`matrix-${randomUUID()}@ppn.local`])
    .then((r) => r.rows[0]!.id);

const profileFor = (db: Db, user: string) =>
  id(db, 'insert into public.practitioner_profiles (user_id, display_name) values ($1, $2) returning profile_id', [user, tag('profile')]);

/** The caller's own profile, created for it; anon and service_role act with the supervisee's. */
const ownProfile = async (db: Db, who: Persona) => {
  const user = userId(who);
  return user ? profileFor(db, user) : SUPERVISEE_PROFILE;
};

/**
 * A memberA (supervisee) -> clinicianA (supervisor) relationship in the given state. With
 * `full`, clinicianA takes one supervisee at most and already has one (profile 2, active).
 */
async function dyad(db: Db, status: 'pending' | 'active' | 'completed', full = false): Promise<number> {
  const supervisee = await profileFor(db, SEEDED_PERSONAS.memberA.userId);
  const supervisor = await profileFor(db, SEEDED_PERSONAS.clinicianA.userId);
  if (full) {
    await db.query('update public.practitioner_profiles set max_supervisees = 1 where profile_id = $1', [supervisor]);
    await db.query(`insert into public.supervision_relationships (supervisor_id, supervisee_id, status) values ($1, $2, 'active')`, [
      supervisor,
      SUPERVISEE_PROFILE,
    ]);
  }
  const relationship = await id(
    db,
    `insert into public.supervision_relationships (supervisor_id, supervisee_id, status) values ($1, $2, $3) returning relationship_id`,
    [supervisor, supervisee, status === 'pending' ? 'pending' : 'active'],
  );
  if (status === 'completed') {
    await db.query(`update public.supervision_relationships set status = 'completed' where relationship_id = $1`, [relationship]);
  }
  return relationship;
}

const LITHIUM = `select medication_id from public.ref_medications where medication_name = 'Lithium'`;

/** An unreviewed lithium x classic psychedelic finding; `author` null as for seeded rows. */
const evidenceRow = async (db: Db) => ({
  medication_id: await id(db, LITHIUM),
  modality_class: 'classic_psychedelic',
  effect: 'adverse_event_risk',
  severity: 'caution',
  finding: tag('finding'),
  evidence_kind: 'case_report',
  citation_title: tag('citation'),
  citation_year: 2024,
  citation_doi: '10.1234/matrix.fixture',
});

async function evidence(db: Db, author: string | null): Promise<number> {
  const values = { ...(await evidenceRow(db)), created_by: author };
  const cols = Object.keys(values);
  return id(
    db,
    `insert into public.ref_interaction_evidence (${cols.join(', ')}) values (${cols.map((_, i) => `$${i + 1}`).join(', ')}) returning evidence_id`,
    Object.values(values),
  );
}

/**
 * Moves evidence to `status` the only way the database allows: as a clinical reviewer (the
 * trigger refuses everyone else, superuser included). One DO block is one transaction in
 * autocommit, so the claims last exactly as long as the change (inside a caller's
 * transaction they are overwritten by the attempt's own claims).
 */
async function review(db: Db, evidenceId: number, ...statuses: Array<'approved' | 'retired'>): Promise<void> {
  const sub = JSON.stringify({ sub: SEEDED_PERSONAS.clinicalReviewer.userId, role: 'authenticated' });
  const updates = statuses.map((s) => `update public.ref_interaction_evidence set review_status = '${s}' where evidence_id = ${Number(evidenceId)};`);
  await db.query(`do $$ begin perform set_config('request.jwt.claims', '${sub}', true); ${updates.join(' ')} end $$`);
}

const NETWORK_ADMIN = SEEDED_PERSONAS.networkAdmin.userId;

/** Deletes practitioner profiles as the superuser: those participants leave the network. */
const leave = (db: Db, ...profiles: number[]) => db.query('delete from public.practitioner_profiles where profile_id = any($1::bigint[])', [profiles]);

/** An active memberA -> clinicianA relationship whose supervisor, supervisee or both have left. */
async function departed(db: Db, who: 'supervisor' | 'supervisee' | 'both'): Promise<number> {
  const relationship = await dyad(db, 'active');
  const { rows } = await db.query<{ supervisor_id: string; supervisee_id: string }>(
    'select supervisor_id, supervisee_id from public.supervision_relationships where relationship_id = $1',
    [relationship],
  );
  const { supervisor_id, supervisee_id } = rows[0]!;
  await leave(db, ...(who === 'supervisor' ? [supervisor_id] : who === 'supervisee' ? [supervisee_id] : [supervisor_id, supervisee_id]).map(Number));
  return relationship;
}

const eventType = (db: Db) => id(db, `select event_type_id from public.ref_event_types where event_name = 'Music Change'`);
const homeworkType = (db: Db) => id(db, `select homework_type_id from public.ref_homework_types where homework_name = 'Journaling'`);

// Per table: the target, the patch an update sends, what an insert sends --------------

interface TablePlan {
  target(db: Db): Promise<Values>;
  patch(): Values;
  insert(db: Db, who: Persona): Promise<Values>;
  variants?: Record<string, Plan>;
}

const siteScopedChild = (
  table: 'integration_homework' | 'integration_scores',
  pk: string,
  row: (db: Db, protocol: number) => Promise<Values>,
  patch: () => Values,
): TablePlan => {
  const target = async (db: Db) => {
    const values = await row(db, PROTOCOL_A);
    const cols = Object.keys(values);
    return {
      [pk]: await id(
        db,
        `insert into public.${table} (${cols.join(', ')}) values (${cols.map((_, i) => `$${i + 1}`).join(', ')}) returning ${pk}`,
        Object.values(values),
      ),
    };
  };
  return {
    target,
    patch,
    insert: (db) => row(db, PROTOCOL_A),
    variants: {
      'update:move-to-site-B': async (db) => ({ match: await target(db), values: { protocol_id: PROTOCOL_B } }),
    },
  };
};

const PLANS: Record<Table, TablePlan> = {
  sites: {
    target: async (db) => ({ site_id: await siteLikeA(db) }),
    patch: () => ({ site_name: tag('renamed site') }),
    insert: async () => ({ site_name: tag('site') }),
  },
  user_sites: {
    target: async (db) => ({ user_id: SEEDED_PERSONAS.memberA.userId, site_id: await siteLikeA(db) }),
    patch: () => ({ role: 'site_admin' }),
    insert: async (db, who) => ({
      user_id: userId(who) ?? NO_SITE_USER,
      site_id: await id(db, 'insert into public.sites (site_name) values ($1) returning site_id', [tag('empty site')]),
      role: 'site_admin',
    }),
  },
  log_clinical_records: {
    target: async (db) => ({
      record_id: await id(
        db,
        `insert into public.log_clinical_records (site_id, patient_reference, session_date, substance) values ($1, $2, '2026-03-01', 'Psilocybin') returning record_id`,
        [SITE_A, tag('record')],
      ),
    }),
    patch: () => ({ substance: 'Ketamine' }),
    insert: async () => ({ site_id: SITE_A, patient_reference: tag('record'), session_date: '2026-03-02', substance: 'MDMA' }),
    variants: {
      'update:move-to-site-B': async (db) => ({ match: await PLANS.log_clinical_records.target(db), values: { site_id: 2 } }),
    },
  },
  ref_medications: {
    target: async (db) => ({
      medication_id: await id(db, 'insert into public.ref_medications (medication_name, is_active) values ($1, false) returning medication_id', [tag('medication')]),
    }),
    patch: () => ({ drug_class: 'matrix' }),
    insert: async () => ({ medication_name: tag('medication'), is_active: false }),
  },
  ref_event_types: {
    target: async (db) => ({
      event_type_id: await id(db, 'insert into public.ref_event_types (event_name, is_active) values ($1, false) returning event_type_id', [tag('event type')]),
    }),
    patch: () => ({ color_code: '#000000' }),
    insert: async () => ({ event_name: tag('event type'), is_active: false }),
  },
  ref_homework_types: {
    target: async (db) => ({
      homework_type_id: await id(db, 'insert into public.ref_homework_types (homework_name, is_active) values ($1, false) returning homework_type_id', [tag('homework type')]),
    }),
    patch: () => ({ description: 'matrix' }),
    insert: async () => ({ homework_name: tag('homework type'), is_active: false }),
  },
  ref_modalities: {
    target: async (db) => ({
      modality_id: await id(db, `insert into public.ref_modalities (modality_name, modality_class, is_active) values ($1, 'dissociative', false) returning modality_id`, [
        tag('modality').slice(0, 60),
      ]),
    }),
    patch: () => ({ modality_class: 'entactogen' }),
    insert: async () => ({ modality_name: tag('modality').slice(0, 60), modality_class: 'classic_psychedelic', is_active: false }),
  },
  ref_interaction_evidence: {
    target: async (db) => ({ evidence_id: await evidence(db, NETWORK_ADMIN) }),
    patch: () => ({ review_status: 'approved' }),
    insert: (db) => evidenceRow(db),
    variants: {
      'insert:as-approved': async (db) => ({ values: { ...(await evidenceRow(db)), review_status: 'approved', reviewed_at: '2026-03-01T00:00:00Z' } }),
      'update:own-row': async (db, who) => ({ match: { evidence_id: await evidence(db, userId(who)) }, values: { review_status: 'approved' } }),
      'update:retire': async (db) => {
        const evidenceId = await evidence(db, NETWORK_ADMIN);
        await review(db, evidenceId, 'approved');
        return { match: { evidence_id: evidenceId }, values: { review_status: 'retired' } };
      },
      'update:unretire': async (db) => {
        const evidenceId = await evidence(db, NETWORK_ADMIN);
        await review(db, evidenceId, 'retired');
        return { match: { evidence_id: evidenceId }, values: { review_status: 'approved' } };
      },
      'update:rewrite': async (db) => ({ match: { evidence_id: await evidence(db, NETWORK_ADMIN) }, values: { finding: 'rewritten' } }),
    },
  },
  ref_interaction_evidence_history: {
    target: async (db) => ({
      history_id: await id(db, 'select history_id from public.ref_interaction_evidence_history where evidence_id = $1', [await evidence(db, NETWORK_ADMIN)]),
    }),
    patch: () => ({ changed_by: SEEDED_PERSONAS.clinicalReviewer.userId }),
    insert: async (db) => ({ evidence_id: await evidence(db, NETWORK_ADMIN), from_status: 'unreviewed', to_status: 'approved' }),
  },
  session_events: {
    target: async (db) => ({
      event_id: await id(
        db,
        `insert into public.session_events (protocol_id, event_type_id, event_timestamp, notes) values ($1, $2, '2026-03-01T10:00:00Z', $3) returning event_id`,
        [PROTOCOL_A, await eventType(db), tag('event')],
      ),
    }),
    patch: () => ({ notes: 'rewritten' }),
    insert: async (db) => ({
      protocol_id: PROTOCOL_A,
      event_type_id: await eventType(db),
      event_timestamp: '2026-03-01T11:00:00Z',
      intensity_level: 3,
      notes: tag('event'),
    }),
  },
  practitioner_profiles: {
    target: async (db) => ({ profile_id: await profileFor(db, SEEDED_PERSONAS.clinicianA.userId) }),
    patch: () => ({ bio: 'matrix bio' }),
    insert: async (_db, who) => ({ user_id: userId(who) ?? NO_SITE_USER, display_name: tag('profile') }),
    variants: {
      'insert:for-other-user': async (db) => ({ values: { user_id: await newUser(db), display_name: tag('profile') } }),
      'update:hand-over': async (db) => ({ match: await PLANS.practitioner_profiles.target(db), values: { user_id: await newUser(db) } }),
      'delete:supervising': async (db) => {
        const supervisor = await profileFor(db, SEEDED_PERSONAS.clinicianA.userId);
        const supervisee = await profileFor(db, await newUser(db));
        await db.query(
          `insert into public.supervision_relationships (supervisor_id, supervisee_id, status) values ($1, $2, 'active'), ($1, $3, 'pending')`,
          [supervisor, supervisee, SUPERVISEE_PROFILE],
        );
        return { match: { profile_id: supervisor } };
      },
    },
  },
  supervision_relationships: {
    target: async (db) => ({ relationship_id: await dyad(db, 'pending') }),
    patch: () => ({ status: 'active' }),
    insert: async (db, who) => ({ supervisor_id: SUPERVISOR_PROFILE, supervisee_id: await ownProfile(db, who), status: 'pending' }),
    variants: {
      'insert:by-default': async (db, who) => {
        const own = await ownProfile(db, who);
        return { values: { supervisor_id: SUPERVISOR_PROFILE, ...(userId(who) ? {} : { supervisee_id: own }) } };
      },
      'insert:as-active': async (db, who) => ({
        values: { supervisor_id: SUPERVISOR_PROFILE, supervisee_id: await ownProfile(db, who), status: 'active' },
      }),
      'insert:on-behalf': async () => ({
        values: { supervisor_id: SUPERVISOR_PROFILE, supervisee_id: SUPERVISEE_PROFILE, status: 'pending' },
      }),
      'update:at-capacity': async (db) => ({ match: { relationship_id: await dyad(db, 'pending', true) }, values: { status: 'active' } }),
      'update:decline': async (db) => ({ match: { relationship_id: await dyad(db, 'pending') }, values: { status: 'cancelled' } }),
      'update:end': async (db) => ({ match: { relationship_id: await dyad(db, 'active') }, values: { status: 'completed' } }),
      'update:skip-to-end': async (db) => ({ match: { relationship_id: await dyad(db, 'pending') }, values: { status: 'completed' } }),
      'update:reopen': async (db) => ({ match: { relationship_id: await dyad(db, 'completed') }, values: { status: 'active' } }),
      'update:backdate': async (db) => ({
        match: { relationship_id: await dyad(db, 'pending') },
        values: { started_at: '2020-01-01T00:00:00Z' },
      }),
      'insert:with-snapshot': async (db, who) => ({
        values: { supervisor_id: SUPERVISOR_PROFILE, supervisee_id: await ownProfile(db, who), status: 'pending', supervisee_display_name: 'Forged' },
      }),
      'update:snapshot': async (db) => ({ match: { relationship_id: await dyad(db, 'active') }, values: { supervisor_display_name: 'Forged' } }),
      'select:supervisor-left': async (db) => ({ match: { relationship_id: await departed(db, 'supervisor') } }),
      'select:supervisee-left': async (db) => ({ match: { relationship_id: await departed(db, 'supervisee') } }),
      'select:both-left': async (db) => ({ match: { relationship_id: await departed(db, 'both') } }),
      'update:reattach': async (db) => ({ match: { relationship_id: await departed(db, 'supervisor') }, values: { supervisor_id: SUPERVISOR_PROFILE } }),
    },
  },
  supervision_circles: {
    target: async (db) => ({
      circle_id: await id(db, `insert into public.supervision_circles (circle_name, max_members) values ($1, 8) returning circle_id`, [tag('circle')]),
    }),
    patch: () => ({ meeting_frequency: 'weekly' }),
    insert: async () => ({ circle_name: tag('circle'), max_members: 8, meeting_frequency: 'monthly' }),
  },
  circle_members: {
    target: async (db) => {
      const profile = await profileFor(db, SEEDED_PERSONAS.clinicianA.userId);
      await db.query('insert into public.circle_members (circle_id, profile_id) values ($1, $2)', [CIRCLE, profile]);
      return { circle_id: CIRCLE, profile_id: profile };
    },
    patch: () => ({ joined_at: '2026-01-01T00:00:00Z' }),
    insert: async (db, who) => ({ circle_id: CIRCLE, profile_id: await ownProfile(db, who) }),
    variants: {
      'insert:by-default': async (db, who) => {
        const own = await ownProfile(db, who);
        return { values: { circle_id: CIRCLE, ...(userId(who) ? {} : { profile_id: own }) } };
      },
      'insert:full-circle': async (db, who) => {
        const circle = await id(db, `insert into public.supervision_circles (circle_name, max_members) values ($1, 1) returning circle_id`, [tag('full circle')]);
        await db.query('insert into public.circle_members (circle_id, profile_id) values ($1, $2)', [circle, DEMO_MEMBER_PROFILE]);
        return { values: { circle_id: circle, profile_id: await ownProfile(db, who) } };
      },
      'insert:other-profile': async () => ({ values: { circle_id: CIRCLE, profile_id: SUPERVISEE_PROFILE } }),
    },
  },
  integration_homework: siteScopedChild(
    'integration_homework',
    'homework_id',
    async (db, protocol) => ({
      protocol_id: protocol,
      homework_type_id: await homeworkType(db),
      assigned_date: '2026-03-01',
      due_date: '2026-03-08',
      completion_notes: tag('homework'),
    }),
    () => ({ is_completed: true, completed_date: '2026-03-05' }),
  ),
  integration_scores: siteScopedChild(
    'integration_scores',
    'score_id',
    async (_db, protocol) => ({ protocol_id: protocol, scale_type: 'IES', score_value: 33, measured_at: '2026-03-01T12:00:00Z', days_post_dose: 3 }),
    () => ({ score_value: 21.5 }),
  ),
};

/** Creates what the row needs (as superuser) and says what `who` attempts. */
export async function prepare(row: MatrixRow, db: Db, who: Persona): Promise<Attempt> {
  const plan = PLANS[row.table];
  const base = { table: row.table, operation: row.operation };
  if (row.variant) {
    const variant = plan.variants?.[`${row.operation}:${row.variant}`];
    if (!variant) throw new Error(`no fixture for matrix row "${row.key}"`);
    return { ...base, ...(await variant(db, who)) };
  }
  switch (row.operation) {
    case 'insert':
      return { ...base, values: await plan.insert(db, who) };
    case 'update':
      return { ...base, match: await plan.target(db), values: plan.patch() };
    default:
      return { ...base, match: await plan.target(db) };
  }
}

// Every variant fixture has its row in the matrix, and every variant row its fixture.
{
  const variantRows = MATRIX.filter((r) => r.variant).map((r) => r.key);
  const variantPlans = Object.entries(PLANS).flatMap(([table, plan]) => Object.keys(plan.variants ?? {}).map((v) => `${table} ${v}`));
  const missing = variantRows.filter((k) => !variantPlans.includes(k));
  const stale = variantPlans.filter((k) => !variantRows.includes(k));
  if (missing.length || stale.length) {
    throw new Error(`access fixtures out of step with the matrix (no fixture: ${missing.join(', ') || '-'}; no row: ${stale.join(', ') || '-'})`);
  }
}
