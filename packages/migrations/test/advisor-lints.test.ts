import { describe, expect, inject, it } from 'vitest';
import { advisorLints } from './helpers/advisor-lints.js';
import { bareCluster, query } from './helpers/bare-postgres.js';

describe('Supabase advisor lints (our reproduction)', () => {
  it('finds nothing in the migrated database', async () => {
    expect(await advisorLints(inject('stack').dbUrl)).toEqual([]);
  });

  it('can fail: each lint fires on a database that breaks its rule', async () => {
    const cluster = await bareCluster();
    try {
      const dbUrl = await cluster.createDatabase();
      await query(
        dbUrl,
        `create schema auth;
         create function auth.uid() returns uuid language sql stable as $$ select null::uuid $$;
         create role authenticated_lint_probe;
         create table parents (id int primary key);
         create table open_table (id int primary key);
         create table no_policy (id int primary key);
         alter table no_policy enable row level security;
         create table policy_no_rls (id int primary key);
         create policy p on policy_no_rls for select using (true);
         create table kids (id int primary key, parent_id int references parents(id), owner uuid);
         alter table kids enable row level security;
         alter table parents enable row level security;
         create policy parents_read on parents for select using (true);
         create policy kids_read on kids for select using (owner = auth.uid());
         create policy kids_read_too on kids for select using (true);
         create policy kids_write on kids for update using (true);
         create function leaky() returns int language sql as $$ select 1 $$;`,
      );
      const lints = new Set((await advisorLints(dbUrl)).map((f) => f.lint));
      expect([...lints].sort()).toEqual([
        'auth_rls_initplan',
        'function_search_path_mutable',
        'multiple_permissive_policies',
        'policy_exists_rls_disabled',
        'rls_disabled_in_public',
        'rls_enabled_no_policy',
        'rls_policy_always_true',
        'unindexed_foreign_keys',
      ]);
    } finally {
      await cluster.server.stop();
    }
  });
});
