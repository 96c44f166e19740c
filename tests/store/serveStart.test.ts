// `serve` on a broken store: it must refuse to start, explain, and name the snapshot to restore.
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSnapshot } from '../../db/backup';
import { closeStore } from '../../db/connection';
import { openWorkspace } from '../../db/workspace';
import { runCli, tempDir } from '../support/server';

describe('serve at start', () => {
  it('refuses a store that fails quick_check and offers the newest good snapshot', async () => {
    const path = join(tempDir(), 'flowtavle.db');
    const { db } = openWorkspace(path, { demo: { today: '2026-11-23' } });
    const snapshot = await createSnapshot(db, { reason: 'manual' });
    db.pragma('wal_checkpoint(TRUNCATE)');
    closeStore(db);
    const size = statSync(path).size;
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(size - 4096, 0x5a), 0, size - 4096, 4096);
    closeSync(fd);

    const result = await runCli(['serve', '--db', path, '--port', '0']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('er beskadiget');
    expect(result.stderr).toContain(`--snapshot ${snapshot.file}`);
    expect(result.stdout).not.toContain('Flowtavle kører på');
  });
});
