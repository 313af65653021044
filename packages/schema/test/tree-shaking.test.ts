/**
 * An app pays only for the tables it imports: bundling one validator leaves out the other
 * tables' modules and the same table's unused variants. (Sizes are printed by
 * `pnpm --filter @ppn/schema size`; this only checks what is left out.)
 */
import * as z from 'zod/mini';
import { expect, test } from 'vitest';
import { bundle } from '../scripts/size.js';
import * as schema from '../src/index.js';

/** A schema's description (its table or column COMMENT): a string only its module holds. */
const description = (s: z.ZodMiniType) => z.globalRegistry.get(s)!.description!;

test('importing sessionEventInsert bundles neither other tables nor the unused Row validator', async () => {
  const code = await bundle(
    `import { sessionEventInsert } from './src/index.js'; console.log(sessionEventInsert.safeParse({}));`,
  );
  expect(code).toContain(description(schema.sessionEventsInsert));
  // event_id appears only in the Row variant (it is absent on insert): its column is gone.
  expect(code).not.toContain(description(schema.sessionEventsRow.shape.event_id));
  for (const other of [
    schema.refMedicationsRow,
    schema.integrationHomeworkRow,
    schema.practitionerProfilesRow,
    schema.sitesRow,
  ]) {
    expect(code).not.toContain(description(other));
  }
  for (const value of [...schema.EVENT_TYPE_NAMES, ...schema.SITE_ROLES]) expect(code).not.toContain(`"${value}"`);
});

test('importing a constant bundles no zod at all', async () => {
  const code = await bundle(`import { SCALE_TYPES } from './src/index.js'; console.log(SCALE_TYPES);`);
  expect(code.length).toBeLessThan(300);
});
