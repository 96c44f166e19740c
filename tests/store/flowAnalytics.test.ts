// Flow analytics of issue 18 on the demo department: `report deadlines` against an independent
// recomputation from the event log (SQL written here, not the service's code path), blocker
// categories, service levels in working days, ageing of a past base date, saved views.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeStore, openStore, type Db } from '../../db/connection';
import { generateDemo } from '../../db/demo/generate';
import { createService, type Service } from '../../db/service';
import type { InputOf, MethodName, ResultOf } from '../../shared/api/contract';
import { systemContext, type CallContext } from '../../shared/api/define';
import { runCli } from '../support/server';

const TODAY = '2026-11-23';
let dir: string;
let path: string;
let db: Db;
let service: Service;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'flowtavle-analytics-'));
  path = join(dir, 'demo.db');
  db = openStore(path);
  generateDemo(db, { seed: 1, today: TODAY });
  service = createService(db, { now: () => new Date(`${TODAY}T10:00:00Z`) });
}, 120_000);

afterAll(() => {
  closeStore(db);
  rmSync(dir, { recursive: true, force: true });
});

function call<K extends MethodName>(method: K, input: InputOf<K>, ctx: CallContext = systemContext()): ResultOf<K> {
  const envelope = service.dispatch(method, input, ctx);
  if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
  return envelope.value as ResultOf<K>;
}

interface Row { paragraph: string; month: string; decided: number; withinDeadline: number; share: number | null; p50Days: number | null; p85Days: number | null }

/**
 * The compliance table from the event log alone: the decision day is the earliest UTC day of an
 * event that put the case into a done column; percentiles by nearest rank (⌈p·n/100⌉-th smallest).
 */
function recompute(from: string, to: string, teamId: number | null, kinds: string[]): Row[] {
  const rows = db.prepare(`
    WITH decision AS (
      SELECT e.case_id, MIN(substr(e.at, 1, 10)) AS day
      FROM events e JOIN board_columns b ON e.to_value GLOB '[0-9]*' AND b.id = CAST(e.to_value AS INTEGER)
      WHERE e.case_id IS NOT NULL AND b.kind = 'done' AND e.type <> 'reordered'
        AND (e.field = 'column' OR e.type IN ('created', 'moved', 'moved_over_wip_limit'))
      GROUP BY e.case_id
    ),
    decided AS (
      SELECT c.paragraph, substr(d.day, 1, 7) AS month, c.legal_deadline, d.day,
             CAST(julianday(d.day) - julianday(c.received_date) AS INTEGER) AS days
      FROM decision d JOIN cases c ON c.id = d.case_id
      WHERE d.day BETWEEN @from AND @to AND c.kind IN (SELECT value FROM json_each(@kinds))
        AND (@team IS NULL OR c.team_id = @team)
    ),
    ranked AS (
      SELECT *, ROW_NUMBER() OVER (PARTITION BY paragraph, month ORDER BY days) AS rn,
                COUNT(*) OVER (PARTITION BY paragraph, month) AS n
      FROM decided
    )
    SELECT paragraph, month,
           COUNT(*) AS decided,
           SUM(CASE WHEN legal_deadline IS NOT NULL AND day <= legal_deadline THEN 1 ELSE 0 END) AS within,
           SUM(CASE WHEN legal_deadline IS NOT NULL THEN 1 ELSE 0 END) AS with_deadline,
           MAX(CASE WHEN rn = MAX(1, (50 * n + 99) / 100) THEN days END) AS p50,
           MAX(CASE WHEN rn = MAX(1, (85 * n + 99) / 100) THEN days END) AS p85
    FROM ranked GROUP BY paragraph, month
  `).all({ from, to, team: teamId, kinds: JSON.stringify(kinds) }) as { paragraph: string; month: string; decided: number; within: number; with_deadline: number; p50: number; p85: number }[];
  return rows.map((r) => ({
    paragraph: r.paragraph, month: r.month, decided: r.decided, withinDeadline: r.within,
    share: r.with_deadline === 0 ? null : r.within / r.with_deadline, p50Days: r.p50, p85Days: r.p85,
  }));
}

const byKey = (rows: Row[]) => new Map(rows.map((r) => [`${r.paragraph} ${r.month}`, r]));

describe('report deadlines', () => {
  it('equals an independent recomputation from the event log for the department', async () => {
    db.pragma('wal_checkpoint(TRUNCATE)');
    const result = await runCli(['report', 'deadlines', '--db', path, '--department', '--from', '2026-01-01', '--to', TODAY, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as { scope: string; team: string | null; rows: Row[]; followUps: Row[] };
    expect(printed).toMatchObject({ scope: 'department', team: null });
    const expected = recompute('2026-01-01', TODAY, null, ['application', 'complaint']);
    expect(expected.length).toBeGreaterThan(40);
    expect(printed.rows).toHaveLength(expected.length);
    for (const r of printed.rows) expect(Object.keys(r)).toEqual(['paragraph', 'month', 'decided', 'withinDeadline', 'share', 'p50Days', 'p85Days']);
    expect(byKey(printed.rows)).toEqual(byKey(expected));
    // Follow-ups apart, by the same rules.
    expect(byKey(printed.followUps)).toEqual(byKey(recompute('2026-01-01', TODAY, null, ['follow_up'])));
    // The demo has cases decided too late, and § 12 without deadlines.
    expect(printed.rows.some((r) => r.share !== null && r.share < 1)).toBe(true);
    expect(printed.rows.filter((r) => r.paragraph === '12').every((r) => r.share === null)).toBe(true);
  }, 60_000);

  it('equals the recomputation for each team, and the teams add up to the department', () => {
    const teams = call('listTeams', {});
    const department = call('getDeadlineCompliance', { from: '2026-03-01', to: '2026-10-31' });
    let decided = 0;
    for (const team of teams) {
      const report = call('getDeadlineCompliance', { teamId: team.id, from: '2026-03-01', to: '2026-10-31' });
      expect(byKey(report.rows)).toEqual(byKey(recompute('2026-03-01', '2026-10-31', team.id, ['application', 'complaint'])));
      decided += report.total.decided;
    }
    expect(decided).toBe(department.total.decided);
    expect(department.byTeam.reduce((a, t) => a + t.decided, 0)).toBe(department.total.decided);
    expect(department.byCaseworker.reduce((a, t) => a + t.decided, 0)).toBe(department.total.decided);
  });

  it('lists open cases that will miss their deadline at today\'s pace', () => {
    const report = call('getDeadlineCompliance', { from: '2026-08-01', to: TODAY });
    expect(report.openWithDeadline).toBeGreaterThan(0);
    expect(report.willMiss.length).toBeGreaterThan(0);
    for (const m of report.willMiss) {
      expect(m.willMiss).toBe(true);
      expect(['application', 'complaint']).toContain(m.kind);
      expect(m.daysLeft < 0 || (m.expectedDecision !== null && m.expectedDecision > m.legalDeadline)).toBe(true);
    }
  });

  it('explains wrong arguments', async () => {
    const both = await runCli(['report', 'deadlines', '--db', path, '--team', 'Team BPA', '--department', '--from', '2026-01-01', '--to', TODAY]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('Angiv enten --team');
    const unknown = await runCli(['report', 'deadlines', '--db', path, '--team', 'Team Ukendt', '--from', '2026-01-01', '--to', TODAY]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Teamet "Team Ukendt" findes ikke');
  }, 60_000);
});

describe('blocker categories and clusters', () => {
  it('suggests categories from the reasons, and learns from the categories people choose', () => {
    const team = call('listTeams', {}).find((t) => t.name === 'Team Bostøtte')!;
    const before = call('getBlockerAnalysis', { teamId: team.id, from: '2026-05-01', to: TODAY });
    expect(before.clusters.length).toBeGreaterThan(2);
    const doctor = before.categories.find((c) => c.name === 'Venter på lægeerklæring')!;
    const medical = before.uncategorized.find((b) => b.reason === 'Afventer lægeerklæring')!;
    expect(medical.suggestedCategoryId).toBe(doctor.id);
    const total = before.clusters.reduce((a, c) => a + c.count, 0);

    // A leader files "Afventer værgemål" under Andet; later blocks with that reason follow.
    const leader = db.prepare("SELECT id FROM people WHERE role = 'leader' AND team_id = ?").get(team.id) as { id: number };
    const other = before.categories.find((c) => c.name === 'Andet')!;
    const guardian = before.uncategorized.filter((b) => b.reason === 'Afventer værgemål');
    expect(guardian.length).toBeGreaterThan(1);
    // personContext({ id: leader.id, teamId: team.id, roles: ['leader'] }) once the dispatcher resolves teams (issue 14).
    const ctx = systemContext(leader.id);
    expect(call('categorizeBlocks', { teamId: team.id, items: [{ blockId: guardian[0]!.blockId, categoryId: other.id }] }, ctx)).toEqual({ changed: 1 });
    const after = call('getBlockerAnalysis', { teamId: team.id, from: '2026-05-01', to: TODAY });
    expect(after.uncategorized.find((b) => b.blockId === guardian[1]!.blockId)!.suggestedCategoryId).toBe(other.id);
    expect(after.clusters.reduce((a, c) => a + c.count, 0)).toBe(total);
    const logged = db.prepare("SELECT actor_id, to_value FROM events WHERE type = 'block_categorized' ORDER BY id DESC LIMIT 1").get() as { actor_id: number; to_value: string };
    expect(logged).toEqual({ actor_id: leader.id, to_value: String(other.id) });
    for (const c of after.clusters) {
      expect(c.p50! <= c.p85! && c.p85! <= c.p95!).toBe(true);
      expect(c.weeks.reduce((a, w) => a + w.new, 0)).toBeLessThanOrEqual(c.count);
    }
  });

  it('keeps the leaders\' list', () => {
    const added = call('saveBlockerCategory', { name: 'Venter på tolk', keywords: ['Tolk'], active: true });
    expect(added).toMatchObject({ name: 'Venter på tolk', keywords: ['tolk'], active: true });
    expect(call('listBlockerCategories', {}).map((c) => c.name)).toContain('Venter på tolk');
    expect(service.dispatch('saveBlockerCategory', { name: 'venter på tolk', keywords: [], active: true }, systemContext()).ok).toBe(false);
  });
});

describe('service levels in working days', () => {
  it('marks the cards past their column\'s expectation', () => {
    const team = call('listTeams', {}).find((t) => t.name === 'Team Nyansøgning')!;
    const settings = call('getFlowSettings', { teamId: team.id });
    // The demo's leaders expect at most 5 working days in Indkommet and 10 in Klar til sagsbehandling.
    const incoming = settings.columns.find((c) => c.name === 'Indkommet')!;
    expect(incoming).toMatchObject({ maxWorkingDays: 5, work: false });
    expect(settings.columns.find((c) => c.name === 'Afventer oplysninger')).toMatchObject({ kind: 'active', countsAsWork: false, work: false });
    const inquiry = settings.columns.find((c) => c.name === 'Udredning')!;
    expect(call('setColumnFlowSettings', { columnId: inquiry.id, maxWorkingDays: 15, countsAsWork: null })).toMatchObject({ maxWorkingDays: 15, work: true });
    const marks = call('getServiceLevelMarks', { teamId: team.id });
    expect(marks.limits).toContainEqual({ columnId: incoming.id, maxWorkingDays: 5 });
    expect(marks.limits).toContainEqual({ columnId: inquiry.id, maxWorkingDays: 15 });
    const changed = db.prepare("SELECT from_value, to_value FROM events WHERE type = 'service_level_changed' AND entity_id = ?").get(inquiry.id);
    expect(changed).toEqual({ from_value: null, to_value: '15' });
    const entered = db.prepare('SELECT id, column_entered_at FROM cases WHERE column_id = ?').all(incoming.id) as { id: number; column_entered_at: string }[];
    // Independently: weekdays after the entry day up to today, no holidays in November 2026.
    const weekdays = (from: string) => {
      let n = 0;
      for (let d = new Date(`${from.slice(0, 10)}T00:00:00Z`); d.toISOString().slice(0, 10) < TODAY;) {
        d.setUTCDate(d.getUTCDate() + 1);
        if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) n++;
      }
      return n;
    };
    const expected = entered.filter((c) => c.column_entered_at.slice(0, 10) >= '2026-11-01' && weekdays(c.column_entered_at) > 5).map((c) => c.id);
    expect(expected.length).toBeGreaterThan(0);
    const over = new Set(marks.over.map((o) => o.caseId));
    for (const id of expected) expect(over.has(id)).toBe(true);
    for (const o of marks.over) expect(o.workingDays).toBeGreaterThan(5);
  });

  it('keeps the calendar\'s closed days as the leaders choose', () => {
    const team = call('listTeams', {})[0]!;
    expect(call('getFlowSettings', { teamId: team.id }).closedDays.map((d) => d.date)).toContain('2026-12-24');
    call('setCalendarSettings', { christmasEveClosed: false, newYearsEveClosed: true, constitutionDayClosed: true });
    const days = call('getFlowSettings', { teamId: team.id }).closedDays.map((d) => d.date);
    expect(days).not.toContain('2026-12-24');
    expect(days).toContain('2027-06-05');
    call('setCalendarSettings', { christmasEveClosed: true, newYearsEveClosed: true, constitutionDayClosed: false });
  });
});

describe('ageing against pace with a past base date', () => {
  it('counts the items in progress as they were then, as the flow report does', () => {
    const team = call('listTeams', {}).find((t) => t.name === 'Team Bostøtte')!;
    const asOf = '2026-09-30';
    const ageing = call('getAgeingAgainstPace', { teamId: team.id, asOf });
    const report = call('getFlowReport', { teamId: team.id, from: '2026-09-01', to: asOf });
    expect(ageing.items).toHaveLength(report.wipAtEnd);
    expect(ageing.items.map((i) => i.age).sort((a, b) => b - a)).toEqual(report.wipAges);
    const dashboard = call('getFlowDashboard', { teamId: team.id, from: '2026-09-01', to: asOf });
    expect(dashboard.ageing).toHaveLength(report.wipAtEnd);
    const columnIds = new Set(ageing.columns.map((c) => c.id));
    for (const item of ageing.items) expect(columnIds.has(item.columnId)).toBe(true);
    expect(ageing.items.some((i) => i.band === 'p85' || i.band === 'p95')).toBe(true);
  });
});

describe('flow efficiency, heat map and forecast check', () => {
  it('gives every finished case an efficiency between 0 and 1', () => {
    const team = call('listTeams', {}).find((t) => t.name === 'Team Bostøtte')!;
    const eff = call('getFlowEfficiency', { teamId: team.id, from: '2026-08-01', to: '2026-10-31' });
    expect(eff.items.length).toBe(call('getFlowReport', { teamId: team.id, from: '2026-08-01', to: '2026-10-31' }).cycleTime.count);
    expect(eff.efficiency).toBeGreaterThan(0);
    expect(eff.efficiency).toBeLessThan(1);
    for (const i of eff.items) if (i.efficiency !== null) expect(i.efficiency >= 0 && i.efficiency <= 1).toBe(true);
    expect(eff.weeks.reduce((a, w) => a + w.finished, 0)).toBe(eff.items.length);

    const heat = call('getCycleTimeHeatMap', { teamId: team.id, from: '2026-08-01', to: '2026-10-31' });
    expect(heat.byCaseworker.reduce((a, c) => a + c.count, 0)).toBe(eff.items.length);
    expect(heat.byClass.reduce((a, c) => a + c.count, 0)).toBe(eff.items.length);

    const check = call('getForecastCheck', { teamId: team.id, positions: 5 });
    expect(check.positions).toHaveLength(5);
    expect(check.seasonal).toHaveLength(13);
    expect(typeof check.stability.stable).toBe('boolean');
    const dates = check.positions.map((p) => p.p85!);
    expect([...dates].sort()).toEqual(dates);
  });
});

describe('saved views', () => {
  it('saves the weekly review\'s view and opens the default one first', () => {
    const team = call('listTeams', {})[0]!;
    const settings = { months: 3, asOf: null, counting: 'working' as const, complianceGroup: 'paragraph' as const, sections: ['compliance' as const, 'blockers' as const] };
    const a = call('saveView', { teamId: team.id, name: 'Mandagsmøde', settings, isDefault: true });
    const b = call('saveView', { teamId: team.id, name: 'Kvartal', settings: { ...settings, months: 12 }, isDefault: true });
    const list = call('listSavedViews', { teamId: team.id });
    expect(list.map((v) => [v.name, v.isDefault])).toEqual([['Kvartal', true], ['Mandagsmøde', false]]);
    expect(list[1]!.settings).toEqual(settings);
    expect(call('deleteView', { teamId: team.id, id: a.id })).toEqual({ deleted: true });
    expect(call('listSavedViews', { teamId: team.id }).map((v) => v.id)).toEqual([b.id]);
  });
});
