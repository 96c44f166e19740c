// The HTTP host: the same API as Electron's IPC, for browsers (wall screens, the end-to-end
// tests). POST /api/<method> with JSON in and an envelope out; GET /api/changes streams change
// notices as server-sent events; everything else is the built renderer.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import type { CallContext, Principal } from '../../shared/api/define';
import { saying, type ApiErrorCode, type Envelope } from '../../shared/api/envelope';
import type { MessageKey } from '../../shared/messages';
import type { Source } from '../../db/auth';
import type { Service } from '../../db/service';
import { AUTH_ACTIONS, runAuthAction, type AuthAction, type AuthReply } from '../auth/actions';

export const SESSION_COOKIE = 'flowtavle_session';

/** Single sign-on routes (electron/auth/oidc.ts): /auth/oidc/start and /auth/oidc/callback. */
export interface OidcRoutes {
  label: string;
  /** Answers /auth/oidc/start with a redirect to the provider. */
  start(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
  /** Finishes the code flow at /auth/oidc/callback: the login name the provider vouched for, or why not. */
  callback(req: IncomingMessage, url: URL): Promise<{ ok: true; login: string } | { ok: false; message: string }>;
}

export interface HttpHostOptions {
  service: Service;
  /** Folder with the built renderer (index.html); the API works without it. */
  staticDir?: string;
  port?: number;
  /** The address to listen on; 127.0.0.1 unless the host is shared on the network. */
  host?: string;
  /** HTTPS with this certificate and key (PEM); cookies are then Secure. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  oidc?: OidcRoutes;
  /** More names the host is reached by (a DNS name, a proxy's name), besides its own addresses. */
  hostNames?: readonly string[];
}

export interface HttpHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY = 20 * 1024 * 1024;
const AUTH_BODY = 16 * 1024;
const MAX_URL = 8 * 1024;
/** Open connections one address may hold (browser tabs and their change streams); a flood is shed. */
const MAX_CONNECTIONS_PER_ADDRESS = 200;

const STATUS: Record<ApiErrorCode, number> = {
  invalid_input: 400,
  unknown_method: 404,
  not_found: 404,
  conflict: 409,
  wip_limit: 409,
  unauthenticated: 401,
  forbidden: 403,
  locked: 429,
  actor_required: 403,
  // Insufficient Storage: the host's disk is full.
  disk_full: 507,
  internal: 500,
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

function securityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function sendEnvelope(res: ServerResponse, envelope: Envelope<unknown>): void {
  sendJson(res, envelope.ok ? 200 : STATUS[envelope.error.code], envelope);
}

function fail(res: ServerResponse, code: ApiErrorCode, key: MessageKey): void {
  sendEnvelope(res, { ok: false, error: { code, ...saying(key) } });
}

class BodyTooLarge extends Error {}

/** The body as text; refuses (without reading on) one that says or turns out to be over `limit` bytes. */
function readBody(req: IncomingMessage, limit = MAX_BODY): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new BodyTooLarge());
      return;
    }
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.pause();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolvePromise(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** 413 with the connection closed after it: the rest of an oversized body is never read. */
function sendTooLarge(res: ServerResponse): void {
  res.setHeader('Connection', 'close');
  sendJson(res, 413, { ok: false, error: { code: 'invalid_input', ...saying('http.tooLarge') } });
}

/** The names this host answers to: a page on any other name (DNS rebinding) gets nothing. */
export function hostNames(listen: string, extra: readonly string[] = []): Set<string> {
  const names = new Set(['127.0.0.1', 'localhost', '::1', ...extra.map((n) => n.toLowerCase())]);
  if (listen === '0.0.0.0' || listen === '::') {
    for (const list of Object.values(networkInterfaces())) for (const i of list ?? []) names.add(i.address.toLowerCase());
    names.add(hostname().toLowerCase());
  } else names.add(listen.toLowerCase());
  return names;
}

/** The host name of a Host header or an origin's authority, without the port and brackets. */
function nameOf(authority: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(authority);
  if (bracketed) return bracketed[1]!.toLowerCase();
  return authority.replace(/:\d+$/, '').toLowerCase();
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    cookies.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return cookies;
}

function sourceOf(req: IncomingMessage): Source {
  const agent = req.headers['user-agent'];
  return { address: req.socket.remoteAddress ?? 'ukendt', userAgent: typeof agent === 'string' ? agent.slice(0, 300) : null };
}

function contextOf(principal: Principal): CallContext {
  return { actorId: principal.kind === 'person' ? principal.personId : null, principal };
}

export function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const { service } = options;
  const host = options.host ?? '127.0.0.1';
  const scheme = options.tls ? 'https' : 'http';
  const allowedNames = hostNames(host, options.hostNames ?? []);
  const staticRoot = options.staticDir ? resolve(options.staticDir) : null;
  /** Open change streams and the session each belongs to, so ending a session closes its stream at once. */
  const streams = new Map<ServerResponse, { sessionId: string | null; token: string }>();

  const tokenOf = (req: IncomingMessage): string | null => parseCookies(req.headers.cookie).get(SESSION_COOKIE) ?? null;
  const sessionCookie = (token: string | null): string =>
    `${SESSION_COOKIE}=${token ?? ''}; Path=/; HttpOnly; SameSite=Strict${options.tls ? '; Secure' : ''}${token ? '' : '; Max-Age=0'}`;

  const unsubscribe = service.subscribe((change) => {
    const frame = `event: change\ndata: ${JSON.stringify(change)}\n\n`;
    for (const res of streams.keys()) res.write(frame);
  });
  const closeStreams = (ended: (entry: { sessionId: string | null; token: string }) => boolean) => {
    for (const [res, entry] of streams) {
      if (!ended(entry)) continue;
      streams.delete(res);
      res.end();
      res.socket?.destroy();
    }
  };
  const stopListening = service.auth.onSessionsEnded((ids) => {
    const ended = new Set(ids.map(String));
    closeStreams((entry) => entry.sessionId !== null && ended.has(entry.sessionId));
  });
  // Sessions ended elsewhere (the CLI, an expired device) are noticed here within a second.
  const sweep = setInterval(() => closeStreams((entry) => service.auth.principalOf(entry.token, { activity: false }) === null), 1_000);
  sweep.unref();
  const heartbeat = setInterval(() => {
    for (const res of streams.keys()) res.write(': keep-alive\n\n');
  }, 15_000);
  heartbeat.unref();

  function refuseUnauthenticated(res: ServerResponse, method: string): void {
    service.dispatch(method, {}, null);
    fail(res, 'unauthenticated', 'general.unauthenticated');
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    // Without a session every /api call is 401 (the promise), whatever its verb or type.
    const principal = service.auth.principalOf(tokenOf(req));
    if (!principal) return refuseUnauthenticated(res, method);
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return fail(res, 'invalid_input', 'http.postOnly');
    }
    // A JSON content type makes a cross-site request need a CORS preflight, which we never grant.
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return fail(res, 'invalid_input', 'http.jsonOnly');
    }
    let input: unknown;
    try {
      const body = await readBody(req);
      input = body.trim() === '' ? {} : JSON.parse(body);
    } catch (error) {
      if (error instanceof BodyTooLarge) return sendTooLarge(res);
      return fail(res, 'invalid_input', 'http.badJson');
    }
    sendEnvelope(res, service.dispatch(method, input, contextOf(principal)));
  }

  function handleChanges(req: IncomingMessage, res: ServerResponse): void {
    const token = tokenOf(req);
    const principal = service.auth.principalOf(token);
    if (!principal || !token) return refuseUnauthenticated(res, 'changes');
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write('retry: 1000\n\n');
    streams.set(res, { sessionId: principal.kind === 'system' ? null : principal.sessionId, token });
    req.on('close', () => streams.delete(res));
  }

  function sendAuthReply(res: ServerResponse, reply: AuthReply): void {
    if (reply.token !== undefined) res.setHeader('Set-Cookie', sessionCookie(reply.token));
    if (reply.status === 204) {
      res.writeHead(204, { 'Cache-Control': 'no-store' });
      res.end();
    } else sendJson(res, reply.status, reply.body);
  }

  async function handleAuth(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const action = url.pathname.slice('/auth/'.length);
    if (options.oidc && action === 'oidc/start') return options.oidc.start(req, res, url);
    if (options.oidc && action === 'oidc/callback') {
      const verified = await options.oidc.callback(req, url);
      const result = verified.ok ? service.auth.signInVerified(verified.login, 'oidc', sourceOf(req)) : null;
      if (result?.ok) {
        res.writeHead(303, { Location: '/', 'Set-Cookie': sessionCookie(result.token), 'Cache-Control': 'no-store' });
        res.end();
        return;
      }
      // The Danish text, and the key with its login so the sign-in page can say it in English.
      const query = verified.ok
        ? { fejl: saying('auth.noActiveAccount', { login: verified.login }).message, key: 'auth.noActiveAccount', login: verified.login }
        : { fejl: verified.message };
      const search = Object.entries(query).map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&');
      res.writeHead(303, { Location: `/#/sign-in?${search}`, 'Cache-Control': 'no-store' });
      res.end();
      return;
    }
    if (!(AUTH_ACTIONS as readonly string[]).includes(action)) return fail(res, 'not_found', 'http.unknownAddress');
    const wantsPost = action !== 'status';
    if (wantsPost && req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return fail(res, 'invalid_input', 'http.sendPost');
    }
    if (wantsPost && action !== 'sign-out' && action !== 'pair' && !String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return fail(res, 'invalid_input', 'http.sendJson');
    }
    let body: unknown = {};
    if (wantsPost) {
      try {
        const text = await readBody(req, AUTH_BODY);
        body = text.trim() === '' ? {} : JSON.parse(text);
      } catch (error) {
        if (error instanceof BodyTooLarge) return sendTooLarge(res);
        return fail(res, 'invalid_input', 'http.badJson');
      }
    }
    const reply = await runAuthAction(service, action as AuthAction, body, sourceOf(req), tokenOf(req), { oidcLabel: options.oidc?.label ?? null });
    sendAuthReply(res, reply);
  }

  function handleStatic(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    const decoded = decodeURIComponent(pathname);
    if (!staticRoot || !existsSync(join(staticRoot, 'index.html'))) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Brugerfladen er ikke bygget. Kør "npm run build:renderer".');
      return;
    }
    const requested = normalize(join(staticRoot, decoded));
    let file = requested.startsWith(staticRoot) && existsSync(requested) && statSync(requested).isFile()
      ? requested
      : join(staticRoot, 'index.html');
    if (!file.startsWith(staticRoot)) file = join(staticRoot, 'index.html');
    const hashed = file.includes(`${join(staticRoot, 'assets')}`);
    res.writeHead(200, {
      'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  }

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    securityHeaders(res);
    if ((req.url ?? '').length > MAX_URL) {
      res.writeHead(414, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' });
      res.end('Adressen er for lang.');
      return;
    }
    const hostHeader = req.headers.host ?? '';
    if (!allowedNames.has(nameOf(hostHeader))) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(`Flowtavle svarer ikke på navnet "${hostHeader.slice(0, 100)}". Brug værtens egen adresse.`);
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const origin = req.headers.origin;
    if (origin && origin !== `${scheme}://${hostHeader}`) {
      return fail(res, 'forbidden', 'http.crossSite');
    }
    if (url.pathname.startsWith('/auth/')) {
      handleAuth(req, res, url).catch((error) => {
        console.error('[flowtavle] auth failed:', error);
        if (!res.headersSent) fail(res, 'internal', 'http.unexpected');
      });
      return;
    }
    if (url.pathname === '/api/changes') return handleChanges(req, res);
    if (url.pathname.startsWith('/api/')) {
      handleApi(req, res, url.pathname.slice('/api/'.length)).catch(() => fail(res, 'internal', 'http.unexpected'));
      return;
    }
    handleStatic(req, res, url.pathname);
  };
  // One bad request must never take the host down: answer it and carry on.
  const guarded = (req: IncomingMessage, res: ServerResponse) => {
    // A client that hangs up mid-answer is not an error of ours.
    req.on('error', () => {});
    res.on('error', () => {});
    try {
      onRequest(req, res);
    } catch (error) {
      if (error instanceof URIError) {
        if (!res.headersSent) fail(res, 'invalid_input', 'http.badAddress');
        return;
      }
      console.error('[flowtavle] request failed:', error);
      if (!res.headersSent) fail(res, 'internal', 'http.unexpected');
      else res.end();
    }
  };
  const server: Server = options.tls ? createTlsServer({ cert: options.tls.cert, key: options.tls.key }, guarded) : createServer(guarded);
  server.keepAliveTimeout = 5_000;
  // Slow clients are cut off: headers within 10 s, a whole request within 60 s (a large import on a slow LAN).
  server.headersTimeout = 10_000;
  server.requestTimeout = 60_000;
  server.maxHeadersCount = 100;
  server.maxConnections = 5_000;
  const perAddress = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    const open = (perAddress.get(address) ?? 0) + 1;
    if (open > MAX_CONNECTIONS_PER_ADDRESS) {
      socket.destroy();
      return;
    }
    perAddress.set(address, open);
    socket.once('close', () => {
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left <= 0) perAddress.delete(address);
      else perAddress.set(address, left);
    });
  });
  // Malformed requests (bad header bytes, a header over 16 KB) get their status code, never a crash.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable) return socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      const { port } = server.address() as AddressInfo;
      const shown = host.includes(':') ? `[${host}]` : host;
      resolvePromise({
        url: `${scheme}://${shown === '0.0.0.0' ? '127.0.0.1' : shown}:${port}/`,
        port,
        close: () =>
          new Promise<void>((done) => {
            clearInterval(heartbeat);
            clearInterval(sweep);
            unsubscribe();
            stopListening();
            for (const res of streams.keys()) res.end();
            streams.clear();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
