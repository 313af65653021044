import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database, Tables } from '@ppn/schema';
import { describe, expectTypeOf, it } from 'vitest';
import {
  createPpnClient,
  type CircleMember,
  type CircleMemberWithProfile,
  type CircleWithCount,
  type PractitionerProfile,
  type RelationshipParticipant,
  type RelationshipWithProfiles,
  type RemovedParticipant,
  type SupervisionCircle,
  type SupervisionRelationship,
  type SupervisorSearchResult,
} from '../src/index.js';

declare const supabase: SupabaseClient<Database>;
const ppn = createPpnClient(supabase);
const strict = createPpnClient(supabase, { throwOnError: true });

describe('supervision types', () => {
  it('search and profiles', async () => {
    const found = await ppn.supervision.search({ specialties: ['PTSD'], modalities: ['Ketamine'], minYearsExperience: 5, maxHourlyRate: 200, acceptingOnly: false, limit: 20, offset: 0 });
    expectTypeOf(found.data).toEqualTypeOf<SupervisorSearchResult | null>();
    expectTypeOf<SupervisorSearchResult>().toEqualTypeOf<{ profiles: PractitionerProfile[]; total: number; totalIsEstimate: boolean }>();
    expectTypeOf<PractitionerProfile>().toEqualTypeOf<Tables<'practitioner_profiles'>>();
    expectTypeOf((await ppn.supervision.profiles.mine()).data).toEqualTypeOf<PractitionerProfile | null>();
    expectTypeOf((await strict.supervision.profiles.mine()).data).toEqualTypeOf<PractitionerProfile | null>();
    expectTypeOf((await strict.supervision.profiles.upsertMine({ displayName: 'Jo' })).data).toEqualTypeOf<PractitionerProfile>();
    expectTypeOf((await strict.supervision.search()).data).toEqualTypeOf<SupervisorSearchResult>();
  });

  it('relationships', async () => {
    expectTypeOf((await ppn.supervision.request(1)).data).toEqualTypeOf<SupervisionRelationship | null>();
    expectTypeOf<SupervisionRelationship>().toEqualTypeOf<Tables<'supervision_relationships'>>();
    expectTypeOf((await strict.supervision.respond(1, 'accept')).data).toEqualTypeOf<SupervisionRelationship>();
    expectTypeOf((await strict.supervision.end(1)).data).toEqualTypeOf<SupervisionRelationship>();
    const listed = await strict.supervision.relationships();
    expectTypeOf(listed.data).toEqualTypeOf<RelationshipWithProfiles[]>();
    const { supervisor, supervisee } = listed.data[0]!;
    expectTypeOf(supervisor).toEqualTypeOf<RelationshipParticipant | RemovedParticipant>();
    expectTypeOf(supervisee).toEqualTypeOf<RelationshipParticipant | RemovedParticipant>();
    expectTypeOf(supervisor.display_name).toEqualTypeOf<string | null>();
    expectTypeOf(supervisor.credentials).toEqualTypeOf<string | null>();
    // `removed` tells the sides apart: a removed side has no profile id, only the snapshot.
    if (supervisor.removed) expectTypeOf(supervisor.profile_id).toEqualTypeOf<null>();
    else expectTypeOf(supervisor.profile_id).toEqualTypeOf<number>();
    expectTypeOf<SupervisionRelationship['supervisor_display_name']>().toEqualTypeOf<string | null>();
  });

  it('circles', async () => {
    expectTypeOf((await ppn.supervision.circles.list()).data).toEqualTypeOf<CircleWithCount[] | null>();
    expectTypeOf<CircleWithCount['member_count']>().toEqualTypeOf<number>();
    expectTypeOf((await strict.supervision.circles.create({ circleName: 'C', maxMembers: null })).data).toEqualTypeOf<SupervisionCircle>();
    expectTypeOf((await strict.supervision.circles.join(1)).data).toEqualTypeOf<CircleMember>();
    expectTypeOf((await strict.supervision.circles.leave(1)).data).toEqualTypeOf<CircleMember>();
    expectTypeOf((await strict.supervision.circles.members(1)).data).toEqualTypeOf<CircleMemberWithProfile[]>();
  });

  it('refuses wrong argument types and unknown fields', () => {
    // @ts-expect-error tags are an array
    void ppn.supervision.search({ specialties: 'PTSD' });
    // @ts-expect-error unknown field
    void ppn.supervision.search({ name: 'Sam' });
    // @ts-expect-error maxHourlyRate is a number
    void ppn.supervision.search({ maxHourlyRate: '100' });
    // @ts-expect-error camelCase fields, not columns
    void ppn.supervision.profiles.upsertMine({ display_name: 'Jo' });
    // @ts-expect-error the profile is always yours: no user id
    void ppn.supervision.profiles.upsertMine({ displayName: 'Jo', userId: 'x' });
    // @ts-expect-error yearsExperience is a number
    void ppn.supervision.profiles.upsertMine({ yearsExperience: '3' });
    // @ts-expect-error the supervisor's profile id is a number
    void ppn.supervision.request('1');
    // @ts-expect-error accept or decline
    void ppn.supervision.respond(1, 'approve');
    // @ts-expect-error the decision is required
    void ppn.supervision.respond(1);
    // @ts-expect-error circleName is required
    void ppn.supervision.circles.create({ maxMembers: 4 });
    // @ts-expect-error unknown field
    void ppn.supervision.circles.create({ circleName: 'C', members: [] });
    // @ts-expect-error the circle id is a number
    void ppn.supervision.circles.join('1');
  });
});
