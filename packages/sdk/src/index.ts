/**
 * @ppn/sdk: the PPN domain calls over your `SupabaseClient<Database>`.
 *
 * Use `createPpnClient(supabase)` for `ppn.medications.list()` and friends, or import the
 * plain functions (each takes a `PpnContext` from `createContext(supabase)` first) so a
 * bundler keeps only what you call.
 *
 * @module
 */

// Client, context, results and errors.
export { createPpnClient, type PpnClient, type PpnClientOptions } from './client.js';
export { createContext, type PpnContext, type PpnSupabaseClient } from './context.js';
export { PpnError, type PpnErrorCode, type PpnIssue } from './errors.js';
export type { PpnResult, PpnSuccess } from './result.js';

// Protocols (clinical records).
export { listProtocols, type ListProtocolsOptions, type Protocol, type ProtocolPage } from './protocols.js';

// Medications.
export {
  checkContraindications,
  getMedication,
  listDrugClasses,
  listMedications,
  type FlaggedMedication,
  type ListMedicationsOptions,
  type Medication,
} from './medications.js';
export {
  medicationInteractions,
  type CallOptions,
  type InteractionEvidence,
  type InteractionEvidenceStatus,
  type MedicationInteractions,
  type MedicationInteractionsParams,
} from './medication-interactions.js';

// Event types and session events.
export { listEventTypes, type EventType, type ListEventTypesOptions } from './event-types.js';
export {
  logSessionEvent,
  logSessionEvents,
  sessionTimeline,
  type LogSessionEventInput,
  type SessionEvent,
  type TimelineEvent,
  type TimelineOptions,
} from './session-events.js';

// Supervision Exchange.
export {
  createCircle,
  endSupervision,
  getMyProfile,
  joinCircle,
  leaveCircle,
  listCircleMembers,
  listCircles,
  listRelationships,
  requestSupervision,
  respondToRequest,
  searchSupervisors,
  upsertMyProfile,
  type CircleMember,
  type CircleMemberWithProfile,
  type CircleWithCount,
  type CreateCircleInput,
  type PractitionerProfile,
  type ProfileInput,
  type RelationshipParticipant,
  type RelationshipWithProfiles,
  type RemovedParticipant,
  type SearchSupervisorsOptions,
  type SupervisionCircle,
  type SupervisionDecision,
  type SupervisionRelationship,
  type SupervisorSearchResult,
} from './supervision.js';

// Integration Hub.
export {
  assignHomework,
  completeHomework,
  listHomework,
  listHomeworkTypes,
  type AssignHomeworkInput,
  type CompleteHomeworkInput,
  type Homework,
  type HomeworkListItem,
  type HomeworkStatus,
  type HomeworkType,
  type ListHomeworkOptions,
  type ListHomeworkTypesOptions,
} from './homework.js';
export { recordScore, scoreTrend, type IntegrationScore, type RecordScoreInput, type ScaleType } from './integration-scores.js';
