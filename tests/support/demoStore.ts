// The demo department generated into a store of its own, for the store tests that check figures
// against it; each test file gets its own folder so files can run side by side.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeStore, openStore, type Db } from '../../db/connection';
import { generateDemo } from '../../db/demo/generate';
import { createService, type Service } from '../../db/service';
import type { CallContext } from '../../shared/api/define';

export interface DemoStore {
  path: string;
  db: Db;
  service: Service;
  close(): void;
}

/** Seed 1 on `today`, with the service's clock stopped at 10:00 UTC that day. */
export function openDemoStore(prefix: string, today: string): DemoStore {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const path = join(dir, 'demo.db');
  const db = openStore(path);
  generateDemo(db, { seed: 1, today });
  const service = createService(db, { now: () => new Date(`${today}T10:00:00Z`) });
  return {
    path, db, service,
    close: () => {
      closeStore(db);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The department head (visitationschef): reads every team, keeps the department's settings. */
export function departmentHead({ db, service }: Pick<DemoStore, 'db' | 'service'>): CallContext {
  return service.as((db.prepare("SELECT id FROM people WHERE role = 'department_head' ORDER BY id LIMIT 1").get() as { id: number }).id);
}
