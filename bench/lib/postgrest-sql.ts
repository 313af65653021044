/**
 * The statements PostgREST 12 runs for the SDK's reads, copied from the server's statement
 * log (log_statement = all) and with the bind parameters written in as literals. The
 * database-side figures EXPLAIN these, so they include what PostgREST adds (the JSON body,
 * the count), not just the table access.
 */

const lit = (value: string): string => `'${value.replace(/'/g, "''")}'`;
const textArray = (values: string[]): string => lit(`{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`);

const ENVELOPE = `nullif(current_setting('response.headers', true), '') AS response_headers, nullif(current_setting('response.status', true), '') AS response_status, '' AS response_inserted`;

/** `sessionEvents.timeline(protocolId)`: one page of 1000 with the event type embedded. */
export function timelineStatement(protocolId: number): string {
  return `WITH pgrst_source AS ( SELECT "public"."session_events".*, row_to_json("session_events_event_type_1".*)::jsonb AS "event_type" FROM "public"."session_events" LEFT JOIN LATERAL ( SELECT "ref_event_types_1"."event_type_id", "ref_event_types_1"."event_name", "ref_event_types_1"."color_code", "ref_event_types_1"."icon_name" FROM "public"."ref_event_types" AS "ref_event_types_1"  WHERE "ref_event_types_1"."event_type_id" = "public"."session_events"."event_type_id"   LIMIT 1000 OFFSET 0 ) AS "session_events_event_type_1" ON TRUE WHERE  "public"."session_events"."protocol_id" = ${protocolId}  ORDER BY "public"."session_events"."event_timestamp" ASC , "public"."session_events"."event_id" ASC  LIMIT 1000 OFFSET 0 )  SELECT null::bigint AS total_result_set, pg_catalog.count(_postgrest_t) AS page_total, coalesce(json_agg(_postgrest_t), '[]') AS body, ${ENVELOPE} FROM ( SELECT * FROM pgrst_source ) _postgrest_t`;
}

/**
 * The timeline's table access alone: the same rows, filter and order, without the JSON
 * PostgREST builds from them (row_to_json per row, json_agg). RLS acts here, so this is
 * where the policy designs differ.
 */
export function timelineCoreStatement(protocolId: number): string {
  return `SELECT "public"."session_events".* FROM "public"."session_events" WHERE "public"."session_events"."protocol_id" = ${protocolId} ORDER BY "public"."session_events"."event_timestamp" ASC, "public"."session_events"."event_id" ASC LIMIT 1000 OFFSET 0`;
}

/** `GET /session_events?select=event_id` with `Prefer: count=exact` (HEAD): the count query. */
export function countStatement(): string {
  return `WITH pgrst_source AS ( SELECT "public"."session_events"."event_id" FROM "public"."session_events"     LIMIT 1000 OFFSET 0 ) , pgrst_source_count AS (SELECT 1 FROM "public"."session_events") SELECT (SELECT pg_catalog.count(*) FROM pgrst_source_count) AS total_result_set, pg_catalog.count(_postgrest_t) AS page_total, ''::text AS body, ${ENVELOPE} FROM ( SELECT * FROM pgrst_source ) _postgrest_t`;
}

export interface SearchFilters {
  specialties?: string[];
  modalities?: string[];
  minYearsExperience?: number;
  maxHourlyRate?: number;
  /** Default true, as in the SDK. */
  acceptingOnly?: boolean;
  limit?: number;
}

function searchWhere(f: SearchFilters): string {
  const t = '"public"."practitioner_profiles"';
  const parts: string[] = [];
  if (f.specialties) parts.push(`${t}."specialties" && ${textArray(f.specialties)}`);
  if (f.modalities) parts.push(`${t}."modalities" && ${textArray(f.modalities)}`);
  if (f.minYearsExperience !== undefined) parts.push(`${t}."years_experience" >= ${lit(String(f.minYearsExperience))}`);
  if (f.maxHourlyRate !== undefined) parts.push(`${t}."hourly_rate" <= ${lit(String(f.maxHourlyRate))}`);
  if (f.acceptingOnly !== false) parts.push(`${t}."is_accepting_supervision" = 'true'`);
  return parts.length ? `WHERE ${parts.join(' AND ')}` : '';
}

/**
 * `supervision.search(filters)`: one page ordered by experience, and PostgREST's
 * `count=estimated`, which counts exactly up to db-max-rows + 1 (LIMIT 1001) and, above
 * that, asks the planner (a separate EXPLAIN, planning only, not included here).
 * `count: 'exact'` drops the LIMIT: that variant is the issue's baseline for totals.
 */
export function searchStatement(f: SearchFilters, count: 'estimated' | 'exact' = 'estimated'): string {
  const where = searchWhere(f);
  const limit = f.limit ?? 50;
  const cap = count === 'estimated' ? ' LIMIT 1001' : '';
  return `WITH pgrst_source AS ( SELECT "public"."practitioner_profiles".* FROM "public"."practitioner_profiles"  ${where}  ORDER BY "public"."practitioner_profiles"."years_experience" DESC NULLS LAST, "public"."practitioner_profiles"."profile_id" ASC  LIMIT ${limit} OFFSET 0 ) , pgrst_source_count AS (SELECT 1 FROM "public"."practitioner_profiles" ${where}${cap}) SELECT (SELECT pg_catalog.count(*) FROM pgrst_source_count) AS total_result_set, pg_catalog.count(_postgrest_t) AS page_total, coalesce(json_agg(_postgrest_t), '[]') AS body, ${ENVELOPE} FROM ( SELECT * FROM pgrst_source ) _postgrest_t`;
}

/** `homework.list(protocolId)`'s table access: the protocol's rows in the SDK's order. */
export function homeworkCoreStatement(protocolId: number): string {
  return `SELECT "public"."integration_homework".* FROM "public"."integration_homework" WHERE "public"."integration_homework"."protocol_id" = ${protocolId} ORDER BY "public"."integration_homework"."due_date" ASC, "public"."integration_homework"."homework_id" ASC LIMIT 1000 OFFSET 0`;
}

/** `integrationScores.trend(protocolId, scaleType)`'s table access. */
export function scoresCoreStatement(protocolId: number, scaleType: 'IES' | 'EIS'): string {
  return `SELECT "public"."integration_scores".* FROM "public"."integration_scores" WHERE "public"."integration_scores"."protocol_id" = ${protocolId} AND "public"."integration_scores"."scale_type" = '${scaleType}' ORDER BY "public"."integration_scores"."measured_at" ASC, "public"."integration_scores"."score_id" ASC LIMIT 1000 OFFSET 0`;
}
