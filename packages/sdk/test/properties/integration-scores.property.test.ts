import { describe } from 'vitest';
import { useMsw } from '../helpers/msw.js';
import { itRefusesInvalidInput } from './refusals.js';

useMsw();

describe('integration scores: bad input never leaves the device', () => {
  itRefusesInvalidInput('integrationScores.record');
});
