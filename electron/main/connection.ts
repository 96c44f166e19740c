// "Forbind til en Flowtavle-server": the desktop app shows a team store hosted on another machine
// (the desktop app with "Del på netværket", or `npm run serve`). The window then loads that host's
// own page, so the renderer talks HTTP to its own origin with the host's HttpOnly cookie: no CORS,
// no token in the renderer, and no IPC bridge for a page that main did not ship. The choice is a
// small JSON file in userData, so the next start opens the same host.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { IpcRegistry } from './session';

export const CONNECTION_FILE = 'connection.json';

export interface ConnectionConfig {
  /** The origin of the host the app shows, or null for the local store on this computer. */
  host: string | null;
  /** The last host connected to, offered again after switching back to the local store. */
  lastHost: string | null;
}

export const LOCAL: ConnectionConfig = { host: null, lastHost: null };

export type ParsedHost = { ok: true; origin: string } | { ok: false; message: string };

/**
 * Addresses that stay on the local network: plain http is accepted only there, because a
 * password sent over http beyond it can be read on the way.
 */
export function isLocalNetworkHost(hostname: string): boolean {
  const name = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (name === 'localhost' || name.endsWith('.local') || name.endsWith('.lan') || name.endsWith('.internal')) return true;
  if (!name.includes('.') && !name.includes(':')) return true; // a single-label name: the office network's own
  const v4 = name.match(/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
  }
  if (name.includes(':')) return name === '::1' || /^f[cd][0-9a-f]{2}:/.test(name) || name.startsWith('fe80:');
  return false;
}

/** What the user typed, as an origin (scheme, host, port) — or a Danish reason why not. */
export function parseHostAddress(input: unknown): ParsedHost {
  if (typeof input !== 'string' || input.trim() === '') return { ok: false, message: 'Skriv serverens adresse, fx https://flowtavle.kommune.dk.' };
  const text = input.trim();
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    return { ok: false, message: 'Skriv adressen med https:// (eller http:// på det lokale netværk) foran.' };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: 'Det er ikke en gyldig adresse.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: 'Adressen skal begynde med https:// eller http://.' };
  }
  if (url.username || url.password) return { ok: false, message: 'Skriv adressen uden brugernavn og adgangskode; du logger ind bagefter.' };
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    return { ok: false, message: 'Skriv kun serverens adresse, uden sti (fx https://flowtavle.kommune.dk).' };
  }
  if (url.protocol === 'http:' && !isLocalNetworkHost(url.hostname)) {
    return { ok: false, message: 'Brug https:// for en server uden for det lokale netværk; over http kan adgangskoden læses undervejs.' };
  }
  return { ok: true, origin: url.origin };
}

/** The remote window may show exactly the configured host's pages, nothing else. */
export function isAllowedRemoteUrl(candidate: string, origin: string): boolean {
  try {
    const url = new URL(candidate);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === origin;
  } catch {
    return false;
  }
}

export function remoteStartUrl(origin: string): string {
  return `${origin}/`;
}

/** The remembered choice; a missing or unreadable file means the local store. */
export function loadConnection(file: string): ConnectionConfig {
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Partial<ConnectionConfig>;
    const valid = (value: unknown) => {
      const parsed = parseHostAddress(value);
      return parsed.ok ? parsed.origin : null;
    };
    const host = raw.host === null || raw.host === undefined ? null : valid(raw.host);
    return { host, lastHost: raw.lastHost ? valid(raw.lastHost) : host };
  } catch {
    return { ...LOCAL };
  }
}

export function saveConnection(file: string, config: ConnectionConfig): void {
  mkdirSync(dirname(file), { recursive: true });
  // Written beside and renamed, so a crash mid-write never leaves half a file.
  const temp = `${file}.tmp`;
  writeFileSync(temp, `${JSON.stringify(config, null, 2)}\n`, 'utf8');
  renameSync(temp, file);
}

export type HostCheck = { ok: true; origin: string; departmentName: string } | { ok: false; message: string };

type Fetch = (url: string, init: { method: string; headers: Record<string, string>; signal: AbortSignal; redirect: 'error' }) => Promise<{
  status: number;
  headers: { get(name: string): string | null };
  json(): Promise<unknown>;
}>;

function networkProblem(error: unknown, origin: string): string {
  const text = `${(error as Error)?.message ?? ''} ${String((error as { cause?: { code?: string; message?: string } })?.cause?.code ?? '')} ${String((error as { cause?: { message?: string } })?.cause?.message ?? '')}`;
  if (/ENOTFOUND|NAME_NOT_RESOLVED|EAI_AGAIN/i.test(text)) return `Serveren ${origin} findes ikke. Kontrollér adressen.`;
  if (/ECONNREFUSED|CONNECTION_REFUSED/i.test(text)) return `${origin} svarer ikke. Kører Flowtavle-serveren, og er adressen og porten rigtig?`;
  if (/CERT|SSL|TLS|self[- ]signed/i.test(text)) return `Serverens certifikat kunne ikke godkendes (${origin}). Bed IT om et gyldigt certifikat til serveren.`;
  if (/abort|timeout|TimedOut/i.test(text)) return `${origin} svarede ikke inden for 8 sekunder.`;
  return `Ingen forbindelse til ${origin}. Kontrollér adressen og netværket.`;
}

/** Why the connected host's page did not load (Chromium's net error code), in Danish. */
export function loadFailureMessage(origin: string, code: number, description: string): string {
  const host = (() => {
    try {
      return new URL(origin).host;
    } catch {
      return origin;
    }
  })();
  if (code === -105 || code === -137) return `Flowtavle-serveren ${host} findes ikke på netværket. Kontrollér adressen, eller om du er på kommunens netværk (VPN).`;
  if (code === -106) return `Computeren er ikke på netværket, så Flowtavle-serveren ${host} kan ikke nås.`;
  if (code === -102 || code === -109 || code === -118 || code === -7 || code === -100 || code === -101) {
    return `Flowtavle-serveren ${host} svarer ikke lige nu. Prøv igen om lidt, eller spørg den, der driver serveren.`;
  }
  if (code <= -200 && code > -300) return `Certifikatet for Flowtavle-serveren ${host} kunne ikke godkendes, så forbindelsen er ikke sikker. Kontakt IT.`;
  return `Flowtavle-serveren ${host} kunne ikke vises (${description || `fejl ${code}`}).`;
}

/** Asks the host for GET /auth/status and accepts it only when it answers as a Flowtavle host. */
export async function checkHost(input: unknown, fetchFn: Fetch): Promise<HostCheck> {
  const parsed = parseHostAddress(input);
  if (!parsed.ok) return parsed;
  const { origin } = parsed;
  let response: Awaited<ReturnType<Fetch>>;
  try {
    response = await fetchFn(`${origin}/auth/status`, {
      method: 'GET',
      headers: { Accept: 'application/json' },
      signal: AbortSignal.timeout(8_000),
      redirect: 'error',
    });
  } catch (error) {
    return { ok: false, message: networkProblem(error, origin) };
  }
  const notFlowtavle = { ok: false as const, message: `${origin} svarer, men er ikke en Flowtavle-server.` };
  if (response.status !== 200 || !(response.headers.get('content-type') ?? '').includes('application/json')) return notFlowtavle;
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return notFlowtavle;
  }
  const value = (body as { ok?: unknown; value?: { signedIn?: unknown; departmentName?: unknown } } | null)?.value;
  if ((body as { ok?: unknown }).ok !== true || typeof value?.signedIn !== 'boolean' || typeof value.departmentName !== 'string') return notFlowtavle;
  return { ok: true, origin, departmentName: value.departmentName };
}

export const CONNECTION_CHANNELS = { get: 'flowtavle:connection', connect: 'flowtavle:connect', useLocal: 'flowtavle:use-local' } as const;

export interface ConnectionIpcOptions {
  file: string;
  isTrustedFrame(url: string): boolean;
  fetch: Fetch;
  /** Shows the chosen host (an origin) or the local store (null) in the main window. */
  show(host: string | null): void;
}

const NOT_OWN_WINDOW = { ok: false, message: 'Kaldet kom ikke fra Flowtavles eget vindue.' } as const;

/**
 * The connection screen's three calls. Only the app's own page may make them: a remote host's
 * page has no bridge, and even if one reached IPC its frame would be refused here.
 */
export function registerConnectionIpc(ipc: IpcRegistry, options: ConnectionIpcOptions): void {
  const trusted = (event: { senderFrame?: { url: string } | null }) => options.isTrustedFrame(event.senderFrame?.url ?? '');
  ipc.handle(CONNECTION_CHANNELS.get, (event) => {
    if (!trusted(event)) return NOT_OWN_WINDOW;
    return { ok: true, value: loadConnection(options.file) };
  });
  ipc.handle(CONNECTION_CHANNELS.connect, async (event, address) => {
    if (!trusted(event)) return NOT_OWN_WINDOW;
    const checked = await checkHost(address, options.fetch);
    if (!checked.ok) return checked;
    saveConnection(options.file, { host: checked.origin, lastHost: checked.origin });
    // After the reply: showing the host replaces the window that asked.
    setTimeout(() => options.show(checked.origin), 0);
    return { ok: true, value: { host: checked.origin, departmentName: checked.departmentName } };
  });
  ipc.handle(CONNECTION_CHANNELS.useLocal, (event) => {
    if (!trusted(event)) return NOT_OWN_WINDOW;
    useLocalStore(options);
    return { ok: true, value: null };
  });
}

/** Back to the local store (the menu item and the connection screen's button). */
export function useLocalStore(options: Pick<ConnectionIpcOptions, 'file' | 'show'>): void {
  const current = loadConnection(options.file);
  saveConnection(options.file, { host: null, lastHost: current.host ?? current.lastHost });
  setTimeout(() => options.show(null), 0);
}
