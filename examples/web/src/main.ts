/**
 * The designer's page: pick a dev persona, and four PPN views load through `@ppn/sdk` and
 * supabase-js, straight from this browser to the local stack's gateway (another origin:
 * CORS). Choosing a persona signs out and signs in again as that persona with
 * `supabase.auth.signInWithPassword`, the way an app signs in on Supabase; the session's token
 * signs every request; the database's row-level security decides what comes back, and what
 * may not be seen is simply absent.
 */
import { createClient } from '@supabase/supabase-js';
import type { Database } from '@ppn/schema';
import { createPpnClient, type Protocol } from '@ppn/sdk';
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
const signOutButton = $<HTMLButtonElement>('sign-out');

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

/** The stack's facts for the page (gateway URL, anon key, dev personas' sign-in details), from the dev or preview server. */
async function loadFacts(): Promise<PageFacts> {
  const response = await fetch('/ppn-stack.json', { cache: 'no-store' }).catch(() => null);
  const body = (await response?.json().catch(() => null)) as (PageFacts & { error?: string }) | null;
  if (!response?.ok || !body || body.error) fail(body?.error ?? 'Could not load /ppn-stack.json from the dev server.');
  return body;
}
const facts = await loadFacts();

// One client for the page, as an app has: auth-js keeps the session (localStorage) and
// refreshes its token; createPpnClient never touches supabase.auth, it only sends the token.
const supabase = createClient<Database>(facts.url, facts.anonKey, { auth: { storageKey: 'ppn-designer-page' } });
const ppn = createPpnClient(supabase, { throwOnError: true });

const personaByEmail = new Map(Object.entries(facts.personas).map(([name, p]) => [p.email, name]));
let signedInAs: string | null = personaByEmail.get((await supabase.auth.getSession()).data.session?.user.email ?? '') ?? null;
let signing: Promise<void> = Promise.resolve();

/** Sign-ins and sign-outs one after another: a quick second switch waits for the first. */
function serially(step: () => Promise<void>): Promise<void> {
  signing = signing.catch(() => undefined).then(step);
  return signing;
}

/** Signs out the current persona (if another) and signs in as `persona` with its email and dev password. */
function signInAs(persona: string): Promise<void> {
  return serially(async () => {
    if (signedInAs === persona) return;
    if (signedInAs) await supabase.auth.signOut();
    signedInAs = null;
    const { email, password } = facts.personas[persona]!;
    const { error } = await supabase.auth.signInWithPassword({ email, password });
    if (error) throw error;
    signedInAs = persona;
  });
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
  history.replaceState(null, '', `?persona=${encodeURIComponent(persona)}&protocol=${protocolId}`);
  status.dataset.state = 'loading';
  status.textContent = `Loading as ${persona}…`;
  try {
    await signInAs(persona);
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
    status.textContent = `Signed in as ${persona} (${facts.personas[persona]!.email}), from this page straight to the gateway at ${facts.url}. Row-level security decides what appears.`;
  } catch (error) {
    if (gen !== generation) return;
    status.dataset.state = 'error';
    status.textContent = `Could not load as ${persona}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Signs out, then shows what a signed-out visitor gets from the SDK (unauthenticated). */
async function signOut(): Promise<void> {
  const gen = ++generation;
  const protocolId = Math.max(1, Math.trunc(Number(protocolInput.value)) || 1);
  status.dataset.state = 'loading';
  await serially(async () => {
    await supabase.auth.signOut();
    signedInAs = null;
  });
  personaSummary.textContent = 'signed out';
  // No persona chosen: picking any one (the last one too) is a change that signs in.
  personaSelect.value = '';
  const ctx: ViewContext = { ppn, persona: '', protocolId, protocol: undefined, current: () => gen === generation };
  await Promise.all(views.map((v) => v.load(ctx)));
  if (gen !== generation) return;
  status.dataset.state = 'signed-out';
  status.dataset.persona = '';
  status.textContent = 'Signed out: the SDK answers unauthenticated. Choose a persona to sign in again.';
}

personaSelect.addEventListener('change', () => void refresh('persona'));
signOutButton.addEventListener('click', () => void signOut());
protocolInput.addEventListener('change', () => void refresh('protocol'));
await refresh('persona');
