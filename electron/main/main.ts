// Electron main: window, menu, single-instance lock, IPC wiring. Everything else lives in db/
// and shared/; this file only connects them to the desktop.
import { app, BrowserWindow, ipcMain, Menu, dialog, screen, session, shell, type MenuItemConstructorOptions } from 'electron';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkStoreAtStart, replaceStoreWithSnapshot, startBackupSchedule, type BackupSchedule } from '../../db/backup';
import { closeStore, StoreError, type Db } from '../../db/connection';
import { createService, type Service } from '../../db/service';
import { openWorkspace, STORE_FILE } from '../../db/workspace';
import { lanSharingMenuItem, stopLanSharing } from './lanSharing';
import { isTrustedRendererUrl, rendererUrl, WEB_PREFERENCES } from './security';
import { wallMenu } from './wall';

app.setName('Flowtavle');

const appRoot = app.getAppPath();
const INDEX_HTML = join(appRoot, 'dist', 'renderer', 'index.html');
const PRELOAD = join(appRoot, 'dist-electron', 'preload.cjs');

let db: Db | null = null;
let service: Service | null = null;
let backups: BackupSchedule | null = null;
let mainWindow: BrowserWindow | null = null;

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
  const { brokenCopy } = replaceStoreWithSnapshot(path, check.snapshot.file);
  if (brokenCopy) dialog.showMessageBoxSync({ type: 'info', message: `Den beskadigede database er gemt som ${brokenCopy}.` });
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
    { label: 'Filer', submenu: [{ role: 'quit', label: 'Afslut' }] },
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
      submenu: [
        { role: 'reload', label: 'Genindlæs' },
        { role: 'togglefullscreen', label: 'Fuld skærm' },
        { role: 'zoomIn', label: 'Zoom ind' },
        { role: 'zoomOut', label: 'Zoom ud' },
        { role: 'resetZoom', label: 'Nulstil zoom' },
        { type: 'separator' },
        { role: 'toggleDevTools', label: 'Udviklerværktøjer' },
      ],
    },
    wallMenu({ indexHtml: INDEX_HTML, preload: PRELOAD }),
    { label: 'Netværk', submenu: [lanSharingMenuItem(db!, service!, dirname(INDEX_HTML), buildMenu)] },
    {
      label: 'Hjælp',
      submenu: [{ label: 'Om Flowtavle', click: () => dialog.showMessageBox({ message: `Flowtavle ${app.getVersion()}` }) }],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1600,
    height: 960,
    minWidth: 1024,
    minHeight: 640,
    title: 'Flowtavle',
    backgroundColor: '#f3f5f8',
    show: false,
    webPreferences: { ...WEB_PREFERENCES, preload: PRELOAD },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  const contents = mainWindow.webContents;
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedRendererUrl(url, INDEX_HTML)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    // Links out (none are expected) open in the user's browser, never in an app window.
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  void mainWindow.loadURL(rendererUrl(INDEX_HTML));
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function wireIpc(): void {
  ipcMain.handle('flowtavle:call', (event, method: unknown, input: unknown, actorId: unknown) => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!isTrustedRendererUrl(frameUrl, INDEX_HTML)) {
      return { ok: false, error: { code: 'forbidden', message: 'Kaldet kom ikke fra Flowtavles eget vindue.' } };
    }
    if (typeof method !== 'string') return { ok: false, error: { code: 'unknown_method', message: 'Ukendt metode.' } };
    const actor = typeof actorId === 'number' && Number.isInteger(actorId) && actorId > 0 ? actorId : null;
    return service!.dispatch(method, input, { actorId: actor });
  });
  service!.subscribe((notice) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send('flowtavle:changed', notice);
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
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    if (!openStoreOrExplain()) {
      app.quit();
      return;
    }
    buildMenu();
    // The wall-screen menu lists the connected displays: keep it current when a TV is plugged in.
    screen.on('display-added', buildMenu);
    screen.on('display-removed', buildMenu);
    wireIpc();
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('will-quit', () => {
    void stopLanSharing();
    backups?.stop();
    if (db) closeStore(db);
    db = null;
  });
}
