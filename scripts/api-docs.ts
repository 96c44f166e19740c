// Writes docs/api.md from the contract, so the documentation cannot drift from the code.
// `npm run docs:api` regenerates it; a test fails when it is out of date.
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { contract, METHOD_NAMES } from '../shared/api/contract';
import { API_ERROR_CODES } from '../shared/api/envelope';

export function renderApiDocs(): string {
  const lines = [
    '# Flowtavle API',
    '',
    'Generated from `shared/api/contract.ts` by `npm run docs:api`; do not edit by hand.',
    '',
    'The same methods are served over Electron IPC (`window.flowtavle.call`) and over HTTP by',
    '`npm run serve` / `npm run cli -- serve` (127.0.0.1 unless `--listen ADDRESS`; HTTPS with `--tls-cert`/`--tls-key`).',
    'Every caller signs in; the actor of every call comes from the server-side session, never from the caller.',
    '',
    '## Signing in',
    '',
    '- `POST /auth/sign-in` with JSON `{"login": "…", "password": "…"}` answers **204** and sets the session cookie',
    '  `flowtavle_session` (HttpOnly, SameSite=Strict, Path=/, Secure when TLS is on). A wrong login or password answers',
    '  401 `unauthenticated`; after 5 failures for a login (or 20 from one address) within 15 minutes, 429 `locked` with',
    '  `lockedUntil`. Failures are kept in the store, so neither a restart nor a fresh cookie resets them.',
    '- `POST /auth/sign-out` answers 204, ends the session and closes its change stream.',
    '- `GET /auth/status` tells who is signed in (`person` with `roles` and `teamId`, or a paired `device`), whether the',
    '  store still needs its first administrator, and, in a demo store only, the demo accounts (password `demo`).',
    '- `POST /auth/first-administrator` `{name, initials, login, password}` (only while the store has no account),',
    '  `POST /auth/set-up` `{login, code, password}` (a one-time set-up code from a leader or an administrator), and',
    '  `POST /auth/password` `{current, next}` (ends the person\'s other sessions) each answer 204 with a session cookie.',
    '- `POST /auth/pair`: a wall screen asks to be paired and gets a code to show; a leader approves it with `approveDevice`.',
    '- `GET /auth/oidc/start` and `/auth/oidc/callback`: single sign-on with OpenID Connect when `serve --oidc-config` is given.',
    '- Sessions end after 8 hours without use (workspace key `idle_timeout_minutes`); paired devices after 90 days (`device_days`).',
    '',
    '## Calling a method',
    '',
    '- `POST /api/<method>` with `Content-Type: application/json`, the session cookie, and the input as the body.',
    '  Without a valid session: **401** `unauthenticated`. Outside the caller\'s role or team (see the role × method',
    '  matrix in [security.md](security.md)): **403** `forbidden`, and nothing is changed.',
    '- The answer is an envelope: `{"ok":true,"value":…}` or',
    '  `{"ok":false,"error":{"code":"…","message":"… (Danish)","fields":[{"field":"…","message":"…"}]}}`.',
    `  Error codes: ${API_ERROR_CODES.map((c) => `\`${c}\``).join(', ')}. HTTP status: 200 on success, 400 invalid input,`,
    '  401 unauthenticated, 403 forbidden, 404 unknown method or record, 409 conflict or WIP limit, 413 body too large,',
    '  421 a Host the server does not answer to, 429 locked, 500 internal, 507 disk full.',
    '- `GET /api/changes` is a server-sent-events stream for a signed-in session: one `change` event',
    '  `{"seq":n,"method":"…","at":"…"}` per committed write; it closes when the session ends.',
    '- Every write runs in one transaction: a refused or failed call changes nothing.',
    '',
    '## Methods',
    '',
  ];
  for (const name of [...METHOD_NAMES].sort()) {
    const def = contract[name];
    const schema = z.toJSONSchema(def.input, { unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
    delete schema.$schema;
    lines.push(`### \`${name}\` ${def.write ? '(write)' : '(read)'}`, '', def.summary ?? '', '', 'Input (JSON Schema):', '', '```json', JSON.stringify(schema, null, 2), '```', '');
  }
  return lines.join('\n');
}

if (process.argv[1]?.endsWith('api-docs.ts')) {
  writeFileSync(new URL('../docs/api.md', import.meta.url), renderApiDocs());
  console.log('docs/api.md written');
}
