// Electron main: window, menu, single-instance lock, IPC wiring. Everything else lives in db/
// and shared/; this file only connects them to the desktop.
import { app, BrowserWindow, ipcMain, Menu, dialog, net, protocol, screen, session, shell, type MenuItemConstructorOptions } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkStoreAtStart, replaceStoreWithSnapshot, startBackupSchedule, type BackupSchedule } from '../../db/backup';
import { closeStore, StoreError, type Db } from '../../db/connection';
import { createService, type Service } from '../../db/service';
import { openWorkspace, STORE_FILE } from '../../db/workspace';
import { CONNECTION_FILE, isAllowedRemoteUrl, loadConnection, loadFailureMessage, registerConnectionIpc, remoteStartUrl, useLocalStore, type ConnectionConfig } from './connection';
import { lanSharingMenuItem, stopLanSharing } from './lanSharing';
import { registerAppScheme, serveRenderer } from './protocol';
import { guardContents, isTrustedRendererUrl, rendererUrl, viewMenuItems, webPreferencesFor } from './security';
import { registerSessionIpc, type DesktopSessions } from './session';
import { isWallWindowContents, WALL_PARTITION, wallMenu } from './wall';

app.setName('Flowtavle');
// app:// must be known as a privileged scheme before `ready`; it is served once the app is ready.
registerAppScheme(protocol);

const appRoot = app.getAppPath();
const RENDERER_DIR = join(appRoot, 'dist', 'renderer');
const PACKAGED = app.isPackaged;
const PRELOAD = join(appRoot, 'dist-electron', 'preload.cjs');

let db: Db | null = null;
let service: Service | null = null;
let backups: BackupSchedule | null = null;
let mainWindow: BrowserWindow | null = null;
let sessions: DesktopSessions | null = null;
let connection: ConnectionConfig = { host: null, lastHost: null };

const connectionFile = () => join(app.getPath('userData'), CONNECTION_FILE);
const isOwnPage = (url: string) => isTrustedRendererUrl(url);
const CONNECT_ROUTE = '#/forbind';

/** better-sqlite3 built for Electron's ABI, kept beside the Node build used by the tests. */
function nativeBinding(): string | undefined {
  const fromEnv = process.env.FLOWTAVLE_NATIVE_BINDING;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const beside = join(appRoot, 'native', `electron-${process.versions.electron}`, 'better_sqlite3.node');
  return existsSync(beside) ? beside : undefined;
}

/** quick_check before opening: a broken store is never opened; the newest good snapshot is offered. */
function storeIsSound(path: string): boolean {
  const check = checkStoreAtStart(path);
  if (check.ok) return true;
  if (!check.snapshot) {
    dialog.showErrorBox('Flowtavle kan ikke starte', check.message);
    return false;
  }
  const answer = dialog.showMessageBoxSync({
    type: 'error',
    title: 'Databasen er beskadiget',
    message: check.message,
    buttons: ['Gendan sikkerhedskopien', 'Afslut'],
    defaultId: 0,
    cancelId: 1,
  });
  if (answer !== 0) return false;
  // The offer holds only this store's snapshots (or ones from before ids); an older one is said so.
  const { brokenCopy, warning } = replaceStoreWithSnapshot(path, check.snapshot.file);
  if (brokenCopy || warning) {
    dialog.showMessageBoxSync({ type: 'info', message: [brokenCopy ? `Den beskadigede database er gemt som ${brokenCopy}.` : '', warning ?? ''].filter(Boolean).join('\n\n') });
  }
  return true;
}

function openStoreOrExplain(): boolean {
  const path = process.env.FLOWTAVLE_DB ?? join(app.getPath('userData'), STORE_FILE);
  if (!storeIsSound(path)) return false;
  try {
    const binding = nativeBinding();
    const opened = openWorkspace(path, {
      empty: process.argv.includes('--empty'),
      ...(binding ? { nativeBinding: binding } : {}),
    });
    db = opened.db;
    service = createService(db);
    backups = startBackupSchedule(db, {
      onError: (error) => dialog.showErrorBox('Sikkerhedskopien mislykkedes', (error as Error).message),
    });
    return true;
  } catch (error) {
    const message = error instanceof StoreError ? error.message : `Databasen kunne ikke åbnes: ${(error as Error).message}`;
    dialog.showErrorBox('Flowtavle kan ikke starte', `${message}\n\nDatabase: ${path}`);
    return false;
  }
}

function buildMenu(): void {
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'Filer',
      submenu: [
        { label: 'Forbind til en Flowtavle-server …', click: () => openConnectionScreen() },
        {
          label: connection.host ? `Brug den lokale database (nu: ${new URL(connection.host).host})` : 'Brug den lokale database',
          enabled: connection.host !== null,
          click: () => useLocalStore({ file: connectionFile(), show: showMainWindow }),
        },
        { type: 'separator' },
        { role: 'quit', label: 'Afslut' },
      ],
    },
    {
      label: 'Redigér',
      submenu: [
        { role: 'cut', label: 'Klip' },
        { role: 'copy', label: 'Kopiér' },
        { role: 'paste', label: 'Sæt ind' },
        { role: 'selectAll', label: 'Markér alt' },
      ],
    },
    {
      label: 'Vis',
      submenu: viewMenuItems(PACKAGED),
    },
    wallMenu({ preload: PRELOAD, packaged: PACKAGED, remoteOrigin: connection.host }),
    { label: 'Netværk', submenu: [lanSharingMenuItem(db!, service!, RENDERER_DIR, buildMenu)] },
    {
      label: 'Hjælp',
      submenu: [{ label: 'Om Flowtavle', click: () => dialog.showMessageBox({ message: `Flowtavle ${app.getVersion()}` }) }],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/**
 * The main window shows either the app's own page over IPC (the local store, with the preload
 * bridge) or the connected host's page over HTTP (no bridge: main did not ship that page). The
 * navigation guard allows exactly one of the two, so the window never leaves for anywhere else.
 */
function createWindow(host: string | null, route = ''): BrowserWindow {
  const window = new BrowserWindow({
    width: 1600,
    height: 960,
    minWidth: 1024,
    minHeight: 640,
    title: 'Flowtavle',
    backgroundColor: '#f3f5f8',
    show: false,
    webPreferences: host ? webPreferencesFor({ packaged: PACKAGED }) : webPreferencesFor({ packaged: PACKAGED, preload: PRELOAD }),
  });
  window.once('ready-to-show', () => window.show());
  const contents = window.webContents;
  guardContents(contents, { allowed: (url) => (host ? isAllowedRemoteUrl(url, host) : isOwnPage(url)), packaged: PACKAGED, shell });
  if (host) {
    // The host is down or unreachable: the connection screen says so and offers the local store.
    contents.on('did-fail-load', (_event, code, description, _url, isMainFrame) => {
      if (!isMainFrame || code === -3 /* ERR_ABORTED: a navigation replaced this one */) return;
      showMainWindow(null, `${CONNECT_ROUTE}?fejl=${encodeURIComponent(loadFailureMessage(host, code, description))}`);
    });
  }
  void window.loadURL(host ? remoteStartUrl(host) : rendererUrl(route));
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  return window;
}

/** Replaces the main window (a new one first, so closing the old one does not quit the app). */
function showMainWindow(host: string | null, route = ''): void {
  connection = loadConnection(connectionFile());
  const previous = mainWindow;
  mainWindow = createWindow(host, route);
  if (previous && !previous.isDestroyed()) previous.destroy();
  buildMenu();
}

/** The local page keeps its window (and its session); a remote page is replaced by the local one. */
function openConnectionScreen(): void {
  if (mainWindow && !mainWindow.isDestroyed() && isOwnPage(mainWindow.webContents.getURL())) {
    void mainWindow.loadURL(rendererUrl(CONNECT_ROUTE));
    mainWindow.focus();
    return;
  }
  showMainWindow(null, CONNECT_ROUTE);
}

function wireIpc(): void {
  sessions = registerSessionIpc(ipcMain, service!, { isTrustedFrame: isOwnPage, isWallWindow: isWallWindowContents });
  registerConnectionIpc(ipcMain, {
    file: connectionFile(),
    isTrustedFrame: isOwnPage,
    // Chromium's network stack: the system's proxy settings and certificate store apply.
    fetch: (url, init) => net.fetch(url, init),
    show: (host) => showMainWindow(host),
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  void app.whenReady().then(() => {
    serveRenderer(protocol, RENDERER_DIR);
    for (const jar of [session.defaultSession, session.fromPartition(WALL_PARTITION)]) {
      jar.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    }
    connection = loadConnection(connectionFile());
    if (!openStoreOrExplain()) {
      app.quit();
      return;
    }
    buildMenu();
    // The wall-screen menu lists the connected displays: keep it current when a TV is plugged in.
    screen.on('display-added', buildMenu);
    screen.on('display-removed', buildMenu);
    wireIpc();
    showMainWindow(connection.host);
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) showMainWindow(connection.host);
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('will-quit', () => {
    void stopLanSharing();
    backups?.stop();
    sessions?.dispose();
    if (db) closeStore(db);
    db = null;
  });
}
