/**
 * The Supervision Exchange: the practitioner directory and your profile, supervision
 * relationships (dyads), and peer circles. One file per concept; this one gathers them.
 *
 * @module
 */
export {
  getMyProfile,
  searchSupervisors,
  upsertMyProfile,
  type PractitionerProfile,
  type ProfileInput,
  type SearchSupervisorsOptions,
  type SupervisorSearchResult,
} from './supervision-profiles.js';
export {
  endSupervision,
  listRelationships,
  requestSupervision,
  respondToRequest,
  type RelationshipParticipant,
  type RelationshipWithProfiles,
  type RemovedParticipant,
  type SupervisionDecision,
  type SupervisionRelationship,
} from './supervision-relationships.js';
export {
  createCircle,
  joinCircle,
  leaveCircle,
  listCircleMembers,
  listCircles,
  type CircleMember,
  type CircleMemberWithProfile,
  type CircleWithCount,
  type CreateCircleInput,
  type SupervisionCircle,
} from './supervision-circles.js';
