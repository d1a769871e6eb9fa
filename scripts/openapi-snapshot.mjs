#!/usr/bin/env node
// Refreshes apps/web/openapi.json, the snapshot the web app's typed client is generated from.
//   API_URL=http://localhost:3000 npm run openapi:snapshot   from a running api (e.g. `npm run demo`)
//   npm run openapi:snapshot                                 boots the compiled api (`npm run build` first)
//                                                            with this shell's DATABASE_URL and REDIS_URL
// Then `npm run build:web` regenerates the client; test/web/app-shell.e2e-spec.ts fails while they differ.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';

const SNAPSHOT = new URL('../apps/web/openapi.json', import.meta.url);
const API = new URL('../dist/apps/api/src/main.js', import.meta.url);

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function fetchDocument(baseUrl, deadline) {
  for (;;) {
    try {
      const res = await fetch(`${baseUrl}/api/docs-json`);
      if (res.ok) return await res.json();
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`no OpenAPI document at ${baseUrl}/api/docs-json`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function fromBootedApi() {
  const port = await freePort();
  const env = { JWT_SECRET: 'openapi-snapshot-only-0123456789abcdef', ...process.env, PORT: String(port) };
  const api = spawn(process.execPath, [API.pathname], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    return await fetchDocument(`http://127.0.0.1:${port}`, Date.now() + 60_000);
  } finally {
    api.kill('SIGTERM');
  }
}

const document = process.env.API_URL
  ? await fetchDocument(process.env.API_URL, Date.now() + 5_000)
  : await fromBootedApi();
writeFileSync(SNAPSHOT, `${JSON.stringify(document, null, 2)}\n`);
console.log(`apps/web/openapi.json: ${Object.keys(document.paths).length} paths`);
