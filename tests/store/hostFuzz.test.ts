// The HTTP host stays up whatever arrives: malformed percent-encoding, over-long URLs and headers,
// oversized bodies, bytes that are not HTTP, slow clients, foreign Host names. Each is answered or
// shed, and the host keeps serving. Requests go only to 127.0.0.1 and are bounded in count and time.
import { mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeStore, type Db } from '../../db/connection';
import { createService } from '../../db/service';
import { openWorkspace } from '../../db/workspace';
import { startHttpHost, type HttpHost } from '../../electron/http/server';
import { createRandom } from '../../shared/random';
import { tempDir } from '../support/server';

let db: Db;
let host: HttpHost;

beforeAll(async () => {
  const dir = tempDir();
  ({ db } = openWorkspace(join(dir, 'flowtavle.db'), { empty: true }));
  // A stand-in for the built renderer, so static paths are served as in production.
  mkdirSync(join(dir, 'renderer', 'assets'), { recursive: true });
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Flowtavle</title>');
  writeFileSync(join(dir, 'renderer', 'assets', 'app.js'), 'console.log(1)');
  host = await startHttpHost({ service: createService(db), port: 0, staticDir: join(dir, 'renderer'), hostNames: ['flowtavle.kommune.dk'] });
});

afterAll(async () => {
  await host.close();
  closeStore(db);
});

/** One raw request; resolves to the status line's code, or 0 when the host closed without one. */
function raw(bytes: string | Buffer, timeoutMs = 3_000, halfClose = false): Promise<number> {
  return new Promise((done) => {
    const socket = connect(host.port, '127.0.0.1');
    let answer = '';
    const timer = setTimeout(() => {
      socket.destroy();
      done(-1);
    }, timeoutMs);
    socket.on('data', (d) => (answer += d.toString('latin1')));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      const m = /^HTTP\/1\.1 (\d{3})/.exec(answer);
      done(m ? Number(m[1]) : 0);
    });
    // Left open: the host answers and closes (Connection: close), or the timeout ends it.
    socket.write(bytes);
    if (halfClose) socket.end();
  });
}

const get = (path: string, headers: Record<string, string> = {}) =>
  raw(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}Connection: close\r\n\r\n`);

async function stillServing(): Promise<void> {
  const res = await fetch(`${host.url}auth/status`);
  expect(res.status).toBe(200);
  expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
}

describe('the HTTP host under malformed requests', () => {
  it('answers malformed percent-encoding with 400 and lives on (GET /%E0%A4%A)', async () => {
    expect(await get('/%E0%A4%A')).toBe(400);
    expect(await get('/assets/%ZZ')).toBe(400);
    expect(await get('/assets/app.js')).toBe(200);
    expect(await get('/..%2f..%2f..%2fetc%2fpasswd')).toBe(200); // the app's own index.html, never a file outside it
    await stillServing();
  });

  it('refuses a Host it does not answer to, so a DNS-rebinding page gets no data', async () => {
    const res = await raw(`GET /auth/status HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n`);
    expect(res).toBe(421);
    const api = await raw(`POST /api/listTeams HTTP/1.1\r\nHost: evil.example:${host.port}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`);
    expect(api).toBe(421);
    expect(await raw(`GET /auth/status HTTP/1.1\r\nHost: flowtavle.kommune.dk\r\nConnection: close\r\n\r\n`)).toBe(200);
    expect(await raw(`GET /auth/status HTTP/1.1\r\nHost: localhost:${host.port}\r\nConnection: close\r\n\r\n`)).toBe(200);
  });

  it('refuses a request from another origin', async () => {
    expect(await get('/auth/status', { Origin: 'http://evil.example' })).toBe(403);
  });

  it('answers an over-long URL with 414 and an over-long header with 431', async () => {
    expect(await get(`/${'a'.repeat(9_000)}`)).toBe(414);
    expect(await get('/', { 'X-Long': 'b'.repeat(20_000) })).toBe(431);
    await stillServing();
  });

  it('answers a body over the limit with 413 instead of dropping the socket', async () => {
    const declared = await raw(`POST /auth/sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 50000000\r\nConnection: close\r\n\r\n{`);
    expect(declared).toBe(413);
    const res = await fetch(`${host.url}auth/sign-in`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: `{"login":"${'x'.repeat(40_000)}"}` });
    expect(res.status).toBe(413);
    await stillServing();
  });

  it('cuts off a client that never finishes its headers, and keeps serving others meanwhile', async () => {
    const slow = connect(host.port, '127.0.0.1');
    slow.on('error', () => {});
    slow.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n`);
    await stillServing();
    slow.destroy();
  });

  it('survives thousands of random malformed requests and still answers', async () => {
    const random = createRandom(20261201);
    const pieces = ['GET', 'POST', 'PUT', 'HEAD', 'OPTIONS', 'BREW', '', ' ', '/', '/api/', '/api/getBoard', '/auth/sign-in', '/auth/', '/%', '/%00', '/..%2f..%2fetc/passwd',
      '%E0%A4%A', '%FF', '?token=', '#', '\u0000', '\r\n', '\n', 'HTTP/1.1', 'HTTP/9', 'Host:', 'Host: 127.0.0.1', 'Content-Length: -1', 'Content-Length: 99999999999',
      'Transfer-Encoding: chunked', 'Content-Type: application/json', 'Cookie: flowtavle_session=%%%', '{"login":', 'ÆØÅ', '\u00ff\u00fe', 'x'.repeat(300)];
    const started = Date.now();
    const answers = new Map<number, number>();
    for (let batch = 0; batch < 60 && Date.now() - started < 30_000; batch++) {
      const codes = await Promise.all(Array.from({ length: 40 }, () => {
        const parts = Array.from({ length: random.int(1, 12) }, () => random.pick(pieces));
        return raw(Buffer.from(parts.join(random.pick([' ', '\r\n', '', '\n'])), 'utf8'), 1_000, true);
      }));
      for (const code of codes) answers.set(code, (answers.get(code) ?? 0) + 1);
    }
    const total = [...answers.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(1_000);
    // Nothing the host answered was a server error.
    expect([...answers.keys()].filter((code) => code >= 500)).toEqual([]);
    await stillServing();
  }, 60_000);
});
