import { query } from './bare-postgres.js';

/** One finding, named after the Supabase database advisor lint it reproduces. */
export interface LintFinding {
  lint: string;
  object: string;
  detail?: string;
}

const API_ROLES = ['anon', 'authenticated', 'authenticator'];
const ACTIONS = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'];

/**
 * Our own versions of the Supabase database advisor lints named in DESIGN.md, run against a
 * migrated database. Schemas checked: `public` (exposed) and `private` (helpers).
 */
export async function advisorLints(dbUrl: string): Promise<LintFinding[]> {
  const findings: LintFinding[] = [];

  const tables = await query<{ name: string; rls: boolean; policies: number }>(
    dbUrl,
    `select c.relname as name, c.relrowsecurity as rls,
            (select count(*)::int from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname) as policies
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')`,
  );
  for (const t of tables) {
    if (!t.rls && t.policies === 0) findings.push({ lint: 'rls_disabled_in_public', object: t.name });
    if (!t.rls && t.policies > 0) findings.push({ lint: 'policy_exists_rls_disabled', object: t.name });
    if (t.rls && t.policies === 0) findings.push({ lint: 'rls_enabled_no_policy', object: t.name });
  }

  const policies = await query<{ tablename: string; policyname: string; permissive: string; roles: string[]; cmd: string; qual: string | null; with_check: string | null }>(
    dbUrl,
    `select tablename, policyname, permissive, roles::text[] as roles, cmd, qual, with_check from pg_policies where schemaname = 'public'`,
  );
  for (const p of policies) {
    for (const expr of [p.qual, p.with_check]) {
      if (!expr) continue;
      // Wrapped calls read back as "( SELECT auth.uid() AS uid)": evaluated once per statement.
      const unwrapped = expr.replace(/\(\s*SELECT\s+(auth\.\w+\(\)|current_setting\([^)]*\))(::\w+)?\s+AS\s+\w+\)/gi, '');
      if (/\bauth\.\w+\(\)|current_setting\(/i.test(unwrapped)) {
        findings.push({ lint: 'auth_rls_initplan', object: `${p.tablename}.${p.policyname}`, detail: expr });
      }
    }
    if (p.cmd !== 'SELECT' && [p.qual, p.with_check].some((e) => e?.trim() === 'true')) {
      findings.push({ lint: 'rls_policy_always_true', object: `${p.tablename}.${p.policyname}` });
    }
  }

  const permissive = new Map<string, string[]>();
  for (const p of policies.filter((x) => x.permissive === 'PERMISSIVE')) {
    const roles = p.roles.includes('public') ? API_ROLES : p.roles.filter((r) => API_ROLES.includes(r));
    const actions = p.cmd === 'ALL' ? ACTIONS : [p.cmd];
    for (const role of roles) {
      for (const action of actions) {
        const key = `${p.tablename} ${role} ${action}`;
        permissive.set(key, [...(permissive.get(key) ?? []), p.policyname]);
      }
    }
  }
  for (const [key, names] of permissive) {
    if (names.length > 1) findings.push({ lint: 'multiple_permissive_policies', object: key, detail: names.join(', ') });
  }

  const unindexed = await query<{ tbl: string; conname: string }>(
    dbUrl,
    `select c.conrelid::regclass::text as tbl, c.conname
       from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where c.contype = 'f' and n.nspname in ('public', 'private')
        and not exists (
          select 1 from pg_index i
           where i.indrelid = c.conrelid
             and (i.indkey::int2[])[0:array_length(c.conkey, 1) - 1] @> c.conkey
             and (i.indkey::int2[])[0:array_length(c.conkey, 1) - 1] <@ c.conkey)`,
  );
  for (const u of unindexed) findings.push({ lint: 'unindexed_foreign_keys', object: `${u.tbl}.${u.conname}` });

  const mutable = await query<{ fn: string }>(
    dbUrl,
    `select n.nspname || '.' || p.proname as fn
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname in ('public', 'private') and p.prokind = 'f'
        and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) c where c like 'search_path=%')`,
  );
  for (const m of mutable) findings.push({ lint: 'function_search_path_mutable', object: m.fn });

  return findings.sort((a, b) => `${a.lint}${a.object}`.localeCompare(`${b.lint}${b.object}`));
}
