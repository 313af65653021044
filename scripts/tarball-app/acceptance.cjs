'use strict';
const { createClient } = require('@supabase/supabase-js');
const WebSocket = require('ws');
const { createPpnClient, PpnError } = require('@ppn/sdk');
const { sessionEventInsert } = require('@ppn/schema');
const migrations = require('@ppn/migrations');
const stack = require('@ppn/local-stack');
const acceptance = require('./acceptance-body.cjs');

acceptance('cjs', {
  createClient,
  WebSocket,
  createPpnClient,
  PpnError,
  sessionEventInsert,
  migrations,
  stack,
  resolved: {
    sdk: require.resolve('@ppn/sdk'),
    schema: require.resolve('@ppn/schema'),
    migrations: require.resolve('@ppn/migrations'),
  },
}).catch((error) => {
  console.error(error);
  process.exit(1);
});
