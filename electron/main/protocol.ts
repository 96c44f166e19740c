// The app's own page comes from app://flowtavle/, a scheme main serves from dist/renderer, rather
// than from file://. A file:// page shares its origin with every file on the disk (a crafted link
// or an injected frame could read ~/.ssh), and Electron gives file:// extra privileges on top;
// app:// has one origin that holds the built renderer and nothing else, and its answers carry the
// same strict Content-Security-Policy as the HTTP host's.
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../http/server';

export const APP_SCHEME = 'app';
export const APP_HOST = 'flowtavle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * Registered before `ready` (Electron allows it only then): standard gives the page a real origin
 * and relative URLs, secure makes it a secure context like https. No corsEnabled and no
 * bypassCSP: another origin (a connected host's page) cannot read from app://, and the CSP holds.
 */
export const PRIVILEGED_SCHEMES = [
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
] as const;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The file an app:// URL names inside `root`, or null when it names nothing there: another host,
 * malformed percent-encoding, a NUL byte, or a path that leaves the folder once decoded
 * (`..%2f`, `%5c..`, an absolute Windows path) — the URL parser only folds the plain `..`.
 */
export function rendererFileFor(root: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST || url.username || url.password) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  if (path === '/' || path === '') path = '/index.html';
  const base = resolve(root);
  const file = resolve(join(base, path));
  const inside = relative(base, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return file;
}

type ReadFile = (path: string) => Promise<Uint8Array>;

function answer(status: number, body: string): Response {
  return new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
}

/**
 * The app:// handler: GET and HEAD of a file inside `root`, 404 for anything else there is not,
 * 405 for other methods. Electron's fs reads inside app.asar, so `readFile` is the plain one.
 */
export function rendererHandler(root: string, read: ReadFile = readFile): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return answer(405, 'Method Not Allowed');
    const file = rendererFileFor(root, request.url);
    if (!file) return answer(404, 'Not Found');
    let body: Uint8Array;
    try {
      body = await read(file);
    } catch {
      // Missing, a folder, unreadable: the same answer, so nothing about the disk is told.
      return answer(404, 'Not Found');
    }
    const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };
    if (type.startsWith('text/html')) headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
    return new Response(request.method === 'HEAD' ? null : (body as BodyInit), { status: 200, headers });
  };
}

/** What main needs of Electron's `protocol` (tests pass a stand-in). */
export interface ProtocolRegistry {
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]): void;
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
}

/** Before `ready`. */
export function registerAppScheme(protocol: Pick<ProtocolRegistry, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged(PRIVILEGED_SCHEMES.map((s) => ({ ...s, privileges: { ...s.privileges } })));
}

/** After `ready`: app:// answers from the built renderer folder. */
export function serveRenderer(protocol: Pick<ProtocolRegistry, 'handle'>, root: string): void {
  protocol.handle(APP_SCHEME, rendererHandler(root));
}

/** The app's own page at a route (`#/forbind`, `#/standup?team=4`). */
export function appPageUrl(route = ''): string {
  return `${APP_INDEX_URL}${route}`;
}

/** True for the app's own page (any hash or query) at exactly app://flowtavle/index.html. */
export function isAppPageUrl(candidate: string): boolean {
  try {
    const url = new URL(candidate);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.pathname === '/index.html' && !url.username && !url.password;
  } catch {
    return false;
  }
}
