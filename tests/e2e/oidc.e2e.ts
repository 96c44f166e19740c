// Single sign-on end to end: a real OpenID Connect provider (oidc-provider) started here on
// 127.0.0.1, `serve --oidc-config`, and Chromium going through the provider's own login and
// consent pages and back. Nothing is mocked between the browser, the provider and the host.
import Database from 'better-sqlite3';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Provider from 'oidc-provider';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/chromium';
import { runCli, startServer, tempDir, type RunningServer } from '../support/server';

const LABEL = 'Log ind med KommuneID';
const CLIENT_ID = 'flowtavle';
const CLIENT_SECRET = 'en-lang-hemmelighed-kun-til-testen';

/** The municipality's directory as the provider knows it: its own user names, and the claim Flowtavle maps to a login. */
const DIRECTORY: Record<string, { preferred_username: string; name: string }> = {
  'rikke@kommune.test': { preferred_username: 'rik', name: 'Leder i Team Botilbud' },
  'ny.kollega@kommune.test': { preferred_username: 'nykollega', name: 'Ny kollega uden Flowtavle-konto' },
};

let providerServer: Server;
let issuer: string;
let host: RunningServer;
let hostPort: number;
let configDir: string;
const browsers: BrowserContext[] = [];
/** When set, the provider's redirect back to the host is rewritten on its way out. */
let rewriteAnswer: ((location: string) => string) | null = null;

/** A port nobody listens on yet: the provider must know the host's callback address before the host starts. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((done) => probe.close(() => done()));
  return port;
}

async function freshPage(): Promise<Page> {
  const browser = await launchBrowser();
  browsers.push(browser);
  return browser.pages()[0] ?? (await browser.newPage());
}

async function authStatus(page: Page) {
  return page.evaluate(async () => (await (await fetch('/auth/status')).json()).value);
}

/** From the sign-in screen through the provider's login page to the consent page (if asked) and back. */
async function signInAtProvider(page: Page, user: string): Promise<void> {
  await page.goto(host.url);
  await page.getByRole('link', { name: LABEL }).click();
  await page.waitForURL((url) => url.href.startsWith(issuer));
  await page.locator('input[name="login"]').fill(user);
  await page.locator('input[name="password"]').fill('kommunens-adgangskode');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  const consent = page.getByRole('button', { name: 'Continue' });
  // The provider asks for consent the first time only; after that it redirects straight back.
  await Promise.race([consent.waitFor().then(() => consent.click()), page.waitForURL((url) => url.href.startsWith(host.url))]);
}

beforeAll(async () => {
  hostPort = await freePort();
  // Listen first, then build the provider, so its issuer carries the real port.
  let handle: ReturnType<Provider['callback']> | null = null;
  providerServer = createServer((req, res) => {
    const rewrite = rewriteAnswer;
    if (rewrite) {
      const end = res.end.bind(res) as (...args: unknown[]) => typeof res;
      res.end = ((...args: unknown[]) => {
        const location = res.getHeader('location');
        if (typeof location === 'string' && location.startsWith(`http://127.0.0.1:${hostPort}/auth/oidc/callback`)) res.setHeader('location', rewrite(location));
        return end(...args);
      }) as typeof res.end;
    }
    handle!(req, res);
  });
  await new Promise<void>((done) => providerServer.listen(0, '127.0.0.1', done));
  issuer = `http://127.0.0.1:${(providerServer.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [`http://127.0.0.1:${hostPort}/auth/oidc/callback`],
        token_endpoint_auth_method: 'client_secret_post',
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    // A code without the matching code_verifier is refused, so a passing test proves PKCE is done.
    pkce: { required: () => true },
    // Like Entra ID: the name claim travels in the ID token, not only from userinfo.
    conformIdTokenClaims: false,
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'] },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['oidc-e2e-cookie-key'] },
    // The dev login form hands over the user name typed; the directory turns it into the account's claims.
    async findAccount(_ctx, id) {
      const entry = DIRECTORY[id];
      if (!entry) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...entry }) };
    },
  });
  provider.on('server_error', (_ctx, error) => console.error('[oidc-provider]', error));
  handle = provider.callback();

  configDir = tempDir('flowtavle-oidc-');
  const config = join(configDir, 'oidc.json');
  writeFileSync(
    config,
    JSON.stringify({
      issuer,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      redirectUri: `http://127.0.0.1:${hostPort}/auth/oidc/callback`,
      loginClaim: 'preferred_username',
      label: LABEL,
      scopes: ['openid', 'profile'],
    }),
  );
  host = await startServer({ port: hostPort, extraArgs: ['--oidc-config', config] });
});

afterAll(async () => {
  for (const browser of browsers) await browser.close();
  await host?.stop();
  await new Promise<void>((done) => (providerServer ? providerServer.close(() => done()) : done()));
});

// Each sign-in goes through two sites and loads the 700-card board: slow on a busy 2-core machine.
describe('single sign-on through a real OpenID Connect provider', { timeout: 180_000 }, () => {
  it('says at start which provider it uses, and offers the button on the sign-in screen', async () => {
    await expect.poll(() => host.output()).toContain(`Single sign-on: "${LABEL}" via ${issuer} (login fra kravet "preferred_username").`);
    const status = await (await fetch(`${host.url}auth/status`)).json();
    expect(status.value.oidc).toEqual({ label: LABEL });
    expect(status.value.signedIn).toBe(false);
  });

  it('signs a leader in through the provider: PKCE, state and nonce sent, lands on the board as that person', async () => {
    const page = await freshPage();
    const authorize = page.waitForRequest((req) => req.url().startsWith(`${issuer}/auth?`));
    await page.goto(host.url);
    await page.getByRole('link', { name: LABEL }).click();
    const sent = new URL((await authorize).url());
    expect(sent.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(sent.searchParams.get('response_type')).toBe('code');
    expect(sent.searchParams.get('code_challenge_method')).toBe('S256');
    expect(sent.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(sent.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(sent.searchParams.get('nonce')).toMatch(/^[\w-]{20,}$/);
    expect(sent.searchParams.get('redirect_uri')).toBe(`${host.url}auth/oidc/callback`);
    // The attempt's id is all the browser holds: HttpOnly, Lax so it survives the provider's redirect back.
    const attemptCookie = (await page.context().cookies(`${host.url}auth/oidc/callback`)).find((c) => c.name === 'flowtavle_oidc');
    expect(attemptCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/auth/oidc/' });
    expect(sent.href).not.toContain(attemptCookie!.value);

    await page.locator('input[name="login"]').fill('rikke@kommune.test');
    await page.locator('input[name="password"]').fill('kommunens-adgangskode');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.locator('.app-header').waitFor();
    expect(new URL(page.url()).origin).toBe(new URL(host.url).origin);
    const status = await authStatus(page);
    expect(status.signedIn).toBe(true);
    expect(status.person.login).toBe('rik');
    expect(status.person.role).toBe('leader');
    // The session cookie is the ordinary Strict one; the person's own board is on screen.
    const session = (await page.context().cookies(host.url)).find((c) => c.name === 'flowtavle_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    await page.locator('.column').first().waitFor();
    expect(await page.locator('.column h2').count()).toBeGreaterThan(3);
    await expect(page.locator('.app-header').textContent()).resolves.toContain(status.person.name);
    await page.screenshot({ path: join(configDir, 'oidc-signed-in.png') });

    // The store records how the session began, for the audit.
    const store = new Database(host.dbPath, { readonly: true });
    const methods = store
      .prepare('SELECT s.method FROM auth_sessions s JOIN accounts a ON a.person_id = s.person_id WHERE a.login = ? AND s.ended_at IS NULL')
      .all('rik') as { method: string }[];
    store.close();
    expect(methods).toEqual([{ method: 'oidc' }]);
  });

  it('refuses a person the provider vouches for who has no Flowtavle account, in Danish', async () => {
    const page = await freshPage();
    await signInAtProvider(page, 'ny.kollega@kommune.test');
    await page.waitForURL((url) => url.hash.startsWith('#/sign-in?fejl='));
    await page.getByText('Brugeren nykollega har ingen aktiv konto i Flowtavle.').waitFor();
    await page.screenshot({ path: join(configDir, 'oidc-no-account.png') });
    expect((await authStatus(page)).signedIn).toBe(false);
    expect((await page.context().cookies(host.url)).some((c) => c.name === 'flowtavle_session' && c.value !== '')).toBe(false);
  });

  it('refuses a callback whose state was tampered with, and a replay of the real one', async () => {
    const page = await freshPage();
    let answer = '';
    // The provider's answer is changed on its way to the browser, as by an attacker in the middle:
    // the browser arrives at the callback with the real code and a state that is not the one sent.
    rewriteAnswer = (location) => {
      answer = location;
      const tampered = new URL(location);
      tampered.searchParams.set('state', `${tampered.searchParams.get('state')}x`);
      return tampered.href;
    };
    await signInAtProvider(page, 'rikke@kommune.test');
    await page.waitForURL((url) => url.hash.startsWith('#/sign-in?fejl='));
    rewriteAnswer = null;
    await page.getByText(`${LABEL} mislykkedes: svaret fra udbyderen kunne ikke bekræftes. Prøv igen.`).waitFor();
    expect((await authStatus(page)).signedIn).toBe(false);
    const real = new URL(answer);
    expect(real.searchParams.get('code')).toBeTruthy();
    expect(real.searchParams.get('state')).toBeTruthy();

    // The attempt is spent: even the untouched answer cannot be used afterwards.
    await page.goto(real.href);
    await page.waitForURL((url) => url.hash.startsWith('#/sign-in?fejl='));
    await page.getByText(`${LABEL} mislykkedes: log ind-forsøget er udløbet eller blev startet i en anden browser. Prøv igen.`).waitFor();
    expect((await authStatus(page)).signedIn).toBe(false);
  });

  it('refuses a callback in a browser that never started the sign-in', async () => {
    const res = await fetch(`${host.url}auth/oidc/callback?code=abc&state=def&iss=${encodeURIComponent(issuer)}`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(decodeURIComponent(location)).toBe(`/#/sign-in?fejl=${LABEL} mislykkedes: log ind-forsøget er udløbet eller blev startet i en anden browser. Prøv igen.`);
    expect(res.headers.get('set-cookie')).toBeNull();
  });
});

describe('serve --oidc-config with a bad file or an unreachable provider', () => {
  const serveWith = (config: string) => {
    const db = join(tempDir(), 'flowtavle.db');
    return runCli(['serve', '--db', db, '--port', '0', '--oidc-config', config]).then((result) => ({ ...result, db }));
  };
  const write = (name: string, text: string) => {
    const path = join(configDir, name);
    writeFileSync(path, text);
    return path;
  };

  it('a missing file is a usage error in Danish', async () => {
    const result = await serveWith(join(configDir, 'findes-ikke.json'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Fejl: OpenID Connect-opsætningen ${join(configDir, 'findes-ikke.json')} findes ikke.`);
    expect(existsSync(result.db)).toBe(false);
  });

  it('a file that is not JSON is a usage error in Danish', async () => {
    const result = await serveWith(write('ikke-json.json', '{ issuer: "https://login.example" '));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Fejl: OpenID Connect-opsætningen .*ikke-json\.json er ikke gyldig JSON/);
  });

  it('missing and unknown fields are each named', async () => {
    const result = await serveWith(write('mangler.json', JSON.stringify({ issuer: 'ftp://x', redirectUri: 'https://flowtavle.kommune.dk/', klientId: 'x' })));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('er ikke gyldig:');
    expect(result.stderr).toContain('"issuer" (udbyderens adresse, fx https://login.microsoftonline.com/<tenant-id>/v2.0) skal være en http(s)-adresse.');
    expect(result.stderr).toContain('"clientId" mangler eller er ikke tekst.');
    expect(result.stderr).toContain('"redirectUri" skal ende på /auth/oidc/callback.');
    expect(result.stderr).toContain('ukendt felt "klientId"');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('plain http to a provider elsewhere on the network is refused', async () => {
    const result = await serveWith(
      write('http.json', JSON.stringify({ issuer: 'http://adfs.kommune.dk/adfs', clientId: 'x', redirectUri: 'https://flowtavle.kommune.dk/auth/oidc/callback' })),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"issuer" skal bruge https (http er kun tilladt på 127.0.0.1).');
  });

  it('a provider that cannot be reached stops the start with a clear message and no stack trace', async () => {
    const port = await freePort();
    const result = await serveWith(
      write('nede.json', JSON.stringify({ issuer: `http://127.0.0.1:${port}`, clientId: 'x', redirectUri: `http://127.0.0.1:${hostPort}/auth/oidc/callback` })),
    );
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      `Fejl: OpenID Connect-udbyderen på http://127.0.0.1:${port} kan ikke nås: forbindelsen blev afvist (kører udbyderen, og er adressen rigtig?).`,
    );
    expect(existsSync(result.db)).toBe(false);
  });

  it('an address that is no OpenID Connect provider is named as such', async () => {
    // The Flowtavle host itself answers, but has no discovery document.
    const result = await serveWith(
      write('forkert.json', JSON.stringify({ issuer: `http://127.0.0.1:${hostPort}/adfs`, clientId: 'x', redirectUri: `http://127.0.0.1:${hostPort}/auth/oidc/callback` })),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Fejl: http://127.0.0.1:${hostPort}/adfs/.well-known/openid-configuration er ikke et OpenID Connect discovery-dokument`);
  });
});
