import { CONSTRAINT_COLUMN_EXCEPTIONS } from './constraint-exceptions.generated.js';
import { conventionalColumn } from './constraint-convention.js';

/**
 * The column a check, unique or foreign key constraint guards (the first one, for a rule
 * over several columns), from its name and table as a database error reports them: by the
 * naming convention `<table>_<column>_<rule>`, or from the generated list of the names that
 * do not follow it (every unique key among them). Undefined when the name is not one of
 * this schema's. `CONSTRAINT_COLUMNS` has every constraint's columns; this is the small
 * form an app bundles.
 *
 * @example
 * ```ts
 * constraintColumn('session_events', 'session_events_intensity_level_check'); // 'intensity_level'
 * constraintColumn('supervision_relationships', 'no_self_supervision'); // 'supervisor_id'
 * constraintColumn(undefined, 'circle_members_pkey'); // 'circle_id'
 * ```
 */
export function constraintColumn(table: string | undefined, constraint: string): string | undefined {
  const listed = CONSTRAINT_COLUMN_EXCEPTIONS[constraint];
  if (listed !== undefined) return listed || undefined;
  return table === undefined ? undefined : conventionalColumn(table, constraint);
}
