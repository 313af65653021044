import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { createPpnClient, PpnError } from '@ppn/sdk';
import { sessionEventInsert } from '@ppn/schema';
import * as migrations from '@ppn/migrations';
import * as stack from '@ppn/local-stack';
import acceptance from './acceptance-body.cjs';

await acceptance('esm', {
  createClient,
  WebSocket,
  createPpnClient,
  PpnError,
  sessionEventInsert,
  migrations,
  stack,
  resolved: {
    sdk: import.meta.resolve('@ppn/sdk'),
    schema: import.meta.resolve('@ppn/schema'),
    migrations: import.meta.resolve('@ppn/migrations'),
  },
});
