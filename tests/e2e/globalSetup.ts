// One demo department for the whole e2e run; each test file serves its own copy of it.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeStore } from '../../db/connection';
import { openWorkspace } from '../../db/workspace';
import { REPO } from '../support/server';

export default function setup(): () => void {
  const renderer = process.env.FLOWTAVLE_RENDERER_DIST ?? join(REPO, 'dist', 'renderer');
  if (!existsSync(join(renderer, 'index.html'))) {
    throw new Error('Build the renderer first: npm run build:renderer (npm test does it for you)');
  }
  const dir = mkdtempSync(join(tmpdir(), 'flowtavle-e2e-'));
  const template = join(dir, 'demo-template.db');
  const { db } = openWorkspace(template, { demo: { seed: 1 } });
  db.pragma('wal_checkpoint(TRUNCATE)');
  closeStore(db);
  process.env.FLOWTAVLE_DEMO_TEMPLATE = template;
  return () => rmSync(dir, { recursive: true, force: true });
}
