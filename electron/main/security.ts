// All of the Electron hardening in one place (as Actual keeps trusted-url.ts): what the window
// may load, which frames may call the API, which links may leave the app, whether developer
// tools exist, which permissions are granted (none). main.ts and wall.ts only apply it.
import type { MenuItemConstructorOptions } from 'electron';
import { appPageUrl, isAppPageUrl } from './protocol';

/** The renderer is only ever the app's own page, app://flowtavle/index.html (see protocol.ts). */
export function rendererUrl(route = ''): string {
  return appPageUrl(route);
}

/** True for the app's own page (any hash or query), false for everything else, file:// included. */
export function isTrustedRendererUrl(candidate: string): boolean {
  return isAppPageUrl(candidate);
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

export interface WindowKind {
  /** `app.isPackaged`: an installed build has no developer tools at all. */
  packaged: boolean;
  /** The bridge, for the app's own page only; a connected host's page never gets it. */
  preload?: string;
  /** A cookie jar of its own (the wall kiosk showing a host). */
  partition?: string;
}

/** webPreferences for every window the app opens. */
export function webPreferencesFor(kind: WindowKind): Record<string, unknown> {
  return {
    ...WEB_PREFERENCES,
    devTools: !kind.packaged,
    ...(kind.preload ? { preload: kind.preload } : {}),
    ...(kind.partition ? { partition: kind.partition } : {}),
  };
}

/**
 * Hosts whose https pages a link in the app may open in the user's browser — the one list. Empty:
 * the app links nowhere outside itself today. A municipality that wants its help pages reachable
 * adds their host here (e.g. 'hjaelp.kommune.dk') and builds; nothing at run time can widen it.
 */
export const EXTERNAL_LINK_HOSTS: readonly string[] = [];

export type ExternalLinkVerdict = { allowed: true; url: string } | { allowed: false; reason: string };

/** https, no credentials in the URL, and a host on the list (exactly; no subdomains by implication). */
export function judgeExternalLink(candidate: string, hosts: readonly string[] = EXTERNAL_LINK_HOSTS): ExternalLinkVerdict {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { allowed: false, reason: 'ikke en adresse' };
  }
  if (url.protocol !== 'https:') return { allowed: false, reason: `kun https (ikke ${url.protocol})` };
  if (url.username || url.password) return { allowed: false, reason: 'adressen indeholder brugernavn eller adgangskode' };
  const host = url.hostname.toLowerCase();
  if (!hosts.some((h) => h.toLowerCase() === host)) return { allowed: false, reason: `${host} er ikke på listen over tilladte adresser` };
  return { allowed: true, url: url.href };
}

export interface LinkOpener {
  openExternal(url: string): Promise<void> | void;
}

/** Opens an allowed link in the user's browser; anything else is refused and logged (origin only). */
export function openExternalLink(
  shell: LinkOpener,
  candidate: string,
  options: { hosts?: readonly string[]; log?: (message: string) => void } = {},
): boolean {
  const verdict = judgeExternalLink(candidate, options.hosts);
  if (!verdict.allowed) {
    // Only scheme and host are logged: a path or query could carry a citizen's reference.
    const shown = (() => {
      try {
        const url = new URL(candidate);
        return url.host ? `${url.protocol}//${url.host}` : url.protocol;
      } catch {
        return '(ugyldig adresse)';
      }
    })();
    (options.log ?? console.warn)(`Flowtavle: link til ${shown} blev ikke åbnet: ${verdict.reason}.`);
    return false;
  }
  void Promise.resolve(shell.openExternal(verdict.url)).catch(() => undefined);
  return true;
}

/** What the hardening needs of a webContents (Electron's satisfies it; tests pass a stand-in). */
export interface GuardedContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: { preventDefault(): void }, url: string) => void): unknown;
  on(event: 'devtools-opened', listener: () => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  closeDevTools(): void;
}

/**
 * One window's guards: it navigates (or is redirected) only where `allowed` says, never opens a
 * window of its own (links out go through the allow-list to the user's browser), and in a
 * packaged build closes developer tools the moment anything opens them.
 */
export function guardContents(
  contents: GuardedContents,
  options: { allowed(url: string): boolean; packaged: boolean; shell: LinkOpener; log?: (message: string) => void },
): void {
  const stopUnlessAllowed = (event: { preventDefault(): void }, url: string) => {
    if (!options.allowed(url)) event.preventDefault();
  };
  contents.on('will-navigate', stopUnlessAllowed);
  // A host's redirect to another origin (a single sign-on provider) is stopped the same way.
  contents.on('will-redirect', stopUnlessAllowed);
  contents.setWindowOpenHandler(({ url }) => {
    openExternalLink(options.shell, url, options.log ? { log: options.log } : {});
    return { action: 'deny' };
  });
  if (options.packaged) {
    contents.on('devtools-opened', () => contents.closeDevTools());
  }
}

/** The "Vis" menu; the developer-tools item exists only outside a packaged build. */
export function viewMenuItems(packaged: boolean): MenuItemConstructorOptions[] {
  return [
    { role: 'reload', label: 'Genindlæs' },
    { role: 'togglefullscreen', label: 'Fuld skærm' },
    { role: 'zoomIn', label: 'Zoom ind' },
    { role: 'zoomOut', label: 'Zoom ud' },
    { role: 'resetZoom', label: 'Nulstil zoom' },
    ...(packaged ? [] : [{ type: 'separator' } as const, { role: 'toggleDevTools', label: 'Udviklerværktøjer' } as const]),
  ];
}
