import { beforeEach, describe, expect, it, vi } from 'vitest';

// Electron cannot run here: a stand-in records what the wall window asks of it.
const created: { options: Record<string, unknown>; url: string | null; closed: boolean; handlers: Map<string, (...a: unknown[]) => void> }[] = [];
const clipboardText: string[] = [];
const shown: { message: string; detail?: string }[] = [];
// The HTTP host is the real one elsewhere; here we only see what "Del på netværket" asks of it.
const hosts: { options: Record<string, unknown>; closed: boolean }[] = [];
vi.mock('../../electron/http/server', () => ({
  startHttpHost: (options: Record<string, unknown>) => {
    const host = { options, closed: false };
    hosts.push(host);
    return Promise.resolve({ url: 'http://127.0.0.1:4317/', port: 4317, close: () => { host.closed = true; return Promise.resolve(); } });
  },
}));
vi.mock('node:os', async (original) => ({
  ...(await original<typeof import('node:os')>()),
  networkInterfaces: () => ({
    lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
    eth0: [{ address: '192.168.1.20', family: 'IPv4', internal: false }, { address: 'fe80::1', family: 'IPv6', internal: false }],
  }),
}));
vi.mock('electron', () => {
  class BrowserWindow {
    record = { options: {} as Record<string, unknown>, url: null as string | null, closed: false, handlers: new Map<string, (...a: unknown[]) => void>() };
    webContents = {
      on: (name: string, fn: (...a: unknown[]) => void) => this.record.handlers.set(name, fn),
      setWindowOpenHandler: () => undefined,
    };
    constructor(options: Record<string, unknown>) {
      this.record.options = options;
      created.push(this.record);
    }
    loadURL(url: string) {
      this.record.url = url;
      return Promise.resolve();
    }
    on() {}
    isDestroyed() {
      return this.record.closed;
    }
    close() {
      this.record.closed = true;
    }
  }
  const display = (id: number, x: number, w: number, h: number, scale = 1) => ({ id, bounds: { x, y: 0, width: w, height: h }, size: { width: w, height: h }, scaleFactor: scale });
  return {
    BrowserWindow,
    shell: { openExternal: vi.fn() },
    clipboard: { writeText: (text: string) => clipboardText.push(text) },
    dialog: {
      showMessageBox: (options: { detail?: string; message: string }) => {
        shown.push(options);
        return Promise.resolve({ response: 0 });
      },
      showErrorBox: (title: string, message: string) => shown.push({ message: `${title}: ${message}` }),
    },
    screen: {
      getPrimaryDisplay: () => display(1, 0, 1600, 900),
      getAllDisplays: () => [display(1, 0, 1600, 900), display(7, 1600, 1920, 1080, 2)],
    },
  };
});

const { chooseWallDisplay, closeWallWindow, openWallWindow, standupUrl, wallDisplays, wallMenu } = await import('../../electron/main/wall');
const { lanAddresses, lanSharingMenuItem, sharingUrls, stopLanSharing } = await import('../../electron/main/lanSharing');

beforeEach(() => {
  created.length = 0;
});

describe('the wall window', () => {
  it('lists the displays with their real resolution', () => {
    expect(wallDisplays().map((d) => d.label)).toEqual(['Skærm 1 – 1600 × 900 (denne skærm)', 'Skærm 2 – 3840 × 2160']);
  });

  it('picks the wanted display, else the TV (not the primary), else the primary', () => {
    const displays = wallDisplays();
    expect(chooseWallDisplay(displays, 1)?.id).toBe(1);
    expect(chooseWallDisplay(displays)?.id).toBe(7);
    expect(chooseWallDisplay(displays, 99)?.id).toBe(7);
    expect(chooseWallDisplay(displays.filter((d) => d.primary))?.id).toBe(1);
    expect(chooseWallDisplay([])).toBeNull();
  });

  it('opens a hardened kiosk window on the chosen display showing standup mode', () => {
    openWallWindow({ preload: '/opt/p.cjs', teamId: 4 });
    const [win] = created;
    expect(win!.options).toMatchObject({
      kiosk: true,
      fullscreen: true,
      x: 1600,
      width: 1920,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, preload: '/opt/p.cjs' },
    });
    expect(win!.url).toBe('app://flowtavle/index.html#/standup?team=4');
    // Navigation away from the app's own page is stopped.
    const prevent = vi.fn();
    win!.handlers.get('will-navigate')!({ preventDefault: prevent }, 'https://example.org/');
    expect(prevent).toHaveBeenCalled();
  });

  it('shows a connected host\'s standup page in its own cookie jar, without the bridge', () => {
    openWallWindow({ preload: '/p.cjs', teamId: 2, remoteOrigin: 'https://flowtavle.aalborg.dk' });
    const win = created.at(-1)!;
    expect(win.url).toBe('https://flowtavle.aalborg.dk/#/standup?team=2');
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs.preload).toBeUndefined();
    expect(prefs.partition).toBe('persist:flowtavle-wall');
    const prevent = vi.fn();
    win.handlers.get('will-navigate')!({ preventDefault: prevent }, 'https://flowtavle.aalborg.dk/#/standup');
    expect(prevent).not.toHaveBeenCalled();
    win.handlers.get('will-redirect')!({ preventDefault: prevent }, 'https://login.example.org/');
    expect(prevent).toHaveBeenCalledTimes(1);
    closeWallWindow();
  });

  it('keeps one wall window: opening again replaces it, and closing closes it', () => {
    openWallWindow({ preload: '/p.cjs' });
    openWallWindow({ preload: '/p.cjs', displayId: 1 });
    expect(created[0]!.closed).toBe(true);
    expect(created[1]!.options).toMatchObject({ x: 0, width: 1600 });
    closeWallWindow();
    expect(created[1]!.closed).toBe(true);
  });

  it('offers one menu item per display', () => {
    const menu = wallMenu({ preload: '/p.cjs' });
    const labels = (menu.submenu as { label?: string }[]).map((i) => i.label).filter(Boolean);
    expect(labels).toEqual(['Vis standup på Skærm 1 – 1600 × 900 (denne skærm)', 'Vis standup på Skærm 2 – 3840 × 2160', 'Luk vægskærmen']);
    expect(standupUrl()).toBe('app://flowtavle/index.html#/standup');
  });
});

describe('Del på netværket', () => {
  it('shows the network addresses, not loopback, and the standup address for a wall screen', () => {
    expect(lanAddresses()).toEqual(['192.168.1.20']);
    expect(sharingUrls(4317)).toEqual([{ app: 'http://192.168.1.20:4317/', wall: 'http://192.168.1.20:4317/#/standup' }]);
  });

  it('starts the same signed-in host on every address, with no token, and stops it again', async () => {
    const service = { marker: 'service' } as never;
    let changed = 0;
    const item = lanSharingMenuItem(null as never, service, '/opt/Flowtavle/dist/renderer', () => changed++);
    expect(item).toMatchObject({ label: 'Del på netværket', type: 'checkbox', checked: false });
    (item.click as () => void)();
    await vi.waitFor(() => expect(changed).toBe(1));
    expect(hosts).toHaveLength(1);
    expect(hosts[0]!.options).toEqual({ service, staticDir: '/opt/Flowtavle/dist/renderer', host: '0.0.0.0', port: 4317 });
    expect(clipboardText.at(-1)).toBe('http://192.168.1.20:4317/');
    const dialog = shown.at(-1)!;
    expect(dialog.message).toBe('Flowtavle kan nu bruges fra andre maskiner på netværket.');
    expect(dialog.detail).toContain('http://192.168.1.20:4317/#/standup');
    expect(dialog.detail).toContain('Alle logger ind med deres egen konto.');
    expect(dialog.detail).not.toMatch(/token|PIN/i);
    expect(lanSharingMenuItem(null as never, service, '/x', () => undefined).checked).toBe(true);
    await stopLanSharing();
    expect(hosts[0]!.closed).toBe(true);
    expect(lanSharingMenuItem(null as never, service, '/x', () => undefined).checked).toBe(false);
  });
});
