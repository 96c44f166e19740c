// "Any /api/* call without a valid session answers 401 with code unauthenticated" (issue 14): also
// a GET or a POST without a JSON content type, which a first curl without -H would send.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeStore, openStore, type Db } from '../../db/connection';
import { createService } from '../../db/service';
import { initEmptyWorkspace } from '../../db/workspace';
import { startHttpHost, type HttpHost } from '../../electron/http/server';

let db: Db;
let host: HttpHost;

beforeAll(async () => {
  db = openStore(join(mkdtempSync(join(tmpdir(), 'flowtavle-unauth-')), 'flowtavle.db'));
  initEmptyWorkspace(db, 'Testafdeling');
  host = await startHttpHost({ service: createService(db), port: 0 });
});

afterAll(async () => {
  await host.close();
  closeStore(db);
});

describe('an /api call without a session', () => {
  it.each([
    ['GET', undefined],
    ['POST', undefined],
    ['POST', 'text/plain'],
    ['POST', 'application/json'],
  ])('answers 401 unauthenticated to %s with content type %s', async (method, type) => {
    const res = await fetch(`${host.url}api/listTeams`, { method, ...(type ? { headers: { 'content-type': type } } : {}), ...(method === 'POST' ? { body: '{}' } : {}) });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });
});
