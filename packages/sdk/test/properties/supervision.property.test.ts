import { describe } from 'vitest';
import { useMsw } from '../helpers/msw.js';
import { itRefusesInvalidInput } from './refusals.js';

useMsw();

describe('supervision: bad input never leaves the device', () => {
  itRefusesInvalidInput('supervision.request');
  itRefusesInvalidInput('supervision.accept');
  itRefusesInvalidInput('supervision.decline');
  itRefusesInvalidInput('supervision.end');
  itRefusesInvalidInput('supervision.profiles.upsertMine');
  itRefusesInvalidInput('supervision.circles.create');
  itRefusesInvalidInput('supervision.circles.join');
  itRefusesInvalidInput('supervision.circles.leave');
});
