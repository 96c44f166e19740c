// The finance system's figures beside ours on a real store (issue 16, item 8): the demo's
// bookings, the comparison against sums computed here independently to the øre, imports in
// Windows-1252 and UTF-8 with BOM, a re-import that replaces, a wrong file and a failing write
// that leave the store as it was, and the command line's `import finance` and `report finance`.
import iconv from 'iconv-lite';
import { createHash } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeStore, openStore, type Db } from '../../db/connection';
import { generateDemo } from '../../db/demo/generate';
import { createService, type Service } from '../../db/service';
import { systemContext, type CallContext } from '../../shared/api/define';
import type { Envelope } from '../../shared/api/envelope';
import type { BottomLineReport } from '../../shared/api/methods/economy';
import type { FinanceComparison, FinanceImportResult } from '../../shared/api/methods/finance';
import type { TakstUnit } from '../../shared/domain';
import { mulDiv, toOere, yearlyOere } from '../../shared/money';
import { runCli, tempDir } from '../support/server';

const TODAY = '2026-11-23';
const NOW = () => new Date(`${TODAY}T10:00:00Z`);
const YEAR = 2026;

function ok<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}

const DAY = 86_400_000;
const dayOf = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY;

describe('the finance system\'s bookings beside the grants', () => {
  let dir: string;
  let db: Db;
  let service: Service;
  let head: CallContext;
  let headName: string;
  let teams: { id: number; name: string }[];
  const teamId = (name: string) => teams.find((t) => t.name === name)!.id;
  const compare = (input: Record<string, unknown>, ctx: CallContext = systemContext()) => ok<FinanceComparison>(service.dispatch('getFinanceComparison', { year: YEAR, asOf: TODAY, ...input }, ctx));
  const upload = (fileName: string, bytes: Uint8Array) => service.dispatch('importFinanceBookings', { fileName, contentBase64: Buffer.from(bytes).toString('base64') }, head);
  /** Every row of the finance tables and the event log. */
  const checksum = () => createHash('sha256')
    .update(JSON.stringify(db.prepare('SELECT * FROM finance_bookings ORDER BY id').raw().all()))
    .update(JSON.stringify(db.prepare('SELECT * FROM finance_imports ORDER BY id').raw().all()))
    .update(JSON.stringify(db.prepare('SELECT COUNT(*), MAX(id) FROM events').raw().all()))
    .digest('hex');

  /**
   * Grant-based spend per team and month, computed here from the grant versions' rows: a
   * version known at the end of `asOf` costs round(yearly øre × its days of the year up to the
   * month's end ÷ 365) up to each month's end; the month's cost is the difference of two of those.
   */
  function independentGrantBased(asOf: string): Map<number, number[]> {
    const rows = db.prepare(
      `SELECT team_id, takst_oere, takst_unit, quantity, start_date, end_date FROM grant_versions
       WHERE known_from <= ? AND (known_until IS NULL OR known_until > ?)`,
    ).all(asOf, asOf) as { team_id: number; takst_oere: number; takst_unit: TakstUnit; quantity: number; start_date: string; end_date: string | null }[];
    const first = dayOf(`${YEAR}-01-01`);
    const out = new Map<number, number[]>();
    for (const v of rows) {
      const yearly = yearlyOere(v.takst_oere, v.takst_unit, v.quantity);
      const start = Math.max(first, dayOf(v.start_date));
      const end = v.end_date === null ? Infinity : dayOf(v.end_date);
      let before = 0;
      const months = out.get(v.team_id) ?? new Array<number>(12).fill(0);
      for (let m = 1; m <= 12; m++) {
        const monthEnd = Date.UTC(YEAR, m, 0) / DAY;
        const days = Math.max(0, Math.min(end, monthEnd) - start + 1);
        const cumulative = days === 0 ? 0 : mulDiv(yearly, days, 365);
        months[m - 1]! += cumulative - before;
        before = cumulative;
      }
      out.set(v.team_id, months);
    }
    return out;
  }

  beforeAll(() => {
    dir = tempDir();
    db = openStore(join(dir, 'demo.db'));
    generateDemo(db, { seed: 1, today: TODAY });
    db.pragma('wal_checkpoint(TRUNCATE)');
    service = createService(db, { now: NOW });
    const person = db.prepare(`SELECT id, name FROM people WHERE role = 'department_head' ORDER BY id LIMIT 1`).get() as { id: number; name: string };
    head = service.as(person.id);
    headName = person.name;
    teams = db.prepare('SELECT id, name FROM teams ORDER BY id').all() as { id: number; name: string }[];
  }, 120_000);
  afterAll(() => {
    closeStore(db);
    rmSync(dir, { recursive: true, force: true });
  });

  it('has the demo\'s bookings for January to October, close to the grants, with Team Bostøtte\'s last two months clearly higher', () => {
    const c = compare({});
    expect(c.months.map((m) => m.booked !== null)).toEqual([...new Array(10).fill(true), false, false]);
    const marked = c.teams.flatMap((t) => t.months.filter((m) => m.attention !== null).map((m) => `${t.team} ${m.month} ${m.attention}`));
    expect(marked).toEqual(['Team Bostøtte 9 booked_higher', 'Team Bostøtte 10 booked_higher']);
    const bostoette = c.teams.find((t) => t.team === 'Team Bostøtte')!;
    expect(bostoette.months[9]!.difference! / bostoette.months[9]!.grantBased).toBeCloseTo(0.091, 3);
    // Elsewhere within about a per cent.
    for (const t of c.teams) {
      for (const m of t.months.slice(0, 8)) if (m.grantBased > 0) expect(Math.abs(m.difference! / m.grantBased)).toBeLessThan(0.013);
    }
    // Corrections are negative lines of the extract, summed with the booking they correct: more lines than bookings.
    const demoImport = db.prepare('SELECT f.row_count, COUNT(b.id) AS bookings FROM finance_imports f JOIN finance_bookings b ON b.import_id = f.id GROUP BY f.id').get() as { row_count: number; bookings: number };
    expect(demoImport.row_count).toBeGreaterThan(demoImport.bookings);
    expect(c.lastImport).toMatchObject({ fileName: 'oekonomi-bogfoering-2026-01-til-10.csv', importedBy: headName });
    expect(c.threshold).toEqual({ share: 0.05, amount: 50_000 });
  });

  it('matches sums made here from the store\'s rows, to the øre, per team and for the department', () => {
    const c = compare({});
    const grant = independentGrantBased(TODAY);
    const booked = new Map<string, number>(
      (db.prepare('SELECT team_id, month, SUM(amount_oere) AS s FROM finance_bookings WHERE year = ? GROUP BY team_id, month').all(YEAR) as { team_id: number; month: number; s: number }[])
        .map((r) => [`${r.team_id}|${r.month}`, r.s]),
    );
    const forecast = new Map(ok<BottomLineReport>(service.dispatch('getBottomLine', { asOf: TODAY }, systemContext())).teams.map((t) => [t.teamId, toOere(t.forecast)]));
    const department = new Array<number>(12).fill(0);
    const departmentBooked = new Array<number>(12).fill(0);
    expect(c.teams.map((t) => t.teamId)).toEqual(expect.arrayContaining(teams.map((t) => t.id)));
    for (const t of c.teams) {
      const g = grant.get(t.teamId) ?? new Array<number>(12).fill(0);
      t.months.forEach((m, i) => {
        expect(toOere(m.grantBased), `${t.team} month ${m.month}`).toBe(g[i]);
        department[i]! += g[i]!;
        if (m.booked === null) return;
        const b = booked.get(`${t.teamId}|${m.month}`) ?? 0;
        departmentBooked[i]! += b;
        expect(toOere(m.booked)).toBe(b);
        expect(toOere(m.difference!)).toBe(b - g[i]!);
      });
      // The twelve months are the year's forecast as known the same day.
      expect(g.reduce((n, x) => n + x, 0)).toBe(forecast.get(t.teamId));
      // Totals over the booked months only.
      expect(toOere(t.total.booked)).toBe(departmentBookedOf(t.teamId));
      expect(t.total.bookedMonths).toBe(10);
      expect(toOere(t.total.grantBased)).toBe(g.slice(0, 10).reduce((n, x) => n + x, 0));
    }
    function departmentBookedOf(id: number) {
      return [...booked].filter(([k]) => k.startsWith(`${id}|`)).reduce((n, [, v]) => n + v, 0);
    }
    expect(c.months.map((m) => toOere(m.grantBased))).toEqual(department);
    expect(c.months.slice(0, 10).map((m) => toOere(m.booked!))).toEqual(departmentBooked.slice(0, 10));
    expect(toOere(c.total.difference)).toBe(departmentBooked.reduce((n, x) => n + x, 0) - department.slice(0, 10).reduce((n, x) => n + x, 0));
    // One team asked for: the same months as in the department's answer.
    const alone = compare({ teamId: teamId('Team Bostøtte') });
    expect(alone.teamId).toBe(teamId('Team Bostøtte'));
    expect(alone.months).toEqual(c.teams.find((t) => t.team === 'Team Bostøtte')!.months);
    expect(alone.teams).toHaveLength(1);
  });

  it('imports Windows-1252 and UTF-8 with BOM, sums a correction with its line, and replaces a booking on re-import', () => {
    const bostoette = teamId('Team Bostøtte');
    const bpa = teamId('Team BPA');
    const first = iconv.encode(['År;Måned;Konto;Team;Beløb', '2026;11;5.38.38;Team Bostøtte;1.000.000,00', '2026;11;5.38.38;team bostøtte;-2 150,50', '2026;11;5.38.38;Team BPA;2150', ''].join('\r\n'), 'win1252');
    const result = ok<FinanceImportResult>(upload('november.csv', first));
    expect(result).toEqual({
      fileName: 'november.csv', encoding: 'windows-1252', delimiter: ';', rows: 3, bookings: 2, inserted: 2, replaced: 0,
      total: 1_000_000 - 2_150.5 + 2_150, months: [{ year: 2026, month: 11 }], teams: expect.arrayContaining(['Team BPA', 'Team Bostøtte']) as unknown as string[],
    });
    expect(result.teams).toHaveLength(2);
    const row = (team: number) => db.prepare('SELECT b.amount_oere, b.imported_by, f.file_name FROM finance_bookings b JOIN finance_imports f ON f.id = b.import_id WHERE b.year = 2026 AND b.month = 11 AND b.account = ? AND b.team_id = ?').get('5.38.38', team) as { amount_oere: number; imported_by: number; file_name: string };
    expect(row(bostoette)).toEqual({ amount_oere: 100_000_000 - 215_050, imported_by: head.actorId, file_name: 'november.csv' });
    expect(row(bpa).amount_oere).toBe(215_000);
    const event = db.prepare(`SELECT actor_id, from_value, to_value FROM events WHERE entity = 'finance_import' ORDER BY id DESC LIMIT 1`).get() as { actor_id: number; from_value: string; to_value: string };
    expect(event.actor_id).toBe(head.actorId);
    expect(event.from_value).toBe('november.csv');
    expect(JSON.parse(event.to_value)).toMatchObject({ rows: 3, bookings: 2, inserted: 2, replaced: 0 });

    // November is now booked: a team without a line in it has booked 0, and says so.
    const november = compare({}).teams.find((t) => t.team === 'Team Botilbud')!.months[10]!;
    expect(november.booked).toBe(0);
    expect(november.difference).toBe(-november.grantBased);
    expect(november.attention).toBe('booked_lower');

    // The extract re-run: the same key replaces, the others stay as they were.
    const rerun = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('aar,maaned,konto,team,beloeb\n2026,11,5.38.38,Team Bostøtte,"1.100.000,00"\n')]);
    expect(ok<FinanceImportResult>(upload('november-igen.csv', rerun))).toMatchObject({ encoding: 'utf-8', delimiter: ',', inserted: 0, replaced: 1, total: 1_100_000 });
    expect(row(bostoette)).toEqual({ amount_oere: 110_000_000, imported_by: head.actorId, file_name: 'november-igen.csv' });
    expect(row(bpa)).toMatchObject({ amount_oere: 215_000, file_name: 'november.csv' });
    expect(compare({ teamId: bostoette }).months[10]!.booked).toBe(1_100_000);
    expect(compare({}).lastImport).toMatchObject({ fileName: 'november-igen.csv', importedBy: headName });
  });

  it('refuses a wrong file whole, naming the line, and writes nothing', () => {
    const before = checksum();
    const file = new TextEncoder().encode(['aar;maaned;konto;team;beloeb', '2026;11;5.38.50;Team Botilbud;5.000,00', '2026;11;5.38.52;Team Botilbud;1.000,00', '2026;13;5.38.50;Team Botilbud;1.000,00', '2026;11;5.38.50;Team Ingen;1,00'].join('\n'));
    const envelope = upload('forkert.csv', file);
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    expect(envelope.error.code).toBe('invalid_input');
    expect(envelope.error.message).toBe('Bogføringen blev ikke importeret: 2 fejl. Ret fejlene i filen, og prøv igen. Intet er ændret.');
    expect(envelope.error.fields).toEqual([
      { field: 'række 4, maaned', message: 'Måneden skal være et tal fra 1 til 12 (fik "13").' },
      { field: 'række 5, team', message: expect.stringContaining('Ukendt team "Team Ingen"') as unknown as string },
    ]);
    expect(checksum()).toBe(before);
  });

  it('writes a whole file or nothing: a write failing on the second booking leaves no booking and no import behind', () => {
    const before = checksum();
    db.exec(`CREATE TEMP TRIGGER finance_fails AFTER INSERT ON finance_bookings
      WHEN (SELECT COUNT(*) FROM finance_bookings WHERE import_id = NEW.import_id) >= 2 BEGIN SELECT RAISE(ABORT, 'disken er fuld'); END`);
    try {
      const file = new TextEncoder().encode('aar;maaned;konto;team;beloeb\n2026;12;5.38.50;Team Botilbud;1,00\n2026;12;5.38.52;Team Botilbud;2,00\n');
      const quiet = console.error;
      console.error = () => {};
      try {
        expect(upload('halv.csv', file).ok).toBe(false);
      } finally {
        console.error = quiet;
      }
    } finally {
      db.exec('DROP TRIGGER finance_fails');
    }
    expect(checksum()).toBe(before);
    expect(compare({}).months[11]!.booked).toBeNull();
  });

  it('imports and reports from the command line with the contract\'s checks, as the app does', async () => {
    const path = db.name;
    const file = join(dir, 'december.csv');
    writeFileSync(file, 'aar;maaned;konto;team;beloeb\n2026;12;5.38.50;Team Botilbud;2.500.000,00\n');
    const leader = (db.prepare(`SELECT id FROM people WHERE role = 'leader' ORDER BY id LIMIT 1`).get() as { id: number }).id;
    const refused = await runCli(['import', 'finance', file, '--db', path, '--actor', String(leader)]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Du har ikke adgang til dette.');
    const imported = await runCli(['import', 'finance', file, '--db', path, '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ fileName: 'december.csv', bookings: 1, inserted: 1, replaced: 0, total: 2_500_000, months: [{ year: 2026, month: 12 }] });
    const bad = await runCli(['import', 'finance', join(dir, 'findes-ikke.csv'), '--db', path]);
    expect(bad.code).toBe(2);

    const report = await runCli(['report', 'finance', '--db', path, '--team', 'Team Bostøtte', '--year', '2026', '--as-of', TODAY, '--json']);
    expect(report.code, report.stderr).toBe(0);
    expect(JSON.parse(report.stdout)).toEqual(compare({ teamId: teamId('Team Bostøtte') }));
    const text = await runCli(['report', 'finance', '--db', path, '--department', '--year', '2026', '--as-of', TODAY]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('Hele afdelingen 2026');
    expect(text.stdout).toMatch(/oktober .* se Team Bostøtte/);
    const both = await runCli(['report', 'finance', '--db', path, '--year', '2026']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('Angiv enten --team');
  }, 60_000);
});
