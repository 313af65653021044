/**
 * For the Vite CLI in this folder (`vite`, `vite build`, `vite preview`): the page's facts
 * come from the stack `pnpm stack` left running (`.ppn/stack.json`). `pnpm example web`
 * starts a stack when none runs; see serve.ts.
 */
import { readRunningStack } from '@ppn/local-stack';
import { defineConfig } from 'vite';
import { webConfig, type SdkSource } from './config.js';

export default defineConfig(
  webConfig({
    facts: () => readRunningStack(),
    sdk: (process.env.PPN_WEB_SDK as SdkSource | undefined) ?? 'src',
  }),
);
