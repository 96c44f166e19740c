// Electron main as a whole, with electron mocked (its binary cannot run here): a fresh start opens
// the demo store at the sign-in screen; "Forbind til en Flowtavle-server" swaps the window for the
// host's own page without the bridge, the guard allows exactly that origin, and the choice survives
// a restart.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  const state = {
    windows: [] as FakeWindowRecord[],
    handlers: new Map<string, Listener>(),
    menu: [] as { label?: string; submenu?: { label?: string; enabled?: boolean; click?: () => void }[] }[],
    userData: '',
    fetch: null as null | ((url: string) => Promise<unknown>),
    quit: 0,
    errors: [] as string[],
  };
  interface FakeWindowRecord {
    options: { webPreferences: Record<string, unknown> };
    url: string | null;
    destroyed: boolean;
    events: Map<string, Listener>;
    contentsEvents: Map<string, Listener>;
    sent: unknown[][];
    window: unknown;
  }
  let nextId = 1;
  class BrowserWindow {
    record: FakeWindowRecord;
    webContents: Record<string, unknown>;
    constructor(options: FakeWindowRecord['options']) {
      const record: FakeWindowRecord = { options, url: null, destroyed: false, events: new Map(), contentsEvents: new Map(), sent: [], window: this };
      this.record = record;
      const id = nextId++;
      const destroyedListeners: Listener[] = [];
      this.webContents = {
        id,
        on: (name: string, fn: Listener) => record.contentsEvents.set(name, fn),
        once: (name: string, fn: Listener) => (name === 'destroyed' ? destroyedListeners.push(fn) : record.contentsEvents.set(name, fn)),
        setWindowOpenHandler: () => undefined,
        getURL: () => record.url ?? '',
        send: (...args: unknown[]) => record.sent.push(args),
        isDestroyed: () => record.destroyed,
        fireDestroyed: () => destroyedListeners.forEach((fn) => fn()),
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
    once(name: string, fn: Listener) {
      this.record.events.set(name, fn);
    }
    on(name: string, fn: Listener) {
      this.record.events.set(name, fn);
    }
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
      (this.webContents.fireDestroyed as () => void)();
      this.record.events.get('closed')?.();
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
        isPackaged: false,
        setName: () => undefined,
        getAppPath: () => '/opt/Flowtavle/resources/app',
        getPath: () => state.userData,
        getVersion: () => '1.0.0',
        requestSingleInstanceLock: () => true,
        on: () => undefined,
        whenReady: () => Promise.resolve(),
        quit: () => void state.quit++,
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
      net: { fetch: (url: string) => state.fetch!(url) },
      screen: {
        on: () => undefined,
        getPrimaryDisplay: () => ({ id: 1 }),
        getAllDisplays: () => [{ id: 1, bounds: { x: 0, y: 0, width: 1600, height: 900 }, size: { width: 1600, height: 900 }, scaleFactor: 1 }],
      },
      session: { defaultSession: jar, fromPartition: () => jar },
      protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined },
      shell: { openExternal: () => undefined },
      clipboard: { writeText: () => undefined },
    },
  };
});
vi.mock('electron', () => electron.module);

const dir = mkdtempSync(join(tmpdir(), 'flowtavle-main-'));
const HOST = 'https://flowtavle.aalborg.dk';
const OWN = 'app://flowtavle/index.html';
const state = electron.state;

afterAll(() => {
  delete process.env.FLOWTAVLE_DB;
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  state.userData = join(dir, 'userData');
  process.env.FLOWTAVLE_DB = join(dir, 'userData', 'flowtavle.db');
});

/** Starts main afresh (a new process, as far as its module state goes) and waits for its window. */
async function startMain(): Promise<void> {
  state.windows.length = 0;
  state.handlers.clear();
  vi.resetModules();
  await import('../../electron/main/main');
  for (let i = 0; i < 200 && !state.windows.some((w) => !w.destroyed); i++) await new Promise((r) => setTimeout(r, 10));
}

const current = () => state.windows.filter((w) => !w.destroyed).at(-1)!;
const fileMenu = () => state.menu.find((m) => m.label === 'Filer')!.submenu!;
const tick = () => new Promise((r) => setTimeout(r, 5));

function guard(window: ReturnType<typeof current>, event: 'will-navigate' | 'will-redirect', url: string): boolean {
  const prevent = vi.fn();
  window.contentsEvents.get(event)!({ preventDefault: prevent }, url);
  return prevent.mock.calls.length === 0;
}

function invoke(channel: string, window: ReturnType<typeof current>, url: string, ...args: unknown[]): unknown {
  const sender = (window.window as { webContents: unknown }).webContents;
  return state.handlers.get(channel)!({ sender, senderFrame: { url } }, ...args);
}

describe('Electron main', () => {
  it('opens a fresh machine on the demo store at the sign-in screen', async () => {
    await startMain();
    expect(state.errors).toEqual([]);
    expect(existsSync(process.env.FLOWTAVLE_DB!)).toBe(true);
    const window = current();
    expect(window.url).toBe(OWN);
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, preload: '/opt/Flowtavle/resources/app/dist-electron/preload.cjs' });
    const status = (await invoke('flowtavle:auth', window, `${OWN}#/board`, 'status', {})) as { status: number; body: { value: { signedIn: boolean; isDemo: boolean; demoAccounts: unknown[] } } };
    expect(status.status).toBe(200);
    expect(status.body.value.signedIn).toBe(false);
    expect(status.body.value.isDemo).toBe(true);
    expect(status.body.value.demoAccounts.length).toBeGreaterThan(50);
    expect(((await invoke('flowtavle:call', window, OWN, 'listTeams', {})) as { error: { code: string } }).error.code).toBe('unauthenticated');

    expect(guard(window, 'will-navigate', `${OWN}#/forbind`)).toBe(true);
    expect(guard(window, 'will-navigate', `${HOST}/`)).toBe(false);
    expect(fileMenu().map((i) => i.label)).toEqual(['Forbind til en Flowtavle-server …', 'Brug den lokale database', undefined, 'Afslut']);
    expect(fileMenu()[1]!.enabled).toBe(false);
  }, 180_000); // the first start generates the whole demo department

  it('connects to a host: its own page, no bridge, only its origin, remembered across a restart', async () => {
    const local = current();
    // The menu item shows the connection screen in the same window (keeping its session).
    fileMenu()[0]!.click!();
    expect(local.url).toBe(`${OWN}#/forbind`);

    state.fetch = vi.fn(async () => ({
      status: 200,
      headers: { get: () => 'application/json' },
      json: async () => ({ ok: true, value: { signedIn: false, departmentName: 'Voksensocialafdelingen' } }),
    }));
    const reply = await invoke('flowtavle:connect', local, `${OWN}#/forbind`, `${HOST}/`);
    expect(reply).toEqual({ ok: true, value: { host: HOST, departmentName: 'Voksensocialafdelingen' } });
    await tick();
    const remote = current();
    expect(local.destroyed).toBe(true);
    expect(remote.url).toBe(`${HOST}/`);
    expect(remote.options.webPreferences.preload).toBeUndefined();
    expect(remote.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true });
    expect(guard(remote, 'will-navigate', `${HOST}/#/board`)).toBe(true);
    expect(guard(remote, 'will-navigate', 'https://evil.example.org/')).toBe(false);
    expect(guard(remote, 'will-redirect', 'https://login.microsoftonline.com/')).toBe(false);
    expect(guard(remote, 'will-navigate', OWN)).toBe(false);
    // Should the remote page ever reach IPC, its frame is refused.
    expect(((await invoke('flowtavle:call', remote, `${HOST}/`, 'listTeams', {})) as { error: { code: string } }).error.code).toBe('forbidden');
    expect(await invoke('flowtavle:connection', remote, `${HOST}/`)).toMatchObject({ ok: false });
    expect(JSON.parse(readFileSync(join(state.userData, 'connection.json'), 'utf8')).host).toBe(HOST);
    expect(fileMenu()[1]).toMatchObject({ label: 'Brug den lokale database (nu: flowtavle.aalborg.dk)', enabled: true });

    // A restart opens the same host.
    await startMain();
    expect(current().url).toBe(`${HOST}/`);
  });

  it('falls back to the connection screen when the host cannot be shown, and switches back to the local store', async () => {
    const remote = current();
    remote.contentsEvents.get('did-fail-load')!({}, -105, 'ERR_NAME_NOT_RESOLVED', `${HOST}/`, true);
    const screen = current();
    expect(remote.destroyed).toBe(true);
    expect(screen.url).toMatch(new RegExp(`^${OWN}#/forbind\\?fejl=`));
    expect(decodeURIComponent(screen.url!.split('fejl=')[1]!)).toBe('Flowtavle-serveren flowtavle.aalborg.dk findes ikke på netværket. Kontrollér adressen, eller om du er på kommunens netværk (VPN).');
    expect(screen.options.webPreferences.preload).toBeDefined();
    // Still connected (a restart tries the host again) until the user chooses the local store.
    expect(JSON.parse(readFileSync(join(state.userData, 'connection.json'), 'utf8')).host).toBe(HOST);

    fileMenu()[1]!.click!();
    await tick();
    expect(current().url).toBe(OWN);
    expect(JSON.parse(readFileSync(join(state.userData, 'connection.json'), 'utf8'))).toEqual({ host: null, lastHost: HOST });
    expect(fileMenu()[1]!.enabled).toBe(false);
  });
});
