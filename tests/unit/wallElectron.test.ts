import { beforeEach, describe, expect, it, vi } from 'vitest';

// Electron cannot run here: a stand-in records what the wall window asks of it.
const created: { options: Record<string, unknown>; url: string | null; closed: boolean; handlers: Map<string, (...a: unknown[]) => void> }[] = [];
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
    screen: {
      getPrimaryDisplay: () => display(1, 0, 1600, 900),
      getAllDisplays: () => [display(1, 0, 1600, 900), display(7, 1600, 1920, 1080, 2)],
    },
  };
});

const { chooseWallDisplay, closeWallWindow, openWallWindow, standupUrl, wallDisplays, wallMenu } = await import('../../electron/main/wall');

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
    openWallWindow({ indexHtml: '/opt/Flowtavle/dist/renderer/index.html', preload: '/opt/p.cjs', teamId: 4 });
    const [win] = created;
    expect(win!.options).toMatchObject({
      kiosk: true,
      fullscreen: true,
      x: 1600,
      width: 1920,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, preload: '/opt/p.cjs' },
    });
    expect(win!.url).toBe('file:///opt/Flowtavle/dist/renderer/index.html#/standup?team=4');
    // Navigation away from the app's own page is stopped.
    const prevent = vi.fn();
    win!.handlers.get('will-navigate')!({ preventDefault: prevent }, 'https://example.org/');
    expect(prevent).toHaveBeenCalled();
  });

  it('keeps one wall window: opening again replaces it, and closing closes it', () => {
    openWallWindow({ indexHtml: '/a/index.html', preload: '/p.cjs' });
    openWallWindow({ indexHtml: '/a/index.html', preload: '/p.cjs', displayId: 1 });
    expect(created[0]!.closed).toBe(true);
    expect(created[1]!.options).toMatchObject({ x: 0, width: 1600 });
    closeWallWindow();
    expect(created[1]!.closed).toBe(true);
  });

  it('offers one menu item per display', () => {
    const menu = wallMenu({ indexHtml: '/a/index.html', preload: '/p.cjs' });
    const labels = (menu.submenu as { label?: string }[]).map((i) => i.label).filter(Boolean);
    expect(labels).toEqual(['Vis standup på Skærm 1 – 1600 × 900 (denne skærm)', 'Vis standup på Skærm 2 – 3840 × 2160', 'Luk vægskærmen']);
    expect(standupUrl('/a/index.html')).toBe('file:///a/index.html#/standup');
  });
});
