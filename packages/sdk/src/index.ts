/**
 * @ppn/sdk: the PPN domain calls over your `SupabaseClient<Database>`.
 *
 * `createPpnClient(supabase)` gives `ppn.medications.list()` and every other call. Each
 * domain is also a function of its own (`medications(createContext(supabase))`) with the
 * same calls, so a bundler keeps only the domains you import.
 *
 * @module
 */

// Client, context, results, errors, pages.
export { createPpnClient, type PpnClient } from './client.js';
export { createContext, type PpnClientOptions, type PpnContext, type PpnSupabaseClient, type RequestOptions } from './context.js';
export { isRetryable, PpnError, type PpnErrorCode, type PpnIssue, type PpnIssueCode } from './errors.js';
export { allRows, type Page } from './page.js';
export type { Outcome, PpnResult, PpnSuccess, ResultMode } from './result.js';
export type { DateInput } from './types.js';

// Protocols (clinical records).
export { protocols, type ListProtocolsParams, type Protocol } from './protocols.js';

// Medications.
export {
  medications,
  type CheckContraindicationsParams,
  type DrugClass,
  type FlaggedMedication,
  type ListMedicationsParams,
  type Medication,
} from './medications.js';
export type {
  InteractionEvidence,
  InteractionEvidenceStatus,
  MedicationInteractions,
  MedicationInteractionsParams,
} from './medication-interactions.js';

// Event types and session events.
export { eventTypes, type EventType, type ListEventTypesParams } from './event-types.js';
export {
  sessionEvents,
  type LogManySessionEventsParams,
  type LogSessionEventParams,
  type SessionEvent,
  type TimelineEvent,
  type TimelineParams,
} from './session-events.js';
export type { PendingSessionEvent } from './pending-session-event.js';

// Supervision Exchange.
export { supervision, type SupervisionDomain } from './supervision.js';
export {
  type PractitionerProfile,
  type SearchSupervisorsParams,
  type SupervisorSearchResult,
  type UpsertProfileParams,
} from './supervision-profiles.js';
export {
  type ListRelationshipsParams,
  type RelationshipParticipant,
  type RelationshipWithProfiles,
  type RemovedParticipant,
  type RequestSupervisionParams,
  type SupervisionRelationship,
} from './supervision-relationships.js';
export {
  type CircleMember,
  type CircleMemberWithProfile,
  type CircleParams,
  type CircleWithCount,
  type CreateCircleParams,
  type ListCircleMembersParams,
  type ListCirclesParams,
  type SupervisionCircle,
} from './supervision-circles.js';

// Integration Hub.
export {
  homework,
  type AssignHomeworkParams,
  type CompleteHomeworkParams,
  type Homework,
  type HomeworkListItem,
  type HomeworkStatus,
  type HomeworkType,
  type ListHomeworkParams,
  type ListHomeworkTypesParams,
} from './homework.js';
export { integrationScores, type IntegrationScore, type RecordScoreParams, type ScaleType, type ScoreTrendParams } from './integration-scores.js';
