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
    '`npm run serve` / `npm run cli -- serve`, which listens on 127.0.0.1 only:',
    '',
    '- `POST /api/<method>` with `Content-Type: application/json` and the input as the body.',
    '  Writes need the header `X-Flowtavle-Actor: <person id>` (who did it, for the event log).',
    '- The answer is an envelope: `{"ok":true,"value":…}` or',
    '  `{"ok":false,"error":{"code":"…","message":"… (Danish)","fields":[{"field":"…","message":"…"}]}}`.',
    `  Error codes: ${API_ERROR_CODES.map((c) => `\`${c}\``).join(', ')}. HTTP status: 200 on success, 400 invalid input,`,
    '  403 refused (actor required, read-only, forbidden), 404 unknown method or record, 409 conflict or WIP limit, 500 internal.',
    '- `GET /api/changes` is a server-sent-events stream: one `change` event `{"seq":n,"method":"…","at":"…"}` per committed write.',
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
