// The HTTP host: the same API as Electron's IPC, for browsers (wall screens, the end-to-end
// tests). POST /api/<method> with JSON in and an envelope out; GET /api/changes streams change
// notices as server-sent events; everything else is the built renderer.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import type { ApiErrorCode, Envelope } from '../../shared/api/envelope';
import type { Service } from '../../db/service';
import type { LanGate } from './lan';

export interface HttpHostOptions {
  service: Service;
  /** Folder with the built renderer (index.html); the API works without it. */
  staticDir?: string;
  port?: number;
  host?: string;
  /** LAN sharing: callers other than loopback need a token and are read-only until a team PIN (electron/http/lan.ts). */
  lan?: LanGate;
}

export interface HttpHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY = 20 * 1024 * 1024;

const STATUS: Record<ApiErrorCode, number> = {
  invalid_input: 400,
  unknown_method: 404,
  not_found: 404,
  conflict: 409,
  wip_limit: 409,
  forbidden: 403,
  actor_required: 403,
  read_only: 403,
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

function fail(res: ServerResponse, code: ApiErrorCode, message: string): void {
  sendEnvelope(res, { ok: false, error: { code, message } });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('too_large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolvePromise(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function actorFrom(req: IncomingMessage): number | null {
  const raw = req.headers['x-flowtavle-actor'];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || !/^\d+$/.test(value)) return null;
  return Number(value);
}

export function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const { service } = options;
  const host = options.host ?? '127.0.0.1';
  const staticRoot = options.staticDir ? resolve(options.staticDir) : null;
  const streams = new Set<ServerResponse>();

  const unsubscribe = service.subscribe((change) => {
    const frame = `event: change\ndata: ${JSON.stringify(change)}\n\n`;
    for (const res of streams) res.write(frame);
  });
  const heartbeat = setInterval(() => {
    for (const res of streams) res.write(': keep-alive\n\n');
  }, 15_000);
  heartbeat.unref();

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string, readOnly: boolean): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return fail(res, 'invalid_input', 'API-kald skal sendes med POST.');
    }
    // A JSON content type makes a cross-site request need a CORS preflight, which we never grant.
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return fail(res, 'invalid_input', 'API-kald skal have Content-Type: application/json.');
    }
    let input: unknown;
    try {
      const body = await readBody(req);
      input = body.trim() === '' ? {} : JSON.parse(body);
    } catch (error) {
      const tooLarge = (error as Error).message === 'too_large';
      return fail(res, 'invalid_input', tooLarge ? 'Forespørgslen er for stor.' : 'Forespørgslen er ikke gyldig JSON.');
    }
    sendEnvelope(res, service.dispatch(method, input, { actorId: actorFrom(req), ...(readOnly ? { readOnly } : {}) }));
  }

  function handleChanges(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write('retry: 1000\n\n');
    streams.add(res);
    req.on('close', () => streams.delete(res));
  }

  function handleStatic(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    if (!staticRoot || !existsSync(join(staticRoot, 'index.html'))) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Brugerfladen er ikke bygget. Kør "npm run build:renderer".');
      return;
    }
    const requested = normalize(join(staticRoot, decodeURIComponent(pathname)));
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

  const server = createServer((req, res) => {
    securityHeaders(res);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const origin = req.headers.origin;
    if (origin && origin !== `http://${req.headers.host}`) {
      return fail(res, 'forbidden', 'Forespørgsler fra andre websteder afvises.');
    }
    let readOnly = false;
    if (options.lan) {
      const admission = options.lan.admit(req, res, url);
      if (!admission) return;
      if (options.lan.handle(req, res, url, admission)) return;
      readOnly = admission.readOnly;
    }
    if (url.pathname === '/api/changes') return handleChanges(req, res);
    if (url.pathname.startsWith('/api/')) {
      handleApi(req, res, url.pathname.slice('/api/'.length), readOnly).catch(() => fail(res, 'internal', 'Uventet fejl.'));
      return;
    }
    handleStatic(req, res, url.pathname);
  });
  server.keepAliveTimeout = 5_000;

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      const { port } = server.address() as AddressInfo;
      resolvePromise({
        url: `http://${host}:${port}/`,
        port,
        close: () =>
          new Promise<void>((done) => {
            clearInterval(heartbeat);
            unsubscribe();
            for (const res of streams) res.end();
            streams.clear();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
