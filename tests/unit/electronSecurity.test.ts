import { describe, expect, it, vi } from 'vitest';
import { isTrustedRendererUrl, rendererUrl, WEB_PREFERENCES } from '../../electron/main/security';

// Main-process code must never need the real electron module in tests: a stand-in records what
// the preload script puts on window and sends to main.
const exposed = new Map<string, Record<string, (...args: unknown[]) => unknown>>();
const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: null }));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: Record<string, (...args: unknown[]) => unknown>) => exposed.set(key, api) },
  ipcRenderer: { invoke, on: vi.fn(), removeListener: vi.fn() },
}));

describe('Electron hardening', () => {
  it('trusts only the app\'s own page', () => {
    expect(isTrustedRendererUrl(rendererUrl('#/board'))).toBe(true);
    expect(isTrustedRendererUrl('file:///etc/passwd')).toBe(false);
    expect(isTrustedRendererUrl('file:///opt/Flowtavle/resources/app/dist/renderer/index.html')).toBe(false);
    expect(isTrustedRendererUrl('https://example.org/dist/renderer/index.html')).toBe(false);
    expect(isTrustedRendererUrl('not a url')).toBe(false);
  });

  it('runs the renderer isolated and sandboxed', () => {
    expect(WEB_PREFERENCES).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
  });
});

describe('the preload bridge', () => {
  it('exposes calls, sign-in actions and change notices, and never an actor or a token', async () => {
    await import('../../electron/preload/preload');
    const bridge = exposed.get('flowtavle')!;
    expect(Object.keys(bridge).sort()).toEqual(['auth', 'call', 'onChange']);
    // A renderer that still passes an actor id (as before sign-in existed) gets it dropped here.
    await bridge.call!('setBudget', { teamId: 1, year: 2026, amount: 1 }, 42);
    expect(invoke).toHaveBeenLastCalledWith('flowtavle:call', 'setBudget', { teamId: 1, year: 2026, amount: 1 });
    await bridge.auth!('sign-in', { login: 'rik', password: 'demo' });
    expect(invoke).toHaveBeenLastCalledWith('flowtavle:auth', 'sign-in', { login: 'rik', password: 'demo' });
    const desktop = exposed.get('flowtavleDesktop')!;
    expect(Object.keys(desktop).sort()).toEqual(['connect', 'connection', 'useLocal']);
    await desktop.connect!({ toString: () => 'https://flowtavle.aalborg.dk' });
    expect(invoke).toHaveBeenLastCalledWith('flowtavle:connect', 'https://flowtavle.aalborg.dk');
  });
});
