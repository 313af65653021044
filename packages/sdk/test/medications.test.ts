import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { REST, pgError, requests, rest, server, unitClient, useMsw } from './helpers/msw.js';

useMsw();

const MED = {
  medication_id: 8,
  medication_name: 'Alprazolam (Xanax)',
  drug_class: 'Benzodiazepine',
  rxnorm_cui: null,
  has_contraindication: true,
  contraindication_notes: 'May reduce efficacy of psychedelic therapy',
  is_active: true,
  created_at: '2026-02-12T14:15:00+00:00',
  updated_at: '2026-02-12T14:15:00+00:00',
};

describe('medications.list', () => {
  it('asks for active medications ordered by name, in one page of at most 1000', async () => {
    server.use(rest('get', 'ref_medications', [MED]));
    const { data, error } = await unitClient().medications.list();
    expect(error).toBeNull();
    expect(data).toEqual([MED]);
    const url = new URL(requests[0]!.url);
    expect(url.pathname).toBe('/rest/v1/ref_medications');
    expect(url.searchParams.get('is_active')).toBe('eq.true');
    expect(url.searchParams.get('order')).toBe('medication_name.asc,medication_id.asc');
    expect(url.searchParams.get('offset')).toBe('0');
    expect(url.searchParams.get('limit')).toBe('1000');
  });

  it('filters by class and by a literal, case-insensitive search', async () => {
    server.use(rest('get', 'ref_medications', []));
    await unitClient().medications.list({ drugClass: 'SSRI', search: '50%_off', includeInactive: true });
    const url = new URL(requests[0]!.url);
    expect(url.searchParams.get('drug_class')).toBe('eq.SSRI');
    expect(url.searchParams.get('medication_name')).toBe('ilike.%50\\%\\_off%');
    expect(url.searchParams.has('is_active')).toBe(false);
  });

  it('reads page after page instead of stopping at the server cap', async () => {
    const full = Array.from({ length: 1000 }, (_, i) => ({ ...MED, medication_id: i + 1 }));
    server.use(
      http.get(`${REST}/ref_medications`, ({ request }) => {
        const offset = Number(new URL(request.url).searchParams.get('offset'));
        return HttpResponse.json(offset === 0 ? full : [{ ...MED, medication_id: 1001 }]);
      }),
    );
    const { data } = await unitClient().medications.list();
    expect(data).toHaveLength(1001);
    expect(requests).toHaveLength(2);
  });

  it.each([
    [{ drugClass: '' }, 'drugClass'],
    [{ search: 42 }, 'search'],
    [{ includeInactive: 'yes' }, 'includeInactive'],
    [{ colour: 'blue' }, ''],
  ])('refuses %j without sending anything', async (options, field) => {
    const { data, error } = await unitClient().medications.list(options as never);
    expect(data).toBeNull();
    expect(error?.code).toBe('validation');
    if (field) expect(error?.issues[0]?.path).toEqual([field]);
    expect(requests).toHaveLength(0);
  });

  it('maps an expired session to unauthenticated', async () => {
    server.use(rest('get', 'ref_medications', pgError('PGRST301', 'JWT expired'), { status: 401 }));
    const { error } = await unitClient().medications.list();
    expect(error?.code).toBe('unauthenticated');
    expect(error?.dbCode).toBe('PGRST301');
  });

  it('maps a refused connection to network', async () => {
    server.use(http.get(`${REST}/ref_medications`, () => HttpResponse.error()));
    const { error } = await unitClient().medications.list();
    expect(error?.code).toBe('network');
  });
});

describe('medications.get', () => {
  it('reads one by id', async () => {
    server.use(rest('get', 'ref_medications', [MED]));
    const { data } = await unitClient().medications.get(8);
    expect(data).toEqual(MED);
    expect(new URL(requests[0]!.url).searchParams.get('medication_id')).toBe('eq.8');
  });

  it('answers not_found for a missing or hidden id', async () => {
    server.use(rest('get', 'ref_medications', []));
    const { error } = await unitClient().medications.get(999);
    expect(error?.code).toBe('not_found');
  });

  it.each([0, -1, 1.5, Number.NaN, '8', 2 ** 60])('refuses id %s', async (id) => {
    const { error } = await unitClient().medications.get(id as never);
    expect(error?.code).toBe('validation');
    expect(error?.issues[0]?.path).toEqual(['medicationId']);
    expect(requests).toHaveLength(0);
  });
});

describe('medications.classes', () => {
  it('returns the distinct classes in order', async () => {
    server.use(rest('get', 'ref_medications', [{ drug_class: 'Antipsychotic' }, { drug_class: 'Antipsychotic' }, { drug_class: 'SSRI' }]));
    const { data } = await unitClient().medications.classes();
    expect(data).toEqual(['Antipsychotic', 'SSRI']);
    const url = new URL(requests[0]!.url);
    expect(url.searchParams.get('select')).toBe('drug_class');
    expect(url.searchParams.get('drug_class')).toBe('not.is.null');
  });
});

describe('medications.checkContraindications', () => {
  it('asks only for flagged medications among the given ids', async () => {
    server.use(rest('get', 'ref_medications', [MED]));
    const { data } = await unitClient().medications.checkContraindications([8, 1, 8]);
    expect(data).toEqual([MED]);
    const url = new URL(requests[0]!.url);
    expect(url.searchParams.get('medication_id')).toBe('in.(8,1)');
    expect(url.searchParams.get('has_contraindication')).toBe('eq.true');
  });

  it('answers an empty list without a request when given none', async () => {
    const { data, error } = await unitClient().medications.checkContraindications([]);
    expect({ data, error }).toEqual({ data: [], error: null });
    expect(requests).toHaveLength(0);
  });

  it('refuses ids that are not ids', async () => {
    const { error } = await unitClient().medications.checkContraindications([1, 'two' as never]);
    expect(error?.code).toBe('validation');
    expect(error?.issues[0]?.path).toEqual(['medicationIds', 1]);
    expect(requests).toHaveLength(0);
  });
});
