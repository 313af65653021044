import { describe } from 'vitest';
import { useMsw } from '../helpers/msw.js';
import { itRefusesInvalidInput } from './refusals.js';

useMsw();

describe('homework: bad input never leaves the device', () => {
  itRefusesInvalidInput('homework.assign');
  itRefusesInvalidInput('homework.complete');
});
