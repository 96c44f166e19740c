// HTTPS: `serve --tls-cert FILE --tls-key FILE` with a self-signed certificate made here. A
// client that trusts the certificate signs in and gets a Secure, HttpOnly, SameSite=Strict
// cookie; one that does not is refused by TLS itself; plain HTTP reaches nothing; Chromium signs
// in on the sign-in screen. Bad --listen addresses and certificate options are refused with a
// Danish message and exit code 2 before any store is made.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../support/chromium';
import { runCli, startServer, type RunningServer } from '../support/server';
import { signInPage } from '../support/session';

const dir = mkdtempSync(join(tmpdir(), 'flowtavle-tls-'));
const certPath = join(dir, 'cert.pem');
const keyPath = join(dir, 'key.pem');
let cert: Buffer;
let server: RunningServer;
let browser: BrowserContext | undefined;

interface Reply { status: number; headers: Record<string, string | string[] | undefined>; body: string }

/** An HTTPS request that trusts exactly the test's certificate (and checks the host name against it). */
function https(path: string, options: { method?: string; body?: unknown; cookie?: string; ca?: Buffer | null } = {}): Promise<Reply> {
  const url = new URL(path, server.url);
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((done, fail) => {
    const req = request(url, {
      method: options.method ?? 'GET',
      ...(options.ca === null ? {} : { ca: options.ca ?? cert }),
      headers: { ...(body ? { 'Content-Type': 'application/json' } : {}), ...(options.cookie ? { Cookie: options.cookie } : {}) },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

beforeAll(async () => {
  // Valid for 127.0.0.1 and localhost, so a client that trusts it can also check the name.
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-days', '1',
    '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', keyPath, '-out', certPath,
  ], { stdio: 'ignore' });
  cert = readFileSync(certPath);
  server = await startServer({ extraArgs: ['--tls-cert', certPath, '--tls-key', keyPath] });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the host over HTTPS', () => {
  it('announces an https address', () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.output()).toContain(`Flowtavle kører på ${server.url}`);
  });

  it('signs in with a Secure, HttpOnly, SameSite=Strict cookie that then reaches the API', async () => {
    const signedIn = await https('/auth/sign-in', { method: 'POST', body: { login: 'rik', password: 'demo' } });
    expect(signedIn.status).toBe(204);
    const setCookie = [signedIn.headers['set-cookie']].flat()[0]!;
    const attributes = setCookie.split(';').map((part) => part.trim());
    expect(attributes[0]).toMatch(/^flowtavle_session=[A-Za-z0-9_-]{43}$/);
    expect(attributes.slice(1).sort()).toEqual(['HttpOnly', 'Path=/', 'SameSite=Strict', 'Secure']);
    const cookie = attributes[0]!;

    const workspace = await https('/api/getWorkspace', { method: 'POST', body: {}, cookie });
    expect(workspace.status).toBe(200);
    expect(JSON.parse(workspace.body)).toMatchObject({ ok: true, value: { isDemo: true } });
    const status = JSON.parse((await https('/auth/status', { cookie })).body) as { value: { person: { login: string } } };
    expect(status.value.person.login).toBe('rik');
    expect((await https('/api/getWorkspace', { method: 'POST', body: {} })).status).toBe(401);
  });

  it('is real TLS: a client that does not trust the certificate is refused, and plain HTTP gets no answer', async () => {
    await expect(https('/auth/status', { ca: null })).rejects.toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    await expect(fetch(server.url.replace('https:', 'http:') + 'auth/status')).rejects.toThrow();
  });

  it('signs in on the sign-in screen in Chromium; the browser keeps the cookie as Secure', async () => {
    // The profile accepts the self-signed certificate; everything else is as a user's browser.
    browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'flowtavle-chromium-')), {
      executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true, viewport: { width: 1440, height: 900 },
      locale: 'da-DK', timezoneId: 'Europe/Copenhagen', ignoreHTTPSErrors: true,
    });
    const page = browser.pages()[0] ?? (await browser.newPage());
    await signInPage(page, server, 'rik');
    await expect(page.locator('.app-header').textContent()).resolves.toContain('Rikke Kalstrup');
    const cookies = await browser.cookies(server.url);
    expect(cookies.find((c) => c.name === 'flowtavle_session')).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict', path: '/' });
    await expect(page.evaluate(() => location.protocol)).resolves.toBe('https:');
  });
});

describe('serve refuses bad addresses and certificate options', () => {
  it('exits with code 2 and a Danish message before making a store', async () => {
    const notPem = join(dir, 'not-a-certificate.pem');
    writeFileSync(notPem, 'dette er ikke et certifikat\n');
    const cases: { args: string[]; message: string }[] = [
      ...['nowhere.example', '999.1.1.1', '0.0.0.0:80'].map((listen) => ({
        args: ['--listen', listen], message: '--listen skal være en IP-adresse',
      })),
      { args: ['--tls-cert', certPath], message: '--tls-cert og --tls-key skal gives sammen.' },
      { args: ['--tls-cert', join(dir, 'findes-ikke.pem'), '--tls-key', keyPath], message: 'kan ikke læses' },
      { args: ['--tls-cert', notPem, '--tls-key', keyPath], message: 'Certifikatet' },
    ];
    // Nothing here may start a host, so they run side by side.
    const results = await Promise.all(cases.map((c, i) => runCli(['serve', '--db', join(dir, `store-${i}.db`), '--port', '0', ...c.args])));
    results.forEach((result, i) => {
      const { args, message } = cases[i]!;
      expect({ args, code: result.code }).toEqual({ args, code: 2 });
      expect(result.stderr, args.join(' ')).toContain(message);
      expect(result.stderr, args.join(' ')).not.toMatch(/\n\s+at /);
      expect(existsSync(join(dir, `store-${i}.db`)), args.join(' ')).toBe(false);
    });
  }, 300_000);
});
