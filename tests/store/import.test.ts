import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeStore, openStore, type Db } from '../../db/connection';
import { generateDemo } from '../../db/demo/generate';
import { importExtract } from '../../db/import';
import { createService } from '../../db/service';
import type { ImportError } from '../../shared/import';
import { systemContext } from '../../shared/api/define';

const REPO = resolve(import.meta.dirname, '../..');
const FIXTURES = join(REPO, 'tests/fixtures/import');
const NOW = new Date('2026-11-23T10:00:00Z');
const HEADER = 'sagsnummer;borger_ref;borger_initialer;team;sagsbehandler;sagstype;paragraf;modtaget;ydelse;leverandoer;leverandoertype;takst;takstenhed;omfang;start;slut;naeste_opfoelgning';

let template = '';
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'flowtavle-import-'));
  template = join(dir, 'template.db');
  const db = openStore(template);
  generateDemo(db, { seed: 3, today: '2026-11-23' });
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}, 120_000);

function freshStore(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'flowtavle-import-')), 'flowtavle.db');
  copyFileSync(template, path);
  return path;
}

/** The store's bytes: main file and WAL (closing first checkpoints the WAL into the file). */
function storeHash(path: string): string {
  const hash = createHash('sha256').update(readFileSync(path));
  if (existsSync(`${path}-wal`)) hash.update(readFileSync(`${path}-wal`));
  return hash.digest('hex');
}

function withService<T>(path: string, work: (service: ReturnType<typeof createService>, db: Db) => T): T {
  const db = openStore(path);
  try {
    return work(createService(db, { now: () => NOW, onInternalError: (e) => { throw e; } }), db);
  } finally {
    // A plain close: closeStore's PRAGMA optimize could itself write statistics.
    db.close();
  }
}

const personWith = (db: Db, role: string) => (db.prepare('SELECT id FROM people WHERE role = ? ORDER BY id LIMIT 1').get(role) as { id: number }).id;
const count = (db: Db, sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n;
const b64 = (file: string) => readFileSync(file).toString('base64');

const MALFORMED: Record<string, { row: number; column: string; reason: RegExp }> = {
  'cpr-kolonne.csv': { row: 3, column: 'id', reason: /indeholde et CPR-nummer/ },
  'cpr-under-andet-navn.csv': { row: 2, column: 'borger_ref', reason: /CPR-numre/ },
  'ugyldig-dato.csv': { row: 2, column: 'modtaget', reason: /ikke en gyldig dato/ },
  'ugyldigt-tal.csv': { row: 2, column: 'takst', reason: /ikke et tal/ },
  'mangler-kolonne.csv': { row: 1, column: 'modtaget', reason: /mangler kolonnen "modtaget"/ },
  'forkert-antal-felter.csv': { row: 2, column: '', reason: /18 felter, men overskriften har 17/ },
  'uafsluttet-anfoerselstegn.csv': { row: 1, column: '', reason: /anførselstegn/ },
  'tom.csv': { row: 1, column: '', reason: /tom/ },
  'kun-overskrift.csv': { row: 2, column: '', reason: /ingen rækker/ },
  'ukendt-sagstype.csv': { row: 2, column: 'sagstype', reason: /Ukendt sagstype/ },
  'ukendt-takstenhed.csv': { row: 2, column: 'takstenhed', reason: /Ukendt takstenhed/ },
  'slut-foer-start.csv': { row: 2, column: 'slut', reason: /før startdatoen/ },
  'modstridende-sag.csv': { row: 3, column: 'sagsnummer', reason: /række 2 med andre oplysninger/ },
  'negativ-takst.csv': { row: 2, column: 'takst', reason: /negativ/ },
};

describe('import of malformed files', () => {
  it('covers every malformed fixture', () => {
    expect(readdirSync(join(FIXTURES, 'malformed')).sort()).toEqual(Object.keys(MALFORMED).sort());
  });

  it.each(Object.entries(MALFORMED))('%s gives its error and leaves the store byte-for-byte unchanged', (file, expected) => {
    const path = freshStore();
    const before = storeHash(path);
    const envelope = withService(path, (service, db) =>
      service.dispatch('runImport', { fileName: file, contentBase64: b64(join(FIXTURES, 'malformed', file)) || 'AA==' }, service.as(personWith(db, 'department_head'))),
    );
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    if (file === 'tom.csv') {
      // An empty file never reaches the parser over the API: zod refuses the empty content first.
      expect(envelope.error.code).toBe('invalid_input');
    } else {
      expect(envelope.error.code).toBe('invalid_input');
      expect(envelope.error.message).toMatch(/Intet er ændret/);
      const errors = (envelope.error.details as { errors: ImportError[] }).errors;
      expect(errors[0]).toMatchObject({ row: expected.row, column: expected.column });
      expect(errors[0]!.reason).toMatch(expected.reason);
    }
    expect(storeHash(path)).toBe(before);
  });

  it('never shows or stores the CPR number itself', () => {
    const path = freshStore();
    withService(path, (_service, db) => {
      const outcome = importExtract(db, readFileSync(join(FIXTURES, 'malformed/cpr-kolonne.csv')), { actorId: null, now: NOW, today: '2026-11-23' });
      expect(outcome.ok).toBe(false);
      expect(JSON.stringify(outcome)).not.toContain('120385-1234');
      expect(JSON.stringify(outcome)).toContain('120385-XXXX');
    });
  });
});

describe('import of a valid extract', () => {
  it('inserts cases, grants, new teams and caseworkers with events, then a re-import changes nothing', () => {
    const path = freshStore();
    const file = join(FIXTURES, 'datatraek.csv');
    withService(path, (service, db) => {
      const importer = personWith(db, 'department_head');
      const casesBefore = count(db, 'SELECT COUNT(*) AS n FROM cases');
      const first = service.dispatch('runImport', { fileName: 'datatraek.csv', contentBase64: b64(file) }, service.as(importer));
      expect(first).toMatchObject({ ok: true, value: { inserted: 4, updated: 0, unchanged: 0, rows: 5, cases: 4, grants: 3, newTeams: ['Team Rehabilitering'] } });
      expect(count(db, 'SELECT COUNT(*) AS n FROM cases')).toBe(casesBefore + 4);

      const c2 = db.prepare(
        `SELECT c.*, z.initials, t.name AS team, p.name AS assignee, b.kind AS column_kind, b.position
         FROM cases c JOIN citizens z ON z.id = c.citizen_id JOIN teams t ON t.id = c.team_id
         LEFT JOIN people p ON p.id = c.assignee_id JOIN board_columns b ON b.id = c.column_id WHERE case_number = 'IMP-2026-0002'`,
      ).get() as Record<string, unknown>;
      // § 85: 8 weeks from 15.10.2026.
      expect(c2).toMatchObject({ kind: 'follow_up', paragraph: '85', received_date: '2026-10-15', legal_deadline: '2026-12-10', team: 'Team Bostøtte', assignee: 'Mette Kjær Import', column_kind: 'queue', position: 1, initials: 'CD' });
      const grants = db.prepare('SELECT takst, takst_unit, quantity, start_date, end_date, next_follow_up FROM grants WHERE case_id = ? ORDER BY start_date').all(c2.id);
      expect(grants).toEqual([
        { takst: 512.5, takst_unit: 'hour', quantity: 7.5, start_date: '2026-01-01', end_date: null, next_follow_up: '2027-02-01' },
        { takst: 1250, takst_unit: 'week', quantity: 1, start_date: '2026-03-01', end_date: '2026-08-31', next_follow_up: null },
      ]);
      // § 12 has no legal deadline; § 107 has 12 weeks.
      expect(db.prepare(`SELECT legal_deadline FROM cases WHERE case_number = 'IMP-2026-0004'`).get()).toEqual({ legal_deadline: null });
      expect(db.prepare(`SELECT legal_deadline FROM cases WHERE case_number = 'IMP-2026-0003'`).get()).toEqual({ legal_deadline: '2027-02-12' });
      // The new team has the default columns, and each new case a 'created' event by the importer.
      expect(db.prepare(`SELECT b.name FROM board_columns b JOIN teams t ON t.id = b.team_id WHERE t.name = 'Team Rehabilitering' ORDER BY position`).all().map((r) => (r as { name: string }).name))
        .toEqual(['Indkommet', 'Klar til sagsbehandling', 'Udredning', 'Afventer oplysninger', 'Afgørelse', 'Afsluttet']);
      expect(count(db, `SELECT COUNT(*) AS n FROM events e JOIN cases c ON c.id = e.case_id WHERE c.case_number LIKE 'IMP-%' AND e.type = 'created' AND e.actor_id = ?`, importer)).toBe(4);
      db.pragma('wal_checkpoint(TRUNCATE)');
    });

    const before = storeHash(path);
    withService(path, (service, db) => {
      const again = service.dispatch('runImport', { fileName: 'datatraek.csv', contentBase64: b64(file) }, service.as(personWith(db, 'department_head')));
      expect(again).toMatchObject({ ok: true, value: { inserted: 0, updated: 0, unchanged: 4 } });
    });
    expect(storeHash(path)).toBe(before);
  });

  it('updates by case number: a changed takst and a new caseworker update the case and log it', () => {
    const path = freshStore();
    const text = readFileSync(join(FIXTURES, 'datatraek.csv'), 'utf8');
    withService(path, (_service, db) => {
      const options = { actorId: personWith(db, 'secretariat'), now: NOW, today: '2026-11-23' };
      expect(importExtract(db, Buffer.from(text), options)).toMatchObject({ ok: true });
      const changed = text.replace('512,50;time;7,5', '530,00;time;7,5').replace('IMP-2026-0003;X9000003;EF;Team Rehabilitering;Ole Nyborg', 'IMP-2026-0003;X9000003;EF;Team Rehabilitering;Ida Vang');
      const outcome = importExtract(db, Buffer.from(changed), options);
      expect(outcome).toMatchObject({ ok: true, summary: { inserted: 0, updated: 2, unchanged: 2, newCaseworkers: ['Ida Vang'] } });
      const id = (db.prepare(`SELECT id FROM cases WHERE case_number = 'IMP-2026-0002'`).get() as { id: number }).id;
      expect(db.prepare('SELECT takst FROM grants WHERE case_id = ? AND takst_unit = ?').get(id, 'hour')).toEqual({ takst: 530 });
      expect(db.prepare(`SELECT type, from_value, to_value FROM events WHERE case_id = ? AND type = 'grant_changed'`).get(id)).toMatchObject({
        from_value: expect.stringContaining('512,50 kr./time') as unknown, to_value: expect.stringContaining('530,00 kr./time') as unknown,
      });
    });
  });

  it('takes the legal deadline from the processing times the leaders have set', () => {
    const path = freshStore();
    withService(path, (_service, db) => {
      db.prepare(`INSERT OR REPLACE INTO processing_times (paragraph, processing_weeks) VALUES ('107', 4)`).run();
      const outcome = importExtract(db, readFileSync(join(FIXTURES, 'datatraek.csv')), { actorId: null, now: NOW, today: '2026-11-23' });
      expect(outcome.ok).toBe(true);
      // Received 20.11.2026 + 4 weeks.
      expect(db.prepare(`SELECT legal_deadline FROM cases WHERE case_number = 'IMP-2026-0003'`).get()).toEqual({ legal_deadline: '2026-12-18' });
    });
  });

  it('reads Windows-1252 and comma-separated UTF-8 with BOM alike', () => {
    for (const file of ['windows-1252.csv', 'utf8-bom-komma.csv']) {
      const path = freshStore();
      withService(path, (_service, db) => {
        const outcome = importExtract(db, readFileSync(join(FIXTURES, file)), { actorId: null, now: NOW, today: '2026-11-23' });
        expect(outcome).toMatchObject({ ok: true, summary: { inserted: 1, encoding: file.startsWith('windows') ? 'windows-1252' : 'utf-8' } });
        expect(db.prepare(`SELECT z.initials, p.name, g.takst, g.provider FROM cases c JOIN citizens z ON z.id = c.citizen_id
          JOIN people p ON p.id = c.assignee_id JOIN grants g ON g.case_id = c.id WHERE c.case_number = 'FX-1'`).get())
          .toEqual({ initials: 'ÆØ', name: 'Søren Ærø', takst: 498.75, provider: 'Bostøtten Nørresundby (intern)' });
      });
    }
  });

  it('imports with a column mapping and saves it as a profile', () => {
    const path = freshStore();
    const mapping = JSON.parse(readFileSync(join(FIXTURES, 'kommune-mapping.json'), 'utf8')) as Record<string, string>;
    withService(path, (service, db) => {
      const importer = personWith(db, 'department_head');
      const file = b64(join(FIXTURES, 'kommune-udtraek.csv'));
      const without = service.dispatch('previewImport', { fileName: 'x.csv', contentBase64: file }, service.as(importer));
      expect(without).toMatchObject({ ok: true, value: { ok: false } });
      const preview = service.dispatch('previewImport', { fileName: 'x.csv', contentBase64: file, mapping }, service.as(importer));
      expect(preview).toMatchObject({ ok: true, value: { ok: true, rows: 2, result: { inserted: 2 }, columns: { sagsnummer: 'Sagsnr.', omfang: 'Timer pr. uge' } } });
      expect(count(db, `SELECT COUNT(*) AS n FROM cases WHERE case_number LIKE 'FX-%'`)).toBe(0);
      expect(service.dispatch('runImport', { fileName: 'x.csv', contentBase64: file, mapping }, service.as(importer))).toMatchObject({ ok: true, value: { inserted: 2 } });
      const saved = service.dispatch('saveImportProfile', { name: 'Kommunens udtræk', mapping }, service.as(importer));
      expect(saved).toMatchObject({ ok: true, value: { name: 'Kommunens udtræk', mapping } });
      expect(service.dispatch('listImportProfiles', {}, systemContext())).toMatchObject({ ok: true, value: [{ name: 'Kommunens udtræk' }] });
    });
  });

  it('lets only the department head and administrators import: the extract covers every team', () => {
    const path = freshStore();
    withService(path, (service, db) => {
      const cases = count(db, 'SELECT COUNT(*) AS n FROM cases');
      const events = count(db, 'SELECT COUNT(*) AS n FROM events');
      for (const role of ['caseworker', 'leader']) {
        const result = service.dispatch('runImport', { fileName: 'd.csv', contentBase64: b64(join(FIXTURES, 'datatraek.csv')) }, service.as(personWith(db, role)));
        expect(result, role).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
      // Nothing imported; the refusals are in the audit log, and nothing else is.
      expect(count(db, 'SELECT COUNT(*) AS n FROM cases')).toBe(cases);
      expect(count(db, 'SELECT COUNT(*) AS n FROM events')).toBe(events + 2);
      expect(count(db, `SELECT COUNT(*) AS n FROM events WHERE type = 'call_refused' AND to_value = 'runImport'`)).toBe(2);
    });
  });
});

function bigExtract(rows: number): string {
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) {
    const team = `Team Stor ${i % 5}`;
    const grant = i % 3 === 0 ? ';;;;;;;;;' : `;Socialpædagogisk støtte;Leverandør ${i % 40};${i % 2 ? 'intern' : 'ekstern'};${(400 + (i % 200)).toLocaleString('da-DK')},50;time;${(i % 15) + 1};01-0${(i % 9) + 1}-2026;;01.0${(i % 9) + 1}.2027`;
    lines.push(`BIG-${i};R${Math.floor(i / 2)};AB;${team};Rådgiver ${i % 60};${i % 4 ? 'opfoelgning' : 'ansoegning'};85;${String((i % 28) + 1).padStart(2, '0')}.10.2026${grant}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('a large import', () => {
  // How fast is npm run bench's figure ("import of a 64,000-row CSV", target < 10 s), not a timed
  // test: on a shared 2-core machine a time limit here measures the neighbours.
  it('imports 64,000 rows in one go, and a re-import of the same rows changes none of them', () => {
    const path = freshStore();
    const text = Buffer.from(bigExtract(64_000));
    withService(path, (_service, db) => {
      const first = importExtract(db, text, { actorId: null, now: NOW, today: '2026-11-23' });
      expect(first).toMatchObject({ ok: true, summary: { inserted: 64_000, rows: 64_000 } });
      expect(count(db, `SELECT COUNT(*) AS n FROM cases WHERE case_number LIKE 'BIG-%'`)).toBe(64_000);
      const again = importExtract(db, text, { actorId: null, now: NOW, today: '2026-11-23' });
      expect(again).toMatchObject({ ok: true, summary: { unchanged: 64_000, inserted: 0, updated: 0 } });
    });
  }, 180_000);

  it('survives SIGKILL in the middle of the import: the store is intact and unchanged', async () => {
    const path = freshStore();
    const before = withService(path, (_s, db) => count(db, 'SELECT COUNT(*) AS n FROM cases'));
    const extract = join(mkdtempSync(join(tmpdir(), 'flowtavle-kill-')), 'stor.csv');
    writeFileSync(extract, bigExtract(64_000));
    // node itself, not the tsx wrapper: SIGKILL must hit the process that writes.
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'electron/cli/main.ts'), 'import', extract, '--db', path, '--json'], { cwd: REPO, stdio: 'ignore' });
    // Kill once the import's transaction has spilled pages into the WAL: mid-write, not before or after.
    const killedMidWrite = await new Promise<boolean>((done) => {
      const timer = setInterval(() => {
        const wal = `${path}-wal`;
        if (existsSync(wal) && statSync(wal).size > 256 * 1024) {
          clearInterval(timer);
          child.kill('SIGKILL');
          done(true);
        }
      }, 5);
      child.on('exit', () => {
        clearInterval(timer);
        done(false);
      });
    });
    await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r)));
    expect(killedMidWrite).toBe(true);
    expect(child.signalCode).toBe('SIGKILL');
    const db = openStore(path);
    try {
      expect(db.pragma('quick_check', { simple: true })).toBe('ok');
      expect(count(db, 'SELECT COUNT(*) AS n FROM cases')).toBe(before);
      expect(count(db, `SELECT COUNT(*) AS n FROM cases WHERE case_number LIKE 'BIG-%'`)).toBe(0);
    } finally {
      closeStore(db);
    }
  }, 90_000);
});

describe('the CLI import', () => {
  const cli = (args: string[]) =>
    new Promise<{ code: number; stdout: string }>((done) => {
      const child = spawn(join(REPO, 'node_modules/.bin/tsx'), [join(REPO, 'electron/cli/main.ts'), ...args], { cwd: REPO });
      let stdout = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.on('close', (code) => done({ code: code ?? -1, stdout }));
    });

  it('prints counts as JSON, errors as JSON with a non-zero exit, and honours --dry-run and --mapping', async () => {
    const path = freshStore();
    const dry = await cli(['import', join(FIXTURES, 'datatraek.csv'), '--db', path, '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toEqual({ inserted: 4, updated: 0, unchanged: 0 });
    const bad = await cli(['import', join(FIXTURES, 'malformed/ugyldig-dato.csv'), '--db', path, '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toEqual({
      errors: [{ row: 2, column: 'modtaget', value: '32.10.2026', reason: 'Modtagelsesdatoen er ikke en gyldig dato. Brug fx 23-11-2026, 23.11.2026 eller 2026-11-23.' }],
    });
    const mapped = await cli(['import', join(FIXTURES, 'kommune-udtraek.csv'), '--db', path, '--mapping', join(FIXTURES, 'kommune-mapping.json'), '--json']);
    expect(JSON.parse(mapped.stdout)).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    withService(path, (_s, db) => expect(count(db, `SELECT COUNT(*) AS n FROM cases WHERE case_number LIKE 'IMP-%'`)).toBe(0));
  }, 60_000);

  it('lets --actor import only as the contract lets them (runImport: department head, administrator)', async () => {
    const path = freshStore();
    const [leader, head] = withService(path, (_s, db) => [
      (db.prepare(`SELECT id FROM people WHERE role = 'leader' ORDER BY id LIMIT 1`).get() as { id: number }).id,
      (db.prepare(`SELECT id FROM people WHERE role = 'department_head' ORDER BY id LIMIT 1`).get() as { id: number }).id,
    ]);
    const cases = () => withService(path, (_s, db) => count(db, 'SELECT COUNT(*) AS n FROM cases'));
    const before = cases();
    const refused = await cli(['import', join(FIXTURES, 'datatraek.csv'), '--db', path, '--actor', String(leader), '--json']);
    expect(refused.code).toBe(2);
    expect(cases()).toBe(before);
    const imported = await cli(['import', join(FIXTURES, 'datatraek.csv'), '--db', path, '--actor', String(head), '--json']);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toEqual({ inserted: 4, updated: 0, unchanged: 0 });
    expect(cases()).toBe(before + 4);
  }, 60_000);
});
