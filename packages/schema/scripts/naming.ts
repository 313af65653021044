/** Names the generators derive from table and column names. */

/** `session_events` -> `sessionEvents` (validator prefix). */
export function camel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** `session_events` -> `SessionEvents`. */
export function pascal(name: string): string {
  const c = camel(name);
  return c.charAt(0).toUpperCase() + c.slice(1);
}

/**
 * The singular entity name a table's row aliases use: the `log_` / `ref_` storage
 * prefixes go, the last word is singularised. `ref_medications` -> `Medication`,
 * `log_clinical_records` -> `ClinicalRecord`, `integration_homework` -> `IntegrationHomework`.
 */
export function entity(table: string): string {
  const words = table.replace(/^(log|ref)_/, '').split('_');
  const last = words.pop()!;
  const singular = last.endsWith('ies')
    ? `${last.slice(0, -3)}y`
    : last.endsWith('s') && !last.endsWith('ss')
      ? last.slice(0, -1)
      : last;
  return pascal([...words, singular].join('_'));
}

/** A property key as written in generated code. */
export function key(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name);
}

/** `SUPERVISION_RELATIONSHIPS_STATUS` from table and column. */
export function upperSnake(...parts: string[]): string {
  return parts.join('_').toUpperCase();
}
