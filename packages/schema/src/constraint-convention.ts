/** The suffixes of this schema's constraint names that follow `<table>_<column>_<suffix>`. */
const RULE = /_(check|length|not_blank|tags|fkey)$/;

/** What `constraintColumn` makes of a name by the convention alone (the generator lists the rest). */
export function conventionalColumn(table: string, constraint: string): string | undefined {
  return constraint.startsWith(`${table}_`) && RULE.test(constraint) ? constraint.slice(table.length + 1).replace(RULE, '') : undefined;
}
