import type { PpnClient, Protocol } from '@ppn/sdk';
import { h } from '../dom.js';

/** What every view gets when the persona or protocol changes. */
export interface ViewContext {
  /** The SDK signed in as the chosen persona; failures throw the `PpnError` (shown in the view). */
  ppn: PpnClient<'throw'>;
  persona: string;
  protocolId: number;
  /** The chosen protocol's record when this persona may see it (RLS), else undefined. */
  protocol: Protocol | undefined;
  /** False once the persona or protocol has changed again: drop stale answers. */
  current(): boolean;
}

export interface View {
  /** Reload on protocol changes too (not only persona changes). */
  readonly followsProtocol: boolean;
  load(ctx: ViewContext): Promise<void>;
}

/**
 * Runs a view's load, marking the section `data-state="loading"` then `"ready"` (or
 * `"error"`) with the persona and protocol it shows, so tests and designers know what they see.
 */
export async function run(section: HTMLElement, ctx: ViewContext, body: () => Promise<void>): Promise<void> {
  section.dataset.state = 'loading';
  try {
    await body();
    if (!ctx.current()) return;
    section.dataset.state = 'ready';
  } catch (error) {
    if (!ctx.current()) return;
    section.dataset.state = 'error';
    section.querySelector('[data-testid="view-error"]')?.remove();
    section.append(h('p', { class: 'error', 'data-testid': 'view-error', role: 'alert' }, describe(error)));
  }
  section.dataset.persona = ctx.persona;
  section.dataset.protocol = String(ctx.protocolId);
}

function describe(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) {
    const code = 'code' in error ? ` (${String((error as { code: unknown }).code)})` : '';
    return `Could not load: ${String((error as { message: unknown }).message)}${code}`;
  }
  return `Could not load: ${String(error)}`;
}

/** "1h15" for 75 minutes. */
export function clock(minutes: number): string {
  const m = Math.round(minutes);
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}`;
}
