/**
 * The designer's page: pick a dev persona, and four PPN views load through `@ppn/sdk` and
 * supabase-js, straight from this browser to the local stack's gateway (another origin:
 * CORS). The persona's token signs every request; the database's row-level security decides
 * what comes back, and what may not be seen is simply absent.
 */
import { createClient } from '@supabase/supabase-js';
import type { Database } from '@ppn/schema';
import { createPpnClient, type PpnClient, type Protocol } from '@ppn/sdk';
import type { PageFacts } from '../config.js';
import { h } from './dom.js';
import { medicationsView } from './views/medications.js';
import { scoresView } from './views/scores.js';
import { supervisionView } from './views/supervision.js';
import { timelineView } from './views/timeline.js';
import type { View, ViewContext } from './views/view.js';
import './style.css';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = $<HTMLParagraphElement>('status');
const personaSelect = $<HTMLSelectElement>('persona');
const protocolInput = $<HTMLInputElement>('protocol');
const protocolList = $<HTMLDataListElement>('protocol-list');
const personaSummary = $<HTMLSpanElement>('persona-summary');

const views: View[] = [
  medicationsView($('view-medications')),
  timelineView($('view-timeline')),
  supervisionView($('view-supervision')),
  scoresView($('view-scores')),
];

function fail(message: string): never {
  status.dataset.state = 'error';
  status.textContent = message;
  throw new Error(message);
}

/** The stack's facts for the page (gateway URL, anon key, dev personas' tokens), from the dev or preview server. */
async function loadFacts(): Promise<PageFacts> {
  const response = await fetch('/ppn-stack.json', { cache: 'no-store' }).catch(() => null);
  const body = (await response?.json().catch(() => null)) as (PageFacts & { error?: string }) | null;
  if (!response?.ok || !body || body.error) fail(body?.error ?? 'Could not load /ppn-stack.json from the dev server.');
  return body;
}
const facts = await loadFacts();

const clients = new Map<string, PpnClient<'throw'>>();
function ppnAs(persona: string): PpnClient<'throw'> {
  let ppn = clients.get(persona);
  if (!ppn) {
    const token = facts.personas[persona]!.token;
    // No auth server locally: the dev persona's JWT signs every request.
    const supabase = createClient<Database>(facts.url, facts.anonKey, { accessToken: async () => token });
    ppn = createPpnClient(supabase, { throwOnError: true });
    clients.set(persona, ppn);
  }
  return ppn;
}

const params = new URLSearchParams(location.search);
for (const [name, p] of Object.entries(facts.personas)) {
  const label = `${name} — ${p.role ?? 'no site role'}${p.siteId ? ` · site ${p.siteId}` : ''}`;
  personaSelect.append(h('option', { value: name }, label));
}
personaSelect.value = params.get('persona') && facts.personas[params.get('persona')!] ? params.get('persona')! : 'clinicianA';
protocolInput.value = params.get('protocol') ?? '1';

let generation = 0;
let visible: Protocol[] = [];

async function refresh(what: 'persona' | 'protocol'): Promise<void> {
  const gen = ++generation;
  const persona = personaSelect.value;
  const protocolId = Math.max(1, Math.trunc(Number(protocolInput.value)) || 1);
  const ppn = ppnAs(persona);
  history.replaceState(null, '', `?persona=${encodeURIComponent(persona)}&protocol=${protocolId}`);
  status.dataset.state = 'loading';
  status.textContent = `Loading as ${persona}…`;
  try {
    if (what === 'persona') {
      const { data } = await ppn.protocols.list({ limit: 100 });
      if (gen !== generation) return;
      visible = data.rows;
      protocolList.replaceChildren(...visible.map((p) => h('option', { value: p.record_id }, `${p.patient_reference ?? ''} ${p.substance ?? ''}`)));
      const p = facts.personas[persona]!;
      personaSummary.textContent = `${p.email} · sees protocols ${visible.map((r) => r.record_id).join(', ') || 'none'}`;
    }
    const ctx: ViewContext = {
      ppn,
      persona,
      protocolId,
      protocol: visible.find((p) => p.record_id === protocolId),
      current: () => gen === generation,
    };
    await Promise.all(views.filter((v) => what === 'persona' || v.followsProtocol).map((v) => v.load(ctx)));
    if (gen !== generation) return;
    status.dataset.state = 'ready';
    status.dataset.persona = persona;
    status.textContent = `As ${persona}, signed with a dev token, from this page straight to the gateway at ${facts.url}. Row-level security decides what appears.`;
  } catch (error) {
    if (gen !== generation) return;
    status.dataset.state = 'error';
    status.textContent = `Could not load as ${persona}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

personaSelect.addEventListener('change', () => void refresh('persona'));
protocolInput.addEventListener('change', () => void refresh('protocol'));
await refresh('persona');
