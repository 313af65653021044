import { http, HttpResponse, type HttpHandler } from 'msw';
import { REST, requests } from './msw.js';

/** What the SDK sent in request `index`: method, path under /rest/v1, query params, Prefer header, JSON body. */
export async function sent(index = 0) {
  const request = requests[index];
  if (!request) throw new Error(`no request #${index} (${requests.length} sent)`);
  const url = new URL(request.url);
  const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.clone().text();
  return {
    method: request.method,
    path: url.pathname.replace(/^\/rest\/v1/, ''),
    params: Object.fromEntries(url.searchParams),
    prefer: request.headers.get('prefer'),
    body: text ? (JSON.parse(text) as unknown) : undefined,
  };
}

/** A handler that fails at the network level (connection refused, DNS, CORS). */
export function networkFailure(method: 'get' | 'post' | 'patch' | 'delete' | 'head', table: string): HttpHandler {
  return http[method](`${REST}/${table}`, () => HttpResponse.error());
}

/** The PostgREST error answers the SDK maps, with the code each becomes. */
export const ERROR_CASES = [
  { name: 'refused by a policy (42501, 403)', status: 403, code: '42501', expected: 'forbidden' },
  { name: 'capacity or transition (PT409)', status: 409, code: 'PT409', expected: 'conflict' },
  { name: 'duplicate key (23505)', status: 409, code: '23505', expected: 'conflict' },
  { name: 'statement timeout (57014)', status: 500, code: '57014', expected: 'timeout' },
  { name: 'expired JWT (PGRST301)', status: 401, code: 'PGRST301', expected: 'unauthenticated' },
  { name: 'server error (500)', status: 500, code: 'XX000', expected: 'server' },
] as const;
