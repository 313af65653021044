/**
 * The browser proof: the designer's page, built by Vite (against the built @ppn/sdk when
 * `pnpm build` has run), served by `vite preview` on one origin, talking to a stack of its
 * own on another (CORS), in Debian's headless Chromium driven by playwright-core.
 * Screenshots of each view go to examples/web/test-results/ (git-ignored; CI artifacts).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStack, type AuthRequestEvent, type Stack } from '@ppn/local-stack';
import type { Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSdkSource, pageFacts, webConfig, WEB_ROOT, type SdkSource } from '../config.js';
import { launchChromium, type Browser } from './chromium.js';

const RESULTS = join(WEB_ROOT, 'test-results');
const requested = process.env.PPN_WEB_SDK as SdkSource | undefined;
const SDK: SdkSource = requested ?? defaultSdkSource();

const BENZODIAZEPINES = ['Alprazolam (Xanax)', 'Clonazepam (Klonopin)', 'Diazepam (Valium)', 'Lorazepam (Ativan)'];
const CLASSES = ['Antipsychotic', 'Benzodiazepine', 'Mood Stabilizer', 'NDRI', 'SARI', 'SNRI', 'SSRI', 'Stimulant', 'Tetracyclic'];
const EVENT_COLORS: Record<string, string> = {
  Distress: '#f43f5e',
  Breakthrough: '#10b981',
  'Music Change': '#3b82f6',
  'Vital Signs Check': '#f59e0b',
  'Bathroom Break': '#64748b',
  'Integration Moment': '#06b6d4',
  'Peak Experience': '#ec4899',
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

let stack: Stack;
let server: PreviewServer;
let browser: Browser;
let page: Page;
let base: string;
let outDir: string;
const problems: string[] = [];
const restCalls: string[] = [];
const authEvents: AuthRequestEvent[] = [];
const counted = (grantType: string) => authEvents.filter((e) => e.path === '/token' && e.grantType === grantType && e.status === 200).length;
// 95 s access tokens: auth-js refreshes once fewer than 90 s remain, so the page's session
// refreshes within seconds of each sign-in.
const JWT_EXPIRY = 95;

async function choosePersona(name: string): Promise<void> {
  await page.getByTestId('persona-select').selectOption(name);
  await page.locator(`[data-testid="status"][data-state="ready"][data-persona="${name}"]`).waitFor();
}

/** A view that has finished loading for this persona and protocol. */
function view(name: string, persona: string, protocol?: number) {
  const protocolAttr = protocol === undefined ? '' : `[data-protocol="${protocol}"]`;
  return page.locator(`[data-testid="view-${name}"][data-state="ready"][data-persona="${persona}"]${protocolAttr}`);
}

const shot = (name: string) => join(RESULTS, `${name}.png`);

describe(`the designer's page in headless Chromium (@ppn/sdk from ${SDK === 'dist' ? 'its build' : 'the repository src'})`, () => {
  beforeAll(async () => {
    if (SDK === 'src') console.warn('[e2e] @ppn/sdk resolved from packages/sdk/src: run `pnpm build` first to test the built package.');
    mkdirSync(RESULTS, { recursive: true });
    stack = await startStack({ auth: { jwtExpiry: JWT_EXPIRY, onRequest: (event) => authEvents.push(event) } });
    const facts = pageFacts(stack);
    outDir = mkdtempSync(join(tmpdir(), 'ppn-web-dist-'));
    const config = webConfig({ facts: async () => facts, sdk: SDK, outDir });
    await build({ ...config, logLevel: 'warn' });
    const port = await freePort();
    server = await preview({ ...config, logLevel: 'warn', preview: { host: '127.0.0.1', port, strictPort: true } });
    base = `http://127.0.0.1:${port}`;

    browser = await launchChromium();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
    page.on('request', (r) => r.url().startsWith(`${stack.url}/rest/v1/`) && restCalls.push(r.url()));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await stack?.stop();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('serves the page only the gateway URL, the anon key and the dev personas (no service-role key, no tokens)', async () => {
    const served = await fetch(`${base}/ppn-stack.json`).then((r) => r.text());
    const facts = JSON.parse(served) as Record<string, unknown>;
    expect(Object.keys(facts).sort()).toEqual(['anonKey', 'personas', 'url']);
    expect(served).not.toContain(stack.personas.clinicianA.token);
    for (const secret of [stack.serviceRoleKey, stack.jwtSecret, stack.dbUrl]) expect(served).not.toContain(secret);
    const built = readdirSync(join(outDir, 'assets'))
      .map((f) => readFileSync(join(outDir, 'assets', f), 'utf8'))
      .join('\n');
    expect(built).not.toContain(stack.serviceRoleKey);
  });

  it(`bundles @ppn/sdk from ${SDK === 'dist' ? 'packages/sdk/dist' : 'packages/sdk/src'} into the page`, () => {
    const maps = readdirSync(join(outDir, 'assets')).filter((f) => f.endsWith('.js.map'));
    const sources = maps.flatMap((f) => (JSON.parse(readFileSync(join(outDir, 'assets', f), 'utf8')) as { sources: string[] }).sources);
    expect(sources.some((p) => p.includes(`packages/sdk/${SDK}/`))).toBe(true);
    expect(sources.some((p) => p.includes(`packages/sdk/${SDK === 'dist' ? 'src' : 'dist'}/`))).toBe(false);
    expect(sources.some((p) => p.includes('@supabase/postgrest-js'))).toBe(true);
  });

  it('loads as clinicianA, from the preview origin to the gateway origin', async () => {
    await page.goto(`${base}/?persona=memberB&protocol=1`);
    await page.locator('[data-testid="status"][data-state="ready"]').waitFor();
    await choosePersona('clinicianA');
    expect(await page.getByTestId('persona-select').locator('option').count()).toBe(Object.keys(stack.personas).length);
    expect(new URL(base).origin).not.toBe(new URL(stack.url).origin);
    expect(restCalls.length).toBeGreaterThan(0);
    // The persona picker signed in with the persona's email and password, and signed out on switch.
    expect(counted('password')).toBe(2);
    expect(authEvents.filter((e) => e.path === '/logout' && e.status === 204)).toHaveLength(1);
    expect(await page.getByTestId('status').textContent()).toContain(`Signed in as clinicianA (${stack.personas.clinicianA.email})`);
  });

  it('groups the 24 medications of the Protocol Builder dropdown by drug class', async () => {
    await view('medications', 'clinicianA').waitFor();
    const select = page.getByTestId('medication-select');
    const options = select.locator('option[data-testid="medication-option"]');
    expect(await options.count()).toBe(24);
    const groups = await select.evaluate((el) =>
      [...el.querySelectorAll('optgroup')].map((g) => ({
        label: g.label,
        options: [...g.querySelectorAll('option')].map((o) => ({ name: o.textContent, drugClass: o.dataset.class })),
      })),
    );
    expect(groups.map((g) => g.label)).toEqual(CLASSES);
    for (const group of groups) for (const option of group.options) expect(option.drugClass).toBe(group.label);
    expect(groups.find((g) => g.label === 'Benzodiazepine')!.options.map((o) => o.name).sort()).toEqual(BENZODIAZEPINES);
    expect(groups.reduce((n, g) => n + g.options.length, 0)).toBe(24);
    // A native dropdown's popup is not in a screenshot: show the list open (size) for one.
    await select.evaluate((el: HTMLSelectElement) => (el.size = el.options.length + el.querySelectorAll('optgroup').length));
    await page.getByTestId('view-medications').screenshot({ path: shot('clinicianA-0-medication-dropdown-groups') });
    await select.evaluate((el: HTMLSelectElement) => (el.size = 0));
  });

  it('warns when a benzodiazepine is chosen, with the awaiting-clinical-review wording', async () => {
    const select = page.getByTestId('medication-select');
    await select.selectOption({ label: 'Sertraline (Zoloft)' });
    await page.getByTestId('no-evidence').waitFor();
    expect(await page.getByTestId('contraindication-warning').count()).toBe(0);

    await select.selectOption({ label: 'Lorazepam (Ativan)' });
    const warning = page.getByTestId('contraindication-warning');
    await warning.waitFor();
    expect(await warning.getByTestId('contraindication-note').textContent()).toBe('May reduce efficacy of psychedelic therapy');
    expect(await warning.textContent()).toContain('Lorazepam (Ativan)');
    expect(await warning.getByTestId('contraindication-review').textContent()).toContain('Reference data awaiting clinical review, not decision support.');
    await page.getByTestId('view-medications').screenshot({ path: shot('clinicianA-1-medications') });
  });

  it('shows the cited lithium evidence with its unreviewed badge, and the no-evidence wording for another drug', async () => {
    const select = page.getByTestId('medication-select');
    await select.selectOption({ label: 'Lithium' });
    const evidence = page.locator('[data-testid="interaction-evidence"][data-effect="adverse_event_risk"]');
    await evidence.waitFor();
    expect(await evidence.getAttribute('role')).toBe('alert');
    expect(await evidence.textContent()).toContain('Lithium with classic psychedelics');
    expect(await evidence.getByTestId('evidence-finding').textContent()).toContain('47% of 62 reports involved seizures');
    const badge = evidence.getByTestId('review-badge');
    expect(await badge.isVisible()).toBe(true);
    expect((await badge.innerText()).toLowerCase()).toBe('unreviewed');
    const cite = evidence.getByTestId('evidence-citation');
    expect(await cite.textContent()).toContain('Nayak SM, Gukasyan N, et al. (2021). Classic psychedelic coadministration with lithium');
    expect(await cite.getByTestId('evidence-doi').getAttribute('href')).toBe('https://doi.org/10.1055/a-1524-2794');
    expect(await cite.getByTestId('evidence-pmid').textContent()).toBe('34348413');
    expect(await page.getByTestId('no-evidence').count()).toBe(0);
    // Lithium carries no work-order flag; the page no longer turns that into reassurance.
    expect(await page.getByTestId('contraindication-warning').count()).toBe(0);
    await page.getByTestId('view-medications').screenshot({ path: shot('clinicianA-1b-lithium-evidence') });

    await select.selectOption({ label: 'Bupropion (Wellbutrin)' });
    const none = page.getByTestId('no-evidence');
    await none.waitFor();
    expect(await none.textContent()).toBe('No evidence recorded: this is not a statement of safety.');
    expect(await page.getByTestId('interaction-evidence').count()).toBe(0);
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/no interaction flag/i);
    expect(text).not.toMatch(/\bsafe\b/i);
    await page.getByTestId('view-medications').screenshot({ path: shot('clinicianA-1c-no-evidence-recorded') });
  });

  it("draws protocol 1's seeded session as colored marks over the hours", async () => {
    const timeline = view('timeline', 'clinicianA', 1);
    await timeline.waitFor();
    const marks = await timeline.getByTestId('timeline-mark').evaluateAll((els) =>
      els.map((el) => ({ type: el.getAttribute('data-event-type')!, fill: el.getAttribute('fill'), minutes: Number(el.getAttribute('data-minutes')) })),
    );
    expect(marks).toHaveLength(10);
    for (const mark of marks) expect(mark.fill).toBe(EVENT_COLORS[mark.type]);
    expect(marks.map((m) => m.minutes)).toEqual([0, 45, 75, 90, 120, 150, 180, 240, 300, 360]);
    expect(await timeline.getByTestId('timeline-tick').allTextContents()).toEqual(['0h', '1h', '2h', '3h', '4h', '5h', '6h']);
    expect((await timeline.getByTestId('timeline-lane').allTextContents()).sort()).toEqual(Object.keys(EVENT_COLORS).sort());
    await timeline.screenshot({ path: shot('clinicianA-2-timeline-protocol-1') });
  });

  it('searches supervisors by specialty and modality, with the total', async () => {
    const supervision = view('supervision', 'clinicianA');
    await supervision.waitFor();
    const total = page.getByTestId('supervision-total');
    expect(await total.getAttribute('data-total')).toBe('4');
    expect(await page.getByTestId('supervisor-result').count()).toBe(4);

    await page.getByTestId('specialty-PTSD').check();
    await expect.poll(() => total.getAttribute('data-total')).toBe('3');
    await page.getByTestId('modality-Psilocybin').check();
    await expect.poll(() => total.getAttribute('data-total')).toBe('2');
    await page.locator('[data-testid="view-supervision"][data-state="ready"]').waitFor();
    expect(await page.getByTestId('supervision-total-value').textContent()).toBe('2');
    const names = await page.getByTestId('supervisor-result').locator('.name').allTextContents();
    expect(names.map((n) => n.split(' ').slice(0, 3).join(' ')).sort()).toEqual(['Dr. Alex Rivera', 'Dr. Sam Supervisor']);
    await page.getByTestId('view-supervision').screenshot({ path: shot('clinicianA-3-supervision') });
  });

  it("draws protocol 1's integration scores as a line", async () => {
    const scores = view('scores', 'clinicianA', 1);
    await scores.waitFor();
    const line = scores.getByTestId('score-line');
    expect(await line.getAttribute('data-scale')).toBe('IES');
    const points = (await line.getAttribute('points'))!.split(' ').map((p) => p.split(',').map(Number));
    expect(points).toHaveLength(2);
    expect(points[1]![0]).toBeGreaterThan(points[0]![0]!); // later to the right
    expect(points[1]![1]).toBeGreaterThan(points[0]![1]!); // IES 42 -> 28.5: lower, so further down the SVG's y
    expect(await scores.getByTestId('score-point').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))))).toEqual([42, 28.5]);

    await page.getByTestId('scale-select').selectOption('EIS');
    await expect.poll(() => page.getByTestId('score-line').getAttribute('data-scale')).toBe('EIS');
    expect(await page.getByTestId('score-point').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))))).toEqual([55]);
    await page.getByTestId('scale-select').selectOption('IES');
    await expect.poll(() => page.getByTestId('score-line').getAttribute('data-scale')).toBe('IES');
    await page.getByTestId('view-scores').screenshot({ path: shot('clinicianA-4-scores') });
    await page.screenshot({ path: shot('clinicianA-full'), fullPage: true });
  });

  it("shows clinicianB (site 2) no timeline and no scores for site 1's protocol 1: absent, not an error", async () => {
    await choosePersona('clinicianB');
    const timeline = view('timeline', 'clinicianB', 1);
    await timeline.waitFor();
    expect(await timeline.getByTestId('timeline-mark').count()).toBe(0);
    expect(await timeline.getByTestId('timeline-chart').count()).toBe(0);
    expect(await timeline.getByTestId('timeline-empty').textContent()).toContain('No session events for protocol 1 are visible to clinicianB');
    expect(await timeline.getByTestId('view-error').count()).toBe(0);
    const scores = view('scores', 'clinicianB', 1);
    await scores.waitFor();
    expect(await scores.getByTestId('score-line').count()).toBe(0);
    await scores.getByTestId('scores-empty').waitFor();
    // Reference data is the same for everyone.
    await view('medications', 'clinicianB').waitFor();
    expect(await page.locator('[data-testid="medication-option"]').count()).toBe(24);
    await timeline.screenshot({ path: shot('clinicianB-timeline-protocol-1-absent') });
    await page.screenshot({ path: shot('clinicianB-full-protocol-1'), fullPage: true });
  });

  it("shows clinicianB its own site's protocol 3", async () => {
    await page.getByTestId('protocol-input').fill('3');
    await page.getByTestId('protocol-input').dispatchEvent('change');
    const timeline = view('timeline', 'clinicianB', 3);
    await timeline.waitFor();
    expect(await timeline.getByTestId('timeline-mark').count()).toBe(10);
    await view('scores', 'clinicianB', 3).getByTestId('score-line').waitFor();
    await timeline.screenshot({ path: shot('clinicianB-timeline-protocol-3') });
  });

  it('refreshes the session in the browser: a load 6 s after sign-in goes through a counted refresh_token request', async () => {
    await choosePersona('clinicianA');
    const before = counted('refresh_token');
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    await page.getByTestId('protocol-input').fill('1');
    await page.getByTestId('protocol-input').dispatchEvent('change');
    await view('timeline', 'clinicianA', 1).getByTestId('timeline-mark').first().waitFor();
    expect(counted('refresh_token')).toBeGreaterThan(before);
  }, 60_000);

  it('ran without page errors, console errors or failed requests', () => {
    expect(problems).toEqual([]);
  });

  // Last: the browser logs the 401s a signed-out page gets as console errors.
  it('signs out: the SDK then answers unauthenticated, and picking a persona signs in again', async () => {
    await page.getByTestId('sign-out').click();
    await page.locator('[data-testid="status"][data-state="signed-out"]').waitFor();
    const medications = page.locator('[data-testid="view-medications"][data-state="error"]');
    expect(await medications.getByTestId('view-error').textContent()).toContain('(unauthenticated)');
    await choosePersona('clinicianA');
    await view('medications', 'clinicianA').waitFor();
    expect(await page.locator('[data-testid="medication-option"]').count()).toBe(24);
  });
});
