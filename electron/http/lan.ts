// LAN sharing for the HTTP host. Loopback callers pass as before. Anyone else needs a token: it
// arrives once as ?token=… (the link printed by `serve --lan` or made in the LAN page), is
// checked against the store, starts a logged session and moves into HttpOnly SameSite=Strict
// cookies, so the page's fetch and EventSource calls carry it without scripts ever seeing it.
// Without a valid token nothing at all is served: not the page, not the assets, not the API.
// LAN viewers are read-only until they enter a team PIN (POST /lan/pin).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { networkInterfaces } from 'node:os';
import type { LanStore } from '../../db/service/wall';
import { isLoopbackAddress, isTokenShaped, pinProblem } from '../../shared/wall';

export const TOKEN_COOKIE = 'flowtavle_lan';
export const SESSION_COOKIE = 'flowtavle_lan_session';

export interface LanStatus {
  /** True for a viewer on the network; false at the host itself. */
  lan: boolean;
  readOnly: boolean;
  pinTeamId: number | null;
}

/** How the host lets a request through; null when the gate already answered it. */
export type Admission = { local: true; readOnly: false } | { local: false; readOnly: boolean; sessionId: number; pinTeamId: number | null };

export interface LanGate {
  admit(req: IncomingMessage, res: ServerResponse, url: URL): Admission | null;
  /** Answers /lan/status and /lan/pin; false for any other path. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL, admission: Admission): boolean;
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    try {
      cookies.set(name, decodeURIComponent(raw));
    } catch {
      cookies.set(name, raw);
    }
  }
  return cookies;
}

function cookie(name: string, value: string): string {
  // A session cookie (no Max-Age): closing the browser ends the LAN session; the token link opens a new one.
  return `${name}=${value}; Path=/; HttpOnly; SameSite=Strict`;
}

function refuse(res: ServerResponse, status: 401 | 403, message: string): null {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(message);
  return null;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function readSmallBody(req: IncomingMessage): Promise<string> {
  return new Promise((done, fail) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      text += chunk;
      if (text.length > 4096) {
        fail(new Error('too_large'));
        req.destroy();
      }
    });
    req.on('end', () => done(text));
    req.on('error', fail);
  });
}

export function createLanGate(store: LanStore): LanGate {
  return {
    admit(req, res, url) {
      if (isLoopbackAddress(req.socket.remoteAddress)) return { local: true, readOnly: false };
      const address = req.socket.remoteAddress ?? 'ukendt';
      const fromQuery = url.searchParams.get('token');
      if (fromQuery !== null) {
        const tokenId = isTokenShaped(fromQuery) ? store.validToken(fromQuery) : null;
        if (tokenId === null) return refuse(res, 403, 'Adgangsnøglen er ugyldig eller trukket tilbage. Bed teamlederen om et nyt link.');
        const { secret } = store.startSession(tokenId, address, req.headers['user-agent'] ?? null);
        // Drop the token from the address bar, so it is not left in the history or on a screenshot.
        url.searchParams.delete('token');
        res.writeHead(303, {
          Location: `${url.pathname}${url.search}${url.hash}`,
          'Set-Cookie': [cookie(TOKEN_COOKIE, fromQuery), cookie(SESSION_COOKIE, secret)],
          'Cache-Control': 'no-store',
        });
        res.end();
        return null;
      }
      const cookies = parseCookies(req.headers.cookie);
      const token = cookies.get(TOKEN_COOKIE);
      const tokenId = isTokenShaped(token) ? store.validToken(token) : null;
      if (tokenId === null) {
        return refuse(res, 401, 'Flowtavle er delt på netværket med en adgangsnøgle. Åbn det link, teamlederen har givet dig.');
      }
      const secret = cookies.get(SESSION_COOKIE);
      let access = secret && isTokenShaped(secret) ? store.touchSession(secret, tokenId) : null;
      if (!access) {
        // A valid token without a live session (a restarted browser kept the token cookie): log a new one.
        const started = store.startSession(tokenId, address, req.headers['user-agent'] ?? null);
        res.setHeader('Set-Cookie', cookie(SESSION_COOKIE, started.secret));
        access = { tokenId, sessionId: started.sessionId, readOnly: true, pinTeamId: null };
      }
      return { local: false, readOnly: access.readOnly, sessionId: access.sessionId, pinTeamId: access.pinTeamId };
    },

    handle(req, res, url, admission) {
      if (url.pathname === '/lan/status' && req.method === 'GET') {
        const status: LanStatus = admission.local
          ? { lan: false, readOnly: false, pinTeamId: null }
          : { lan: true, readOnly: admission.readOnly, pinTeamId: admission.pinTeamId };
        json(res, 200, status);
        return true;
      }
      if (url.pathname !== '/lan/pin') return false;
      if (req.method !== 'POST' || !String(req.headers['content-type'] ?? '').startsWith('application/json')) {
        json(res, 400, { ok: false, message: 'Send PIN-koden med POST og Content-Type: application/json.' });
        return true;
      }
      if (admission.local) {
        json(res, 400, { ok: false, message: 'På værten selv behøves ingen PIN-kode.' });
        return true;
      }
      readSmallBody(req)
        .then((text) => {
          const body = JSON.parse(text) as { teamId?: unknown; pin?: unknown };
          const teamId = typeof body.teamId === 'number' && Number.isInteger(body.teamId) ? body.teamId : null;
          const pin = typeof body.pin === 'string' ? body.pin.trim() : '';
          if (teamId === null || !/^\d{4,8}$/.test(pin)) {
            json(res, 400, { ok: false, message: pinProblem(pin) ?? 'Vælg et team.' });
            return;
          }
          const result = store.enterPin(admission.sessionId, teamId, pin);
          if (result.ok) json(res, 200, { ok: true });
          else if (result.reason === 'locked') {
            json(res, 429, { ok: false, message: 'For mange forkerte PIN-koder. Prøv igen om lidt.', lockedUntil: result.lockedUntil });
          } else if (result.reason === 'no_pin') json(res, 403, { ok: false, message: 'Teamet har ingen PIN-kode. Bed teamlederen om at sætte en.' });
          else json(res, 403, { ok: false, message: 'Forkert PIN-kode.' });
        })
        .catch(() => json(res, 400, { ok: false, message: 'Forespørgslen er ikke gyldig JSON.' }));
      return true;
    },
  };
}

/** The addresses a LAN viewer can reach this machine on (IPv4, not loopback). */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .filter((i) => i.family === 'IPv4' && !i.internal)
    .map((i) => i.address);
}

/** The links to print or show: one per LAN address, token included. */
export function lanUrls(port: number, token: string): string[] {
  const addresses = lanAddresses();
  return (addresses.length ? addresses : ['<denne-maskines-adresse>']).map((a) => `http://${a}:${port}/?token=${token}#/standup`);
}
