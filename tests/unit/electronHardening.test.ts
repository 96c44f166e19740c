// The desktop app's remaining hardening, with electron mocked (its binary cannot run here): the
// app:// protocol instead of file://, no developer tools in a packaged build, links out only to an
// allow-list, and the fuses electron-builder's afterPack hook flips.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/http/server';
import { PRIVILEGED_SCHEMES, registerAppScheme, rendererFileFor, rendererHandler } from '../../electron/main/protocol';
import { EXTERNAL_LINK_HOSTS, judgeExternalLink, openExternalLink } from '../../electron/main/security';

const electron = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  interface WindowRecord {
    options: { webPreferences: Record<string, unknown> };
    url: string | null;
    destroyed: boolean;
    contentsEvents: Map<string, Listener>;
    openHandler: ((details: { url: string }) => unknown) | null;
    devToolsClosed: number;
    window: { webContents: unknown };
  }
  const state = {
    order: [] as string[],
    packaged: false,
    appPath: '',
    userData: '',
    windows: [] as WindowRecord[],
    handlers: new Map<string, Listener>(),
    schemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    menu: [] as { label?: string; submenu?: { label?: string; role?: string; click?: () => void }[] }[],
    opened: [] as string[],
    errors: [] as string[],
  };
  let nextId = 1;
  class BrowserWindow {
    record: WindowRecord;
    webContents: Record<string, unknown>;
    constructor(options: WindowRecord['options']) {
      const record: WindowRecord = { options, url: null, destroyed: false, contentsEvents: new Map(), openHandler: null, devToolsClosed: 0, window: this as never };
      this.record = record;
      this.webContents = {
        id: nextId++,
        on: (name: string, fn: Listener) => record.contentsEvents.set(name, fn),
        once: () => undefined,
        setWindowOpenHandler: (fn: WindowRecord['openHandler']) => void (record.openHandler = fn),
        closeDevTools: () => void record.devToolsClosed++,
        getURL: () => record.url ?? '',
        send: () => undefined,
        isDestroyed: () => record.destroyed,
      };
      state.windows.push(record);
    }
    static getAllWindows() {
      return state.windows.filter((w) => !w.destroyed).map((w) => w.window);
    }
    loadURL(url: string) {
      this.record.url = url;
      return Promise.resolve();
    }
    once() {}
    on() {}
    show() {}
    focus() {}
    isMinimized() {
      return false;
    }
    isDestroyed() {
      return this.record.destroyed;
    }
    destroy() {
      this.record.destroyed = true;
    }
    close() {
      this.destroy();
    }
  }
  const jar = { setPermissionRequestHandler: () => undefined };
  return {
    state,
    module: {
      app: {
        get isPackaged() {
          return state.packaged;
        },
        setName: () => undefined,
        getAppPath: () => state.appPath,
        getPath: () => state.userData,
        getVersion: () => '1.0.0',
        requestSingleInstanceLock: () => true,
        on: () => undefined,
        whenReady: () => {
          state.order.push('ready');
          return Promise.resolve();
        },
        quit: () => undefined,
      },
      protocol: {
        registerSchemesAsPrivileged: (schemes: unknown[]) => {
          state.order.push('registerSchemesAsPrivileged');
          state.schemes.push(...schemes);
        },
        handle: (scheme: string, fn: (request: Request) => Promise<Response>) => {
          state.order.push(`handle:${scheme}`);
          state.protocolHandlers.set(scheme, fn);
        },
      },
      BrowserWindow,
      ipcMain: {
        handle: (channel: string, fn: Listener) => void state.handlers.set(channel, fn),
        removeHandler: (channel: string) => void state.handlers.delete(channel),
      },
      Menu: {
        buildFromTemplate: (template: typeof state.menu) => template,
        setApplicationMenu: (menu: typeof state.menu) => void (state.menu = menu),
      },
      dialog: {
        showErrorBox: (title: string, message: string) => void state.errors.push(`${title}: ${message}`),
        showMessageBoxSync: () => 1,
        showMessageBox: () => Promise.resolve({ response: 0 }),
      },
      net: { fetch: () => Promise.reject(new Error('no network in this test')) },
      screen: {
        on: () => undefined,
        getPrimaryDisplay: () => ({ id: 1 }),
        getAllDisplays: () => [{ id: 1, bounds: { x: 0, y: 0, width: 1600, height: 900 }, size: { width: 1600, height: 900 }, scaleFactor: 1 }],
      },
      session: { defaultSession: jar, fromPartition: () => jar },
      shell: { openExternal: (url: string) => void state.opened.push(url) },
      clipboard: { writeText: () => undefined },
    },
  };
});
vi.mock('electron', () => electron.module);

const state = electron.state;
const dir = mkdtempSync(join(tmpdir(), 'flowtavle-hardening-'));
const appRoot = join(dir, 'app');
const rendererDir = join(appRoot, 'dist', 'renderer');
const INDEX = '<!doctype html><title>Flowtavle</title><script type="module" src="./assets/index.js"></script>';
mkdirSync(join(rendererDir, 'assets'), { recursive: true });
writeFileSync(join(rendererDir, 'index.html'), INDEX);
writeFileSync(join(rendererDir, 'assets', 'index.js'), 'console.log("board")');
writeFileSync(join(rendererDir, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
// Beside the renderer: what a path-traversal would be after. The sibling shares the folder's name as a prefix.
mkdirSync(join(appRoot, 'dist', 'renderer-secret'), { recursive: true });
writeFileSync(join(appRoot, 'dist', 'renderer-secret', 'key.txt'), 'SECRET');
writeFileSync(join(appRoot, 'package.json'), 'SECRET');
writeFileSync(join(dir, 'secret.txt'), 'SECRET');

afterAll(() => {
  delete process.env.FLOWTAVLE_DB;
  process.argv = process.argv.filter((a) => a !== '--empty');
  rmSync(dir, { recursive: true, force: true });
});

describe('the app:// protocol', () => {
  const serve = rendererHandler(rendererDir);
  const get = (url: string, method = 'GET') => serve(new Request(url, { method }));

  it('is registered as a standard, secure scheme that may use fetch, and nothing more', () => {
    const registry = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(registry);
    expect(registry.registerSchemesAsPrivileged).toHaveBeenCalledWith([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(PRIVILEGED_SCHEMES[0].privileges).not.toHaveProperty('bypassCSP');
    expect(PRIVILEGED_SCHEMES[0].privileges).not.toHaveProperty('corsEnabled');
  });

  it('serves the built renderer with the strict CSP on the page', async () => {
    const page = await get('app://flowtavle/index.html#/board');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toBe(INDEX);
    expect(await (await get('app://flowtavle/')).text()).toBe(INDEX);
    const script = await get('app://flowtavle/assets/index.js');
    expect(script.status).toBe(200);
    // A module script is refused by Chromium unless it comes with a JavaScript type.
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log("board")');
    expect((await get('app://flowtavle/assets/logo.svg')).headers.get('content-type')).toBe('image/svg+xml');
    const head = await get('app://flowtavle/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('refuses every way out of dist/renderer with 404', async () => {
    const attempts = [
      'app://flowtavle/..%2fpackage.json',
      'app://flowtavle/..%2f..%2f..%2fsecret.txt',
      'app://flowtavle/%2e%2e%2f%2e%2e%2fpackage.json',
      'app://flowtavle/assets/..%2f..%2f..%2fpackage.json',
      'app://flowtavle/..%5c..%5cpackage.json',
      'app://flowtavle/..%2frenderer-secret%2fkey.txt',
      `app://flowtavle/${encodeURIComponent(join(dir, 'secret.txt'))}`,
      'app://flowtavle/index.html%00.js',
      'app://flowtavle/%E0%A4%A',
      'app://flowtavle/assets',
      'app://flowtavle/missing.js',
      'app://evil.example/index.html',
    ];
    for (const url of attempts) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('SECRET');
    }
    expect((await get('app://flowtavle/index.html', 'POST')).status).toBe(405);
    // The plain `..` never reaches the handler: the URL parser folds it inside the origin.
    expect(rendererFileFor(rendererDir, 'app://flowtavle/../../secret.txt')).toBe(join(rendererDir, 'secret.txt'));
    expect(rendererFileFor(rendererDir, 'file:///etc/passwd')).toBeNull();
    expect(rendererFileFor(rendererDir, 'app://user:pass@flowtavle/index.html')).toBeNull();
  });
});

describe('links out of the app', () => {
  const hosts = ['hjaelp.kommune.dk'];

  it('has an empty allow-list by default: the app links nowhere outside itself', () => {
    expect(EXTERNAL_LINK_HOSTS).toEqual([]);
    expect(judgeExternalLink('https://www.google.com/')).toEqual({ allowed: false, reason: 'www.google.com er ikke på listen over tilladte adresser' });
  });

  it('opens only https links to a listed host', () => {
    expect(judgeExternalLink('https://hjaelp.kommune.dk/flowtavle?side=2', hosts)).toEqual({ allowed: true, url: 'https://hjaelp.kommune.dk/flowtavle?side=2' });
    expect(judgeExternalLink('https://HJAELP.kommune.dk/', hosts)).toEqual({ allowed: true, url: 'https://hjaelp.kommune.dk/' });
    for (const url of ['http://hjaelp.kommune.dk/', 'https://hjaelp.kommune.dk.evil.org/', 'https://evil.hjaelp.kommune.dk/', 'https://kommune.dk/',
      'https://bruger:kode@hjaelp.kommune.dk/', 'file:///etc/passwd', 'javascript:alert(1)', 'mailto:rik@kommune.dk', 'smb://server/share', 'not a url']) {
      expect(judgeExternalLink(url, hosts).allowed, url).toBe(false);
    }
  });

  it('refuses and logs everything else, without the path (it may hold a citizen reference)', () => {
    const shell = { openExternal: vi.fn() };
    const log = vi.fn();
    expect(openExternalLink(shell, 'https://hjaelp.kommune.dk/vejledning', { hosts, log })).toBe(true);
    expect(shell.openExternal).toHaveBeenCalledWith('https://hjaelp.kommune.dk/vejledning');
    expect(log).not.toHaveBeenCalled();
    expect(openExternalLink(shell, 'https://evil.example.org/sag?borger=AB-1234', { hosts, log })).toBe(false);
    expect(openExternalLink(shell, 'file:///C:/Windows/System32/calc.exe', { hosts, log })).toBe(false);
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
    expect(log.mock.calls.map(([m]) => m)).toEqual([
      'Flowtavle: link til https://evil.example.org blev ikke åbnet: evil.example.org er ikke på listen over tilladte adresser.',
      'Flowtavle: link til file: blev ikke åbnet: kun https (ikke file:).',
    ]);
  });
});

/** Starts main afresh, as an installed build (packaged) or from the source tree. */
async function startMain(packaged: boolean) {
  state.packaged = packaged;
  state.order.length = 0;
  state.windows.length = 0;
  state.handlers.clear();
  state.schemes.length = 0;
  state.protocolHandlers.clear();
  vi.resetModules();
  await import('../../electron/main/main');
  for (let i = 0; i < 300 && !state.windows.some((w) => !w.destroyed); i++) await new Promise((r) => setTimeout(r, 10));
  return state.windows.filter((w) => !w.destroyed).at(-1)!;
}

function guard(window: Awaited<ReturnType<typeof startMain>>, event: 'will-navigate' | 'will-redirect', url: string): boolean {
  const prevent = vi.fn();
  window.contentsEvents.get(event)!({ preventDefault: prevent }, url);
  return prevent.mock.calls.length === 0;
}

const viewMenu = () => state.menu.find((m) => m.label === 'Vis')!.submenu!;

describe('Electron main, hardened', () => {
  beforeEach(() => {
    state.appPath = appRoot;
    state.userData = join(dir, 'userData');
    process.env.FLOWTAVLE_DB = join(dir, 'userData', 'flowtavle.db');
    if (!process.argv.includes('--empty')) process.argv.push('--empty');
  });

  it('registers app:// before ready, serves the renderer folder, and loads app://flowtavle/index.html', async () => {
    const window = await startMain(false);
    expect(state.errors).toEqual([]);
    expect(state.order.slice(0, 3)).toEqual(['registerSchemesAsPrivileged', 'ready', 'handle:app']);
    expect(state.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(window.url).toBe('app://flowtavle/index.html');

    const serve = state.protocolHandlers.get('app')!;
    const page = await serve(new Request('app://flowtavle/index.html'));
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toBe(INDEX);
    expect((await serve(new Request('app://flowtavle/..%2fpackage.json'))).status).toBe(404);

    // The window stays on that page; the old file:// address of the same page is someone else now.
    expect(guard(window, 'will-navigate', 'app://flowtavle/index.html#/forbind')).toBe(true);
    expect(guard(window, 'will-navigate', `file://${join(rendererDir, 'index.html')}`)).toBe(false);
    expect(guard(window, 'will-navigate', 'app://flowtavle/assets/index.js')).toBe(false);
    expect(guard(window, 'will-redirect', 'https://evil.example.org/')).toBe(false);

    // And only frames of that page reach IPC.
    const sender = window.window.webContents;
    const status = (await state.handlers.get('flowtavle:auth')!({ sender, senderFrame: { url: 'app://flowtavle/index.html#/board' } }, 'status', {})) as { status: number };
    expect(status.status).toBe(200);
    const fromFile = (await state.handlers.get('flowtavle:auth')!({ sender, senderFrame: { url: `file://${join(rendererDir, 'index.html')}` } }, 'status', {})) as { status: number };
    expect(fromFile.status).toBe(403);
    const call = state.handlers.get('flowtavle:call')!({ sender, senderFrame: { url: 'app://evil/index.html' } }, 'listTeams', {}) as { error: { code: string } };
    expect(call.error.code).toBe('forbidden');
  }, 60_000);

  it('keeps developer tools when run from the source tree', async () => {
    const window = await startMain(false);
    expect(window.options.webPreferences.devTools).toBe(true);
    expect(viewMenu().map((i) => i.label)).toContain('Udviklerværktøjer');
    expect(window.contentsEvents.has('devtools-opened')).toBe(false);
  });

  it('has no developer tools in a packaged build: none in the menu, none in the window, closed if opened anyway', async () => {
    const window = await startMain(true);
    expect(window.options.webPreferences).toMatchObject({ devTools: false, contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(viewMenu().map((i) => i.label)).toEqual(['Genindlæs', 'Fuld skærm', 'Zoom ind', 'Zoom ud', 'Nulstil zoom']);
    expect(viewMenu().some((i) => i.role === 'toggleDevTools')).toBe(false);
    window.contentsEvents.get('devtools-opened')!();
    expect(window.devToolsClosed).toBe(1);

    // The wall-screen kiosk opened from the menu is the same.
    state.menu.find((m) => m.label === 'Vægskærm')!.submenu![0]!.click!();
    const wall = state.windows.at(-1)!;
    expect(wall.url).toBe('app://flowtavle/index.html#/standup');
    expect(wall.options.webPreferences.devTools).toBe(false);
    wall.contentsEvents.get('devtools-opened')!();
    expect(wall.devToolsClosed).toBe(1);
    expect(guard(wall, 'will-navigate', 'https://evil.example.org/')).toBe(false);
  });

  it('sends window.open to the allow-list, never to a new window', async () => {
    const window = await startMain(true);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    state.opened.length = 0;
    expect(window.openHandler!({ url: 'https://evil.example.org/x' })).toEqual({ action: 'deny' });
    expect(window.openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(state.opened).toEqual([]);
    expect(warn).toHaveBeenCalledWith('Flowtavle: link til https://evil.example.org blev ikke åbnet: evil.example.org er ikke på listen over tilladte adresser.');
    warn.mockRestore();
  });
});

describe('the fuses flipped when packaging', () => {
  // The hook is CommonJS loaded by electron-builder; Node's own require cache is where its
  // `require('@electron/fuses')` is answered, so the stand-in goes there.
  const require = createRequire(import.meta.url);
  const fusesPath = require.resolve('@electron/fuses');
  const real = require('@electron/fuses') as typeof import('@electron/fuses');
  const flipFuses = vi.fn(async () => 0);
  require.cache[fusesPath]!.exports = { ...real, flipFuses };
  const hookPath = require.resolve('../../scripts/fuses.cjs');
  delete require.cache[hookPath];
  const hook = require(hookPath) as ((context: unknown) => Promise<void>) & { afterPack: (context: unknown) => Promise<void> };
  const { FuseV1Options: F, FuseVersion } = real;
  const packager = { executableName: 'flowtavle', appInfo: { productFilename: 'Flowtavle' } };

  beforeEach(() => flipFuses.mockClear());

  it('is the afterPack hook electron-builder loads', async () => {
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8')).toMatch(/^afterPack: \.\/scripts\/fuses\.cjs$/m);
    const { resolveFunction } = require('app-builder-lib/out/util/resolve') as { resolveFunction(t: string, e: string, n: string, root: string): Promise<unknown> };
    const resolved = await resolveFunction('module', './scripts/fuses.cjs', 'afterPack', process.cwd());
    expect(typeof resolved).toBe('function');
    expect((resolved as { name: string }).name).toBe('afterPack');
  });

  it('turns off RunAsNode, NODE_OPTIONS and --inspect, and turns on cookie encryption, asar integrity and asar-only', async () => {
    await hook.afterPack({ appOutDir: '/build/linux-unpacked', electronPlatformName: 'linux', arch: 1, packager });
    expect(flipFuses).toHaveBeenCalledTimes(1);
    expect(flipFuses).toHaveBeenCalledWith('/build/linux-unpacked/flowtavle', {
      version: FuseVersion.V1,
      resetAdHocDarwinSignature: false,
      [F.RunAsNode]: false,
      [F.EnableCookieEncryption]: true,
      [F.EnableNodeOptionsEnvironmentVariable]: false,
      [F.EnableNodeCliInspectArguments]: false,
      [F.EnableEmbeddedAsarIntegrityValidation]: true,
      [F.OnlyLoadAppFromAsar]: true,
      [F.GrantFileProtocolExtraPrivileges]: false,
    });
    // The same map by the wire's positions, so a renamed enum cannot hide a change.
    expect(flipFuses.mock.calls[0]).toEqual(['/build/linux-unpacked/flowtavle',
      { version: '1', resetAdHocDarwinSignature: false, 0: false, 1: true, 2: false, 3: false, 4: true, 5: true, 7: false }]);
  });

  it('finds the executable on Windows and macOS, and re-signs an Apple Silicon build ad hoc', async () => {
    await hook({ appOutDir: 'C:/build/win-unpacked', electronPlatformName: 'win32', arch: 1, packager });
    await hook({ appOutDir: '/build/mac-arm64', electronPlatformName: 'darwin', arch: 3, packager });
    await hook({ appOutDir: '/build/mac', electronPlatformName: 'darwin', arch: 1, packager });
    expect((flipFuses.mock.calls as unknown as [string, { resetAdHocDarwinSignature: boolean }][]).map(([path, config]) => [path, config.resetAdHocDarwinSignature])).toEqual([
      [join('C:/build/win-unpacked', 'Flowtavle.exe'), false],
      ['/build/mac-arm64/Flowtavle.app', true],
      ['/build/mac/Flowtavle.app', false],
    ]);
  });
});
