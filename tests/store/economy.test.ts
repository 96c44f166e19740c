import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeStore, migrate, openStore, schemaVersion, type Db } from '../../db/connection';
import { MIGRATIONS } from '../../db/migrations';
import { sql as economySql } from '../../db/migrations/004_economy';
import { generateDemo } from '../../db/demo/generate';
import { createService, type Service } from '../../db/service';
import type { BottomLineReport } from '../../shared/api/methods/economy';
import { systemContext } from '../../shared/api/define';
import { splitOere } from '../../shared/grantHistory';
import { toKroner, toOere } from '../../shared/money';
import { adoptUnversionedGrants } from '../../db/grants';
import { ok } from '../support/envelope';
import { runCli, tempDir } from '../support/server';

const NOW = () => new Date('2026-11-23T10:00:00Z');
const ASOF = '2026-11-23';
const LEADER = 1;
const CASEWORKER = 2;

/** A one-team department whose figures are worked out by hand below. */
function fixture(db: Db): void {
  db.exec(`
    INSERT INTO teams (id, name, sort_order, bottom_line_tolerance) VALUES (1, 'Team A', 1, 0.01);
    INSERT INTO budgets (team_id, year, amount) VALUES (1, 2026, 1000000);
    INSERT INTO people (id, name, initials, role, team_id) VALUES (1, 'Lene Leder', 'LL', 'leader', 1), (2, 'Sara Sagsbehandler', 'SS', 'caseworker', 1);
    INSERT INTO citizens (id, ref, initials) VALUES (1, 'B1', 'AB');
    INSERT INTO board_columns (id, team_id, name, position, kind) VALUES (101, 1, 'Indkommet', 1, 'queue'), (102, 1, 'Afsluttet', 2, 'done');
    INSERT INTO cases (id, case_number, citizen_id, team_id, assignee_id, kind, paragraph, column_id, sort_key, received_date, column_entered_at) VALUES
      (1, 'S-1', 1, 1, 2, 'follow_up', '85', 102, 1, '2025-01-01', '2025-01-01'),
      (2, 'S-2', 1, 1, NULL, 'application', '85', 101, 2, '2026-11-01', '2026-11-01'),
      (3, 'S-3', 1, 1, 2, 'application', '85', 102, 3, '2026-10-01', '2026-11-10'),
      (4, 'S-4', 1, 1, 2, 'application', '85', 102, 4, '2026-10-01', '2026-11-10'),
      (5, 'S-5', 1, 1, 2, 'application', '100', 102, 5, '2025-12-01', '2025-12-20'),
      (6, 'S-6', 1, 1, 2, 'application', '100', 102, 6, '2026-10-01', '2026-11-10');
    INSERT INTO events (at, actor_id, case_id, entity, entity_id, type, field, to_value) VALUES
      ('2026-11-10T09:00:00.000Z', 2, 3, 'case', 3, 'decided', 'decision', 'approved'),
      ('2026-11-10T09:00:00.000Z', 2, 4, 'case', 4, 'decided', 'decision', 'rejected'),
      ('2025-12-20T09:00:00.000Z', 2, 5, 'case', 5, 'decided', 'decision', 'approved'),
      ('2026-11-10T09:00:00.000Z', 2, 6, 'case', 6, 'decided', 'decision', 'approved');
    -- 365,000 a year since 2025; 1,000 a day from 1 December; 10,000 a month for the first half of 2026.
    INSERT INTO grants (id, case_id, paragraph, service, provider, provider_type, takst, takst_unit, quantity, start_date, end_date) VALUES
      (1, 1, '85', 'Socialpædagogisk støtte', 'Bostøtten (intern)', 'internal', 365000, 'year', 1, '2025-01-01', NULL),
      (2, 3, '85', 'Socialpædagogisk støtte', 'Støttecentret ApS', 'external', 1000, 'day', 1, '2026-12-01', NULL),
      (3, 5, '100', 'Merudgifter', 'Udbetaling', 'internal', 10000, 'month', 1, '2026-01-01', '2026-06-30');
  `);
  // Written with plain SQL, so give the grants their first version: known since 2025.
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'grant_versions'").get()) adoptUnversionedGrants(db, '2025-01-01');
}

describe('economics on a hand-made department', () => {
  let dir: string;
  let db: Db;
  let service: Service;
  const call = (method: string, input: unknown, actorId: number | null = CASEWORKER) => service.dispatch(method, input, actorId === null ? systemContext() : service.as(actorId));

  beforeAll(() => {
    dir = tempDir();
    db = openStore(join(dir, 'fixture.db'));
    fixture(db);
    service = createService(db, { now: NOW });
  });
  afterAll(() => {
    closeStore(db);
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports spent, committed, forecast, bottom line and pipeline', () => {
    const report = ok(call('getBottomLine', { asOf: ASOF, teamId: 1 })) as BottomLineReport;
    expect(report.year).toBe(2026);
    const team = report.teams[0]!;
    // spent: 327 days × 1,000 + 181 days × 120,000 / 365; committed: 38 × 1,000 + 31 × 1,000
    expect(team.spent).toBe(386_506.85);
    expect(team.committed).toBe(69_000);
    expect(team.forecast).toBe(455_506.85);
    expect(team.bottomLine).toBe(544_493.15);
    // One pending § 85 application: median active § 85 grant 365,000 × 38/365 × approval 3/4.
    expect(team.pipeline).toBe(28_500);
    expect(team.status).toBe('under');
    expect(team.toleranceAmount).toBe(10_000);
  });

  it('previews a change, saves it with events per field, and the bottom line moves by the preview', () => {
    const grant = {
      paragraph: '85', service: 'Socialpædagogisk støtte', provider: 'Bostøtten (intern)', providerType: 'internal',
      takst: 365_000, takstUnit: 'year', quantity: 2, startDate: '2025-01-01', endDate: null, followUpMonths: null, supportGoal: null,
    };
    const preview = ok(call('previewGrant', { caseId: 1, grantId: 1, grant })) as { forecastEffect: number; bottomLineBefore: number; bottomLineAfter: number; yearlyAfter: number };
    expect(preview.forecastEffect).toBe(365_000);
    expect(preview.bottomLineBefore).toBe(544_493.15);
    expect(preview.bottomLineAfter).toBe(179_493.15);
    expect(preview.yearlyAfter).toBe(730_000);

    ok(call('updateGrant', { grantId: 1, grant }));
    const after = (ok(call('getBottomLine', { asOf: ASOF, teamId: 1 })) as BottomLineReport).teams[0]!;
    expect(after.bottomLine).toBe(179_493.15);

    const events = db.prepare(`SELECT type, field, from_value, to_value, actor_id FROM events WHERE entity = 'grant' ORDER BY id`).all();
    expect(events).toEqual([{ type: 'grant_changed', field: 'quantity', from_value: '1', to_value: '2', actor_id: CASEWORKER }]);
  });

  it('ends a grant and lists what moved the bottom line, largest first', () => {
    ok(call('endGrant', { grantId: 1, endDate: '2026-11-30' }));
    // December at 730,000 a year: 31 × 2,000 saved.
    const team = (ok(call('getBottomLine', { asOf: ASOF, teamId: 1 })) as BottomLineReport).teams[0]!;
    expect(team.bottomLine).toBe(241_493.15);
    const movers = ok(call('getBottomLineMovers', { teamId: 1, since: '2026-11-01', asOf: ASOF })) as { kind: string; forecastEffect: number }[];
    expect(movers.map((m) => [m.kind, m.forecastEffect])).toEqual([['changed', 365_000], ['ended', -62_000]]);
    expect(ok(call('getBottomLineMovers', { teamId: 1, since: '2026-11-24', asOf: '2026-12-31' }))).toEqual([]);
    const refused = call('endGrant', { grantId: 1, endDate: '2026-12-15' });
    expect(refused.ok).toBe(false);
  });

  it('creates a grant with the category and follow-up, and validates dates', () => {
    const grant = ok(call('createGrant', {
      caseId: 1,
      grant: {
        paragraph: '§ 85', service: 'Socialpædagogisk støtte', provider: 'Bostøtten (intern)', providerType: 'internal',
        takst: 500, takstUnit: 'hour', quantity: 6, startDate: '2026-12-01', endDate: null, followUpMonths: 3, supportGoal: 'developing',
      },
    })) as { id: number; paragraph: string; yearlyCost: number; category: { code: string } | null; nextFollowUp: string | null };
    expect(grant.paragraph).toBe('85');
    expect(grant.yearlyCost).toBe(156_000);
    expect(grant.category?.code).toBe('takst2');
    expect(grant.nextFollowUp).toBe('2027-03-01');
    const created = db.prepare(`SELECT type, to_value FROM events WHERE entity = 'grant' AND entity_id = ?`).get(grant.id) as { type: string; to_value: string };
    expect(created.type).toBe('grant_created');
    expect(created.to_value).toContain('6 t/uge à 500 kr.');

    const bad = call('createGrant', {
      caseId: 1,
      grant: {
        paragraph: '85', service: 'x', provider: 'y', providerType: 'internal', takst: 1, takstUnit: 'hour', quantity: 1,
        startDate: '2026-12-01', endDate: '2026-11-01', followUpMonths: null, supportGoal: null,
      },
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.fields?.[0]?.field).toBe('grant.endDate');
  });

  it('keeps the drill-down when an import removes a grant with history', () => {
    db.prepare('DELETE FROM grants WHERE id = 1').run();
    const movers = ok(call('getBottomLineMovers', { teamId: 1, since: '2026-11-01', asOf: ASOF })) as { grantId: number }[];
    expect(movers.filter((m) => m.grantId === 1)).toHaveLength(2);
  });

  it('lets leaders only set budgets, and keeps the history', () => {
    const refused = call('setBudget', { teamId: 1, year: 2026, amount: 1_100_000 });
    expect(refused.ok ? null : refused.error.code).toBe('forbidden');
    ok(call('setBudget', { teamId: 1, year: 2026, amount: 1_100_000 }, LEADER));
    ok(call('setBudget', { teamId: 1, year: 2026, amount: 400_000, paragraph: '85' }, LEADER));
    const overview = ok(call('getBudget', { teamId: 1, year: 2026 })) as { amount: number; paragraphs: unknown[]; history: { amount: number; previous: number | null; paragraph: string | null; setBy: string }[] };
    expect(overview.amount).toBe(1_100_000);
    expect(overview.paragraphs).toEqual([{ paragraph: '85', amount: 400_000 }]);
    expect(overview.history.map((h) => [h.paragraph, h.amount, h.previous, h.setBy])).toEqual([
      ['85', 400_000, null, 'Lene Leder'],
      [null, 1_100_000, 1_000_000, 'Lene Leder'],
    ]);
  });
});

describe('economics on the demo department', () => {
  let dir: string;
  let path: string;
  let db: Db;
  let service: Service;

  beforeAll(() => {
    dir = tempDir();
    path = join(dir, 'demo.db');
    db = openStore(path);
    generateDemo(db, { seed: 1, today: ASOF });
    // As a store is when the app opens it: the demo written through from the WAL.
    db.pragma('wal_checkpoint(TRUNCATE)');
    service = createService(db, { now: NOW });
  });
  afterAll(() => {
    closeStore(db);
    rmSync(dir, { recursive: true, force: true });
  });

  it('agrees with the grant-by-grant arithmetic', () => {
    const report = ok(service.dispatch('getBottomLine', { asOf: ASOF }, systemContext())) as BottomLineReport;
    // Today nothing is known later than today, so the grants as they are now are the grants as known.
    const grants = db.prepare(
      `SELECT c.team_id, g.takst, g.takst_unit AS takstUnit, g.quantity, g.start_date AS startDate, g.end_date AS endDate
       FROM grants g JOIN cases c ON c.id = g.case_id`,
    ).all() as { team_id: number; takst: number; takstUnit: 'hour'; quantity: number; startDate: string; endDate: string | null }[];
    for (const team of report.teams) {
      const mine = grants.filter((g) => g.team_id === team.teamId).map((g) => splitOere({ ...g, takstOere: toOere(g.takst) }, ASOF));
      expect(team.spent).toBe(toKroner(mine.reduce((s, g) => s + g.spent, 0)));
      expect(team.committed).toBe(toKroner(mine.reduce((s, g) => s + g.committed, 0)));
    }
    // The demo's budgets: the seven teams 1,067.1 mio. kr., with the department's own lines 1,096.0.
    expect(report.teams.reduce((s, t) => s + t.budget, 0)).toBe(1_067_100_000);
    expect(report.department!.budget).toBe(1_096_000_000);
    expect(new Set(report.teams.map((t) => t.status))).toEqual(new Set(['over', 'under', 'on_zero']));
    expect(report.teams.find((t) => t.team === 'Team Nyansøgning')!.pipeline).toBeGreaterThan(0);
  });

  it('has a takst catalogue with dated prices and a drill-down from the first start', () => {
    const catalogue = ok(service.dispatch('getTakstCatalogue', {}, systemContext())) as { entries: { takst: number | null; history: unknown[] }[]; categories: unknown[] };
    expect(catalogue.categories).toHaveLength(4);
    expect(catalogue.entries.length).toBeGreaterThan(20);
    expect(catalogue.entries.every((e) => e.takst !== null && e.history.length >= 2)).toBe(true);
    const movers = ok(service.dispatch('getBottomLineMovers', { teamId: 3, since: '2026-09-01', asOf: ASOF }, systemContext())) as { forecastEffect: number; kind: string }[];
    expect(movers.length).toBeGreaterThan(5);
    const sizes = movers.map((m) => Math.abs(m.forecastEffect));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(new Set(movers.map((m) => m.kind)).has('new')).toBe(true);
  });

  it('marks the standout caseworkers on takst', () => {
    const result = ok(service.dispatch('getTakstResponsibility', { asOf: ASOF }, systemContext())) as {
      caseworkers: { personId: number; yearlyCost: number; grantCount: number; internalShare: number | null; medians: { outlier: boolean }[] }[];
    };
    const withGrants = result.caseworkers.filter((c) => c.grantCount > 0);
    expect(withGrants.length).toBeGreaterThan(30);
    expect(withGrants.every((c) => c.internalShare !== null && c.internalShare >= 0 && c.internalShare <= 1)).toBe(true);
    const flagged = new Set(withGrants.filter((c) => c.medians.some((m) => m.outlier)).map((c) => c.personId));
    // The generator makes each granting team's second caseworker (leader id + 2) grant 45 % dearer.
    const standouts = (db.prepare(
      `SELECT p.id + 2 AS id FROM people p WHERE p.role = 'leader' AND p.team_id IN (SELECT c.team_id FROM cases c JOIN grants g ON g.case_id = c.id)`,
    ).all() as { id: number }[]).map((r) => r.id);
    expect(standouts).toHaveLength(6);
    for (const id of standouts) expect(flagged.has(id), `caseworker ${id}`).toBe(true);
    // ... and not whole teams: most caseworkers are in line with the department.
    expect(flagged.size).toBeLessThan(withGrants.length / 3);
  });

  it('names the cases behind each caseworker\'s median takst, so the takst view can open them', () => {
    const result = ok(service.dispatch('getTakstResponsibility', { asOf: ASOF }, systemContext())) as {
      caseworkers: { personId: number; medians: { paragraph: string; service: string; count: number; cases: { caseId: number; caseNumber: string; teamId: number }[] }[] }[];
    };
    const caseOf = db.prepare('SELECT case_number, team_id, assignee_id, paragraph FROM cases WHERE id = ?');
    let checked = 0;
    for (const c of result.caseworkers) {
      for (const m of c.medians) {
        // One case may hold two grants of a kind; never more cases than grants, never none.
        expect(m.cases.length).toBeGreaterThan(0);
        expect(m.cases.length).toBeLessThanOrEqual(m.count);
        for (const k of m.cases) {
          const row = caseOf.get(k.caseId) as { case_number: string; team_id: number; assignee_id: number | null; paragraph: string };
          expect({ caseNumber: k.caseNumber, teamId: k.teamId, assignee: row.assignee_id }).toEqual({ caseNumber: row.case_number, teamId: row.team_id, assignee: c.personId });
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('prints the same numbers on the command line', async () => {
    const cli = await runCli(['report', 'bottom-line', '--db', path, '--as-of', ASOF, '--json']);
    expect(cli.code).toBe(0);
    const printed = JSON.parse(cli.stdout) as { asOf: string; year: number; teams: Record<string, unknown>[] };
    const report = ok(service.dispatch('getBottomLine', { asOf: ASOF }, systemContext())) as BottomLineReport;
    expect(printed).toMatchObject({
      asOf: ASOF,
      year: 2026,
      teams: report.teams.map(({ team, budget, spent, committed, forecast, bottomLine, pipeline, sinceLastWeek, sinceLastMonth, sinceYearStart }) => ({
        team, budget, spent, committed, forecast, bottomLine, pipeline, sinceLastWeek, sinceLastMonth, sinceYearStart,
      })),
    });
    expect(Object.keys(printed.teams[0]!)).toEqual([
      'team', 'budget', 'spent', 'committed', 'forecast', 'bottomLine', 'pipeline', 'sinceLastWeek', 'sinceLastMonth', 'sinceYearStart',
    ]);
    expect((printed as unknown as { department: { budget: number } }).department.budget).toBe(1_096_000_000);

    const usage = await runCli(['report', 'bottom-line', '--db', path, '--as-of', '23.11.2026', '--json']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--as-of');
  }, 60_000);

  it('sets a budget from the command line', async () => {
    const cli = await runCli(['budget', 'set', '--db', path, '--team', 'Team BPA', '--year', '2027', '--amount', '121500000']);
    expect(cli.code).toBe(0);
    const row = db.prepare('SELECT amount FROM budgets WHERE team_id = 2 AND year = 2027').get() as { amount: number };
    expect(row.amount).toBe(121_500_000);
    const unknown = await runCli(['budget', 'set', '--db', path, '--team', 'Team Ukendt', '--year', '2027', '--amount', '1']);
    expect(unknown.code).toBe(2);
  }, 60_000);
});

describe('the economy migration', () => {
  it('upgrades a store that already has grants, and seeds the takst categories', () => {
    const dir = tempDir();
    const db = openStore(join(dir, 'old.db'), { migrate: false });
    try {
      const before = MIGRATIONS.indexOf(economySql);
      expect(before).toBeGreaterThan(0);
      migrate(db, before);
      fixture(db);
      migrate(db);
      expect(schemaVersion(db)).toBe(MIGRATIONS.length);
      expect(db.prepare('SELECT id, follow_up_months, support_goal FROM grants ORDER BY id').all()).toEqual([
        { id: 1, follow_up_months: null, support_goal: null },
        { id: 2, follow_up_months: null, support_goal: null },
        { id: 3, follow_up_months: null, support_goal: null },
      ]);
      expect(db.prepare('SELECT code, max_hours FROM takst_categories ORDER BY min_hours, id').all()).toEqual([
        { code: 'takst1', max_hours: 4.99 }, { code: 'takst2', max_hours: 14.99 }, { code: 'takst3', max_hours: 25 }, { code: 'individuel', max_hours: null },
      ]);
      // Migration 012 gives each grant one version, known from the earlier of its start and the
      // migration day; by the end of the year every one of them is known.
      expect(db.prepare('SELECT COUNT(*) AS n FROM grant_versions').get()).toEqual({ n: 3 });
      const report = ok(createService(db, { now: NOW }).dispatch('getBottomLine', { asOf: '2026-12-31' }, systemContext())) as BottomLineReport;
      expect(report.teams[0]!.forecast).toBe(455_506.85);
    } finally {
      closeStore(db);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
