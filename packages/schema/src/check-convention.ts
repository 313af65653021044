/** The rule suffixes of this schema's CHECK constraint names (`<table>_<column>_<rule>`). */
const RULE = /_(check|length|not_blank|tags)$/;

/** What `checkConstraintColumn` makes of a name by the convention alone (the generator lists the rest). */
export function conventionalCheckColumn(table: string, constraint: string): string | undefined {
  return constraint.startsWith(`${table}_`) && RULE.test(constraint) ? constraint.slice(table.length + 1).replace(RULE, '') : undefined;
}
