// A full disk says so in Danish ("Disken er fuld …") instead of "an unexpected error": through the
// dispatcher (every host: HTTP answers 507, IPC and the CLI show the message) and for real, when
// SQLite itself runs out of room (max_page_count makes the store full without filling the disk).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeStore, openStore } from '../../db/connection';
import { createService } from '../../db/service';
import { createTeam } from '../../db/teams';
import { initEmptyWorkspace } from '../../db/workspace';
import { systemContext } from '../../shared/api/define';
import { createDispatcher, type Handlers } from '../../shared/api/dispatch';
import { DISK_FULL_MESSAGE } from '../../shared/faults';

describe('a full disk', () => {
  it('is answered as disk_full with the Danish message when a handler meets SQLITE_FULL', () => {
    const reported: string[] = [];
    const handlers = {
      listTeams: () => {
        throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      },
    } as unknown as Handlers;
    const dispatch = createDispatcher(handlers, {
      runWrite: (work) => work(), resolveTeam: () => null, onInternalError: (_e, method) => reported.push(method),
    });
    expect(dispatch('listTeams', {}, systemContext())).toEqual({ ok: false, error: { code: 'disk_full', message: DISK_FULL_MESSAGE } });
    expect(DISK_FULL_MESSAGE).toMatch(/^Disken er fuld/);
    expect(reported).toEqual(['listTeams']);
  });

  it('is said when the store really runs out of pages, and the write is rolled back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowtavle-full-'));
    const db = openStore(join(dir, 'flowtavle.db'));
    initEmptyWorkspace(db, 'Testafdeling');
    createTeam(db, { name: 'Team A', actorId: null, at: '2026-11-23T08:00:00.000Z' });
    const service = createService(db);
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    // Columns until the store has no page left for the next one.
    let result = service.dispatch('addColumn', { teamId: 1, name: 'Kolonne 0', kind: 'active' }, systemContext());
    let added = 0;
    while (result.ok && added < 2_000) {
      added++;
      result = service.dispatch('addColumn', { teamId: 1, name: `Kolonne ${added} ${'x'.repeat(40)}`, kind: 'active' }, systemContext());
    }
    expect(result).toEqual({ ok: false, error: { code: 'disk_full', message: DISK_FULL_MESSAGE } });
    const columns = (db.prepare('SELECT COUNT(*) AS n FROM board_columns').get() as { n: number }).n;
    db.pragma(`max_page_count = ${pages * 100}`);
    // Nothing of the refused write is left: neither the column nor its event.
    expect((db.prepare('SELECT COUNT(*) AS n FROM board_columns').get() as { n: number }).n).toBe(columns);
    expect((db.prepare("SELECT COUNT(*) AS n FROM events WHERE type = 'column_added'").get() as { n: number }).n).toBe(added);
    closeStore(db);
    rmSync(dir, { recursive: true, force: true });
  });
});
