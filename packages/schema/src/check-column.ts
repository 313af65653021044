import { CHECK_COLUMN_EXCEPTIONS } from './check-columns.generated.js';
import { conventionalCheckColumn } from './check-convention.js';

/**
 * The column a CHECK constraint guards (the first one, for a rule over two columns), from
 * its name and table as a database error reports them: by the naming convention
 * `<table>_<column>_<rule>`, or from the generated list of names that do not follow it.
 * Undefined when the name is not one of this schema's.
 *
 * @example
 * ```ts
 * checkConstraintColumn('session_events', 'session_events_intensity_level_check'); // 'intensity_level'
 * checkConstraintColumn('supervision_relationships', 'no_self_supervision'); // 'supervisor_id'
 * ```
 */
export function checkConstraintColumn(table: string, constraint: string): string | undefined {
  const listed = CHECK_COLUMN_EXCEPTIONS[constraint];
  if (listed !== undefined) return listed || undefined;
  return conventionalCheckColumn(table, constraint);
}
