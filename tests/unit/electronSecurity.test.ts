import { describe, expect, it, vi } from 'vitest';
import { isTrustedRendererUrl, rendererUrl, WEB_PREFERENCES } from '../../electron/main/security';

// Main-process code must never need the real electron module in tests.
vi.mock('electron', () => ({}));

describe('Electron hardening', () => {
  const index = '/opt/Flowtavle/resources/app/dist/renderer/index.html';

  it('trusts only the app\'s own page', () => {
    expect(isTrustedRendererUrl(`${rendererUrl(index)}#/board`, index)).toBe(true);
    expect(isTrustedRendererUrl('file:///etc/passwd', index)).toBe(false);
    expect(isTrustedRendererUrl('https://example.org/dist/renderer/index.html', index)).toBe(false);
    expect(isTrustedRendererUrl('not a url', index)).toBe(false);
  });

  it('runs the renderer isolated and sandboxed', () => {
    expect(WEB_PREFERENCES).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
  });
});
