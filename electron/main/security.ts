// All of the Electron hardening in one place (as Actual keeps trusted-url.ts): what the window
// may load, which frames may call the API, which permissions are granted (none).
import { pathToFileURL } from 'node:url';

/** The renderer is only ever loaded from the packaged index.html. */
export function rendererUrl(indexHtmlPath: string): string {
  return pathToFileURL(indexHtmlPath).href;
}

/** True for the app's own page (any hash or query), false for everything else. */
export function isTrustedRendererUrl(candidate: string, indexHtmlPath: string): boolean {
  try {
    const url = new URL(candidate);
    const own = new URL(rendererUrl(indexHtmlPath));
    return url.protocol === 'file:' && url.pathname === own.pathname;
  } catch {
    return false;
  }
}

export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  spellcheck: false,
} as const;
