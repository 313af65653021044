import { describe } from 'vitest';
import { useMsw } from '../helpers/msw.js';
import { itRefusesInvalidInput } from './refusals.js';

useMsw();

describe('session events: bad input never leaves the device', () => {
  itRefusesInvalidInput('sessionEvents.log');
  itRefusesInvalidInput('sessionEvents.logMany');
});
