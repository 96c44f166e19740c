// Opening the user's store: create it on first use (the demo department, or an empty workspace),
// otherwise open and migrate it.
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { closeStore, openStore, type Db, type OpenOptions } from './connection';
import { generateDemo, type DemoOptions } from './demo/generate';

export const APP_FOLDER = 'Flowtavle';
export const STORE_FILE = 'flowtavle.db';

/** The per-user data folder Electron's app.getPath('userData') gives for "Flowtavle". */
export function defaultDataFolder(): string {
  const home = homedir();
  switch (process.platform) {
    case 'win32':
      return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER);
    case 'darwin':
      return join(home, 'Library', 'Application Support', APP_FOLDER);
    default:
      return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_FOLDER);
  }
}

export function defaultStorePath(): string {
  return join(defaultDataFolder(), STORE_FILE);
}

export interface WorkspaceOptions extends OpenOptions {
  /** Start a new store empty instead of with the demo department. */
  empty?: boolean;
  demo?: DemoOptions;
}

export function initEmptyWorkspace(db: Db, departmentName = 'Min afdeling'): void {
  const put = db.prepare('INSERT OR REPLACE INTO workspace (key, value) VALUES (?, ?)');
  db.transaction(() => {
    put.run('department_name', departmentName);
    put.run('is_demo', '0');
    put.run('created_at', new Date().toISOString());
  })();
}

/** Opens the store at `path`, creating it (demo or empty) when it does not exist yet. */
export function openWorkspace(path: string, options: WorkspaceOptions = {}): { db: Db; created: boolean } {
  const created = !existsSync(path);
  if (created) mkdirSync(dirname(path), { recursive: true });
  const db = openStore(path, options);
  if (created) {
    try {
      if (options.empty) initEmptyWorkspace(db);
      else generateDemo(db, options.demo);
    } catch (error) {
      closeStore(db);
      throw error;
    }
  }
  return { db, created };
}
