// The wall screen from the desktop app: a kiosk window on the display the team chooses (usually
// the TV on the second output), showing standup mode. Same hardening as the main window.
import { BrowserWindow, screen, shell, type MenuItemConstructorOptions } from 'electron';
import { isAllowedRemoteUrl } from './connection';
import { guardContents, isTrustedRendererUrl, rendererUrl, webPreferencesFor } from './security';

/**
 * The kiosk's own cookie jar. Showing a remote host, the TV pairs through that host's /auth/pair
 * like a browser TV; with the main window's cookies it would inherit the signed-in person's session.
 */
export const WALL_PARTITION = 'persist:flowtavle-wall';

export interface WallDisplay {
  id: number;
  /** "Skærm 2 – 1920 × 1080". */
  label: string;
  primary: boolean;
  bounds: { x: number; y: number; width: number; height: number };
}

export interface WallWindowOptions {
  preload: string;
  /** `app.isPackaged`; absent counts as packaged, so a forgotten flag never opens developer tools. */
  packaged?: boolean;
  /** The display to fill; absent: the first that is not the primary one, else the primary. */
  displayId?: number;
  /** The team shown; absent: the team chosen in the app. */
  teamId?: number;
  /** The host the app is connected to (an origin): its standup page, without the preload bridge. */
  remoteOrigin?: string | null;
}

let wallWindow: BrowserWindow | null = null;

export function wallDisplays(): WallDisplay[] {
  const primaryId = screen.getPrimaryDisplay().id;
  return screen.getAllDisplays().map((d, i) => ({
    id: d.id,
    label: `Skærm ${i + 1} – ${Math.round(d.size.width * d.scaleFactor)} × ${Math.round(d.size.height * d.scaleFactor)}${d.id === primaryId ? ' (denne skærm)' : ''}`,
    primary: d.id === primaryId,
    bounds: d.bounds,
  }));
}

/** The wanted display when it is connected; otherwise a secondary one (the TV), else the primary. */
export function chooseWallDisplay(displays: readonly WallDisplay[], wantedId?: number): WallDisplay | null {
  return displays.find((d) => d.id === wantedId) ?? displays.find((d) => !d.primary) ?? displays[0] ?? null;
}

export function standupUrl(teamId?: number, remoteOrigin?: string | null): string {
  const route = `#/standup${teamId ? `?team=${teamId}` : ''}`;
  return remoteOrigin ? `${remoteOrigin}/${route}` : rendererUrl(route);
}

/** Opens (or moves) the kiosk window showing standup mode; returns it. */
export function openWallWindow(options: WallWindowOptions): BrowserWindow {
  const display = chooseWallDisplay(wallDisplays(), options.displayId);
  if (!display) throw new Error('Ingen skærm fundet');
  if (wallWindow && !wallWindow.isDestroyed()) wallWindow.close();
  const packaged = options.packaged ?? true;
  const window = new BrowserWindow({
    ...display.bounds,
    kiosk: true,
    fullscreen: true,
    frame: false,
    autoHideMenuBar: true,
    title: 'Flowtavle – standup',
    backgroundColor: '#0b1220',
    webPreferences: options.remoteOrigin
      ? webPreferencesFor({ packaged, partition: WALL_PARTITION })
      : webPreferencesFor({ packaged, preload: options.preload }),
  });
  const contents = window.webContents;
  const remote = options.remoteOrigin ?? null;
  guardContents(contents, {
    allowed: (url) => (remote ? isAllowedRemoteUrl(url, remote) : isTrustedRendererUrl(url)),
    packaged,
    shell,
  });
  // A wall screen must not sleep into a screensaver-looking blank page or lose its place on reload.
  contents.on('render-process-gone', () => {
    if (!window.isDestroyed()) void window.loadURL(standupUrl(options.teamId, remote));
  });
  void window.loadURL(standupUrl(options.teamId, remote));
  window.on('closed', () => {
    if (wallWindow === window) wallWindow = null;
  });
  wallWindow = window;
  return window;
}

/** The kiosk's page: electron/main/session.ts pairs it as a device, never with a person's session. */
export function isWallWindowContents(contents: { id: number }): boolean {
  return wallWindow !== null && !wallWindow.isDestroyed() && wallWindow.webContents.id === contents.id;
}

export function closeWallWindow(): void {
  if (wallWindow && !wallWindow.isDestroyed()) wallWindow.close();
  wallWindow = null;
}

/** The "Vægskærm" menu: one item per connected display, and one to close the wall window. */
export function wallMenu(options: Omit<WallWindowOptions, 'displayId'>): MenuItemConstructorOptions {
  return {
    label: 'Vægskærm',
    submenu: [
      ...wallDisplays().map((d): MenuItemConstructorOptions => ({
        label: `Vis standup på ${d.label}`,
        click: () => openWallWindow({ ...options, displayId: d.id }),
      })),
      { type: 'separator' },
      { label: 'Luk vægskærmen', accelerator: 'CmdOrCtrl+Shift+W', click: () => closeWallWindow() },
    ],
  };
}
