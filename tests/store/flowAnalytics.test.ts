// Flow analytics of issue 18 on the demo department: `report deadlines` against an independent
// recomputation from the event log (SQL written here, not the service's code path), blocker
// categories, service levels in working days, ageing of a past base date, saved views.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import type { Service } from '../../db/service';
import type { InputOf, MethodName, ResultOf } from '../../shared/api/contract';
import type { CallContext } from '../../shared/api/define';
import { departmentHead, openDemoStore, type DemoStore } from '../support/demoStore';
import { callOk } from '../support/envelope';
import { runCli } from '../support/server';

const TODAY = '2026-11-23';
let demo: DemoStore;
let path: string;
let db: Db;
let service: Service;

beforeAll(() => {
  demo = openDemoStore('flowtavle-analytics-', TODAY);
  ({ path, db, service } = demo);
  head = departmentHead(demo);
}, 120_000);

/** The department head (visitationschef): reads every team, keeps the department's settings. */
let head: CallContext;

/** A team's leader, signed in as themself. */
function leaderOf(teamId: number): CallContext {
  return service.as((db.prepare("SELECT id FROM people WHERE role = 'leader' AND team_id = ? ORDER BY id LIMIT 1").get(teamId) as { id: number }).id);
}

function teamNamed(name: string) {
  return call('listTeams', {}, head).find((t) => t.name === name)!;
}

afterAll(() => demo.close());

function call<K extends MethodName>(method: K, input: InputOf<K>, ctx: CallContext): ResultOf<K> {
  return callOk(service, method, input, ctx);
}

/** The error code of a call that is refused, or 'ok'. */
function outcome<K extends MethodName>(method: K, input: InputOf<K>, ctx: CallContext): string {
  const envelope = service.dispatch(method, input, ctx);
  return envelope.ok ? 'ok' : envelope.error.code;
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
    const teams = call('listTeams', {}, head);
    const department = call('getDeadlineCompliance', { from: '2026-03-01', to: '2026-10-31' }, head);
    let decided = 0;
    for (const team of teams) {
      const report = call('getDeadlineCompliance', { teamId: team.id, from: '2026-03-01', to: '2026-10-31' }, leaderOf(team.id));
      expect(byKey(report.rows)).toEqual(byKey(recompute('2026-03-01', '2026-10-31', team.id, ['application', 'complaint'])));
      decided += report.total.decided;
    }
    expect(decided).toBe(department.total.decided);
    expect(department.byTeam.reduce((a, t) => a + t.decided, 0)).toBe(department.total.decided);
    expect(department.byCaseworker.reduce((a, t) => a + t.decided, 0)).toBe(department.total.decided);
  });

  it('lists open cases that will miss their deadline at today\'s pace', () => {
    const report = call('getDeadlineCompliance', { from: '2026-08-01', to: TODAY }, head);
    expect(report.openWithDeadline).toBeGreaterThan(0);
    expect(report.willMiss.length).toBeGreaterThan(0);
    for (const m of report.willMiss) {
      expect(m.willMiss).toBe(true);
      expect(['application', 'complaint']).toContain(m.kind);
      expect(m.daysLeft < 0 || (m.expectedDecision !== null && m.expectedDecision > m.legalDeadline)).toBe(true);
    }
  });

  it('is read by the team\'s own people, and the whole department by the department head', () => {
    const teams = call('listTeams', {}, head);
    const [mine, theirs] = [teams[0]!, teams[1]!];
    const caseworker = service.as((db.prepare("SELECT id FROM people WHERE role = 'caseworker' AND team_id = ? ORDER BY id LIMIT 1").get(mine.id) as { id: number }).id);
    const period = { from: '2026-09-01', to: TODAY };
    expect(outcome('getDeadlineCompliance', { teamId: mine.id, ...period }, caseworker)).toBe('ok');
    expect(outcome('getDeadlineCompliance', { teamId: theirs.id, ...period }, caseworker)).toBe('forbidden');
    expect(outcome('getDeadlineCompliance', { teamId: theirs.id, ...period }, leaderOf(mine.id))).toBe('forbidden');
    // Without a team: the department, which a caseworker or a team's leader does not read.
    expect(outcome('getDeadlineCompliance', period, caseworker)).toBe('forbidden');
    expect(outcome('getDeadlineCompliance', period, leaderOf(mine.id))).toBe('forbidden');
    expect(call('getDeadlineCompliance', period, head)).toMatchObject({ teamId: null, team: null });
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
    const team = teamNamed('Team Bostøtte');
    const leader = leaderOf(team.id);
    const before = call('getBlockerAnalysis', { teamId: team.id, from: '2026-05-01', to: TODAY }, leader);
    expect(before.clusters.length).toBeGreaterThan(2);
    const doctor = before.categories.find((c) => c.name === 'Venter på lægeerklæring')!;
    const medical = before.uncategorized.find((b) => b.reason === 'Afventer lægeerklæring')!;
    expect(medical.suggestedCategoryId).toBe(doctor.id);
    const total = before.clusters.reduce((a, c) => a + c.count, 0);

    // A leader files "Afventer værgemål" under Andet; later blocks with that reason follow.
    const other = before.categories.find((c) => c.name === 'Andet')!;
    const guardian = before.uncategorized.filter((b) => b.reason === 'Afventer værgemål');
    expect(guardian.length).toBeGreaterThan(1);
    expect(call('categorizeBlocks', { teamId: team.id, items: [{ blockId: guardian[0]!.blockId, categoryId: other.id }] }, leader)).toEqual({ changed: 1 });
    const after = call('getBlockerAnalysis', { teamId: team.id, from: '2026-05-01', to: TODAY }, leader);
    expect(after.uncategorized.find((b) => b.blockId === guardian[1]!.blockId)!.suggestedCategoryId).toBe(other.id);
    expect(after.clusters.reduce((a, c) => a + c.count, 0)).toBe(total);
    const logged = db.prepare("SELECT actor_id, to_value FROM events WHERE type = 'block_categorized' ORDER BY id DESC LIMIT 1").get() as { actor_id: number; to_value: string };
    expect(logged).toEqual({ actor_id: leader.actorId, to_value: String(other.id) });
    for (const c of after.clusters) {
      expect(c.p50! <= c.p85! && c.p85! <= c.p95!).toBe(true);
      expect(c.weeks.reduce((a, w) => a + w.new, 0)).toBeLessThanOrEqual(c.count);
    }
  });

  it('keeps the department\'s list, which the department head changes', () => {
    const added = call('saveBlockerCategory', { name: 'Venter på tolk', keywords: ['Tolk'], active: true }, head);
    expect(added).toMatchObject({ name: 'Venter på tolk', keywords: ['tolk'], active: true });
    const leader = leaderOf(teamNamed('Team Bostøtte').id);
    expect(call('listBlockerCategories', {}, leader).map((c) => c.name)).toContain('Venter på tolk');
    expect(outcome('saveBlockerCategory', { name: 'venter på tolk', keywords: [], active: true }, head)).toBe('conflict');
    // One team's leader would change every team's clusters.
    expect(outcome('saveBlockerCategory', { name: 'Venter på bolig', keywords: [], active: true }, leader)).toBe('forbidden');
  });
});

describe('service levels in working days', () => {
  it('marks the cards past their column\'s expectation', () => {
    const team = teamNamed('Team Nyansøgning');
    const leader = leaderOf(team.id);
    const settings = call('getFlowSettings', { teamId: team.id }, leader);
    // The demo's leaders expect at most 5 working days in Indkommet and 10 in Klar til sagsbehandling.
    const incoming = settings.columns.find((c) => c.name === 'Indkommet')!;
    expect(incoming).toMatchObject({ maxWorkingDays: 5, work: false });
    expect(settings.columns.find((c) => c.name === 'Afventer oplysninger')).toMatchObject({ kind: 'active', countsAsWork: false, work: false });
    const inquiry = settings.columns.find((c) => c.name === 'Udredning')!;
    // Another team's leader may not set this team's columns.
    expect(outcome('setColumnFlowSettings', { columnId: inquiry.id, maxWorkingDays: 2, countsAsWork: null }, leaderOf(teamNamed('Team Bostøtte').id))).toBe('forbidden');
    expect(call('setColumnFlowSettings', { columnId: inquiry.id, maxWorkingDays: 15, countsAsWork: null }, leader)).toMatchObject({ maxWorkingDays: 15, work: true });
    const marks = call('getServiceLevelMarks', { teamId: team.id }, leader);
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

  it('keeps the department\'s calendar as the department head chooses', () => {
    const team = call('listTeams', {}, head)[0]!;
    const leader = leaderOf(team.id);
    expect(call('getFlowSettings', { teamId: team.id }, leader).closedDays.map((d) => d.date)).toContain('2026-12-24');
    const open = { christmasEveClosed: false, newYearsEveClosed: true, constitutionDayClosed: true };
    // Every team counts its working days by it: not one team's leader's choice.
    expect(outcome('setCalendarSettings', open, leader)).toBe('forbidden');
    call('setCalendarSettings', open, head);
    const days = call('getFlowSettings', { teamId: team.id }, leader).closedDays.map((d) => d.date);
    expect(days).not.toContain('2026-12-24');
    expect(days).toContain('2027-06-05');
    call('setCalendarSettings', { christmasEveClosed: true, newYearsEveClosed: true, constitutionDayClosed: false }, head);
  });
});

describe('ageing against pace with a past base date', () => {
  it('counts the items in progress as they were then, as the flow report does', () => {
    const team = teamNamed('Team Bostøtte');
    const leader = leaderOf(team.id);
    const asOf = '2026-09-30';
    const ageing = call('getAgeingAgainstPace', { teamId: team.id, asOf }, leader);
    const report = call('getFlowReport', { teamId: team.id, from: '2026-09-01', to: asOf }, leader);
    expect(ageing.items).toHaveLength(report.wipAtEnd);
    expect(ageing.items.map((i) => i.age).sort((a, b) => b - a)).toEqual(report.wipAges);
    const dashboard = call('getFlowDashboard', { teamId: team.id, from: '2026-09-01', to: asOf }, leader);
    expect(dashboard.ageing).toHaveLength(report.wipAtEnd);
    const columnIds = new Set(ageing.columns.map((c) => c.id));
    for (const item of ageing.items) expect(columnIds.has(item.columnId)).toBe(true);
    expect(ageing.items.some((i) => i.band === 'p85' || i.band === 'p95')).toBe(true);
  });
});

describe('flow efficiency, heat map and forecast check', () => {
  it('gives every finished case an efficiency between 0 and 1', () => {
    const team = teamNamed('Team Bostøtte');
    const caseworker = service.as((db.prepare("SELECT id FROM people WHERE role = 'caseworker' AND team_id = ? ORDER BY id LIMIT 1").get(team.id) as { id: number }).id);
    const eff = call('getFlowEfficiency', { teamId: team.id, from: '2026-08-01', to: '2026-10-31' }, caseworker);
    expect(eff.items.length).toBe(call('getFlowReport', { teamId: team.id, from: '2026-08-01', to: '2026-10-31' }, caseworker).cycleTime.count);
    expect(eff.efficiency).toBeGreaterThan(0);
    expect(eff.efficiency).toBeLessThan(1);
    for (const i of eff.items) if (i.efficiency !== null) expect(i.efficiency >= 0 && i.efficiency <= 1).toBe(true);
    expect(eff.weeks.reduce((a, w) => a + w.finished, 0)).toBe(eff.items.length);

    const heat = call('getCycleTimeHeatMap', { teamId: team.id, from: '2026-08-01', to: '2026-10-31' }, caseworker);
    expect(heat.byCaseworker.reduce((a, c) => a + c.count, 0)).toBe(eff.items.length);
    expect(heat.byClass.reduce((a, c) => a + c.count, 0)).toBe(eff.items.length);

    const check = call('getForecastCheck', { teamId: team.id, positions: 5 }, caseworker);
    expect(check.positions).toHaveLength(5);
    expect(check.seasonal).toHaveLength(13);
    expect(typeof check.stability.stable).toBe('boolean');
    const dates = check.positions.map((p) => p.p85!);
    expect([...dates].sort()).toEqual(dates);
  });
});

describe('saved views', () => {
  it('saves the weekly review\'s view and opens the default one first', () => {
    const team = call('listTeams', {}, head)[0]!;
    const leader = leaderOf(team.id);
    const settings = { months: 3, asOf: null, counting: 'working' as const, complianceGroup: 'paragraph' as const, sections: ['compliance' as const, 'blockers' as const] };
    const a = call('saveView', { teamId: team.id, name: 'Mandagsmøde', settings, isDefault: true }, leader);
    const b = call('saveView', { teamId: team.id, name: 'Kvartal', settings: { ...settings, months: 12 }, isDefault: true }, leader);
    const list = call('listSavedViews', { teamId: team.id }, leader);
    expect(list.map((v) => [v.name, v.isDefault])).toEqual([['Kvartal', true], ['Mandagsmøde', false]]);
    expect(list[1]!.settings).toEqual(settings);
    // Another team's leader neither reads nor deletes them.
    const stranger = leaderOf(call('listTeams', {}, head)[1]!.id);
    expect(outcome('listSavedViews', { teamId: team.id }, stranger)).toBe('forbidden');
    expect(outcome('deleteView', { teamId: team.id, id: a.id }, stranger)).toBe('forbidden');
    expect(call('deleteView', { teamId: team.id, id: a.id }, leader)).toEqual({ deleted: true });
    expect(call('listSavedViews', { teamId: team.id }, leader).map((v) => v.id)).toEqual([b.id]);
  });
});

describe('service-level marks on the wall', () => {
  it('come with the wall screen itself, for a paired device too, and equal the board\'s marks', () => {
    const teamId = (db.prepare("SELECT id FROM teams WHERE name = 'Team Bostøtte'").get() as { id: number }).id;
    const leader = (db.prepare("SELECT id FROM people WHERE team_id = ? AND role = 'leader'").get(teamId) as { id: number }).id;
    const board = service.dispatch('getServiceLevelMarks', { teamId }, service.as(leader));
    if (!board.ok) throw new Error(board.error.message);
    const device = { actorId: null, principal: { kind: 'device' as const, deviceId: 1, teamId, sessionId: null } };
    const wall = service.dispatch('getWallScreen', { teamId }, device);
    if (!wall.ok) throw new Error(wall.error.message);
    const marks = (board.value as { over: { caseId: number; workingDays: number; limit: number }[] }).over.map(({ caseId, workingDays, limit }) => ({ caseId, workingDays, limit }));
    expect(marks.length).toBeGreaterThan(0);
    expect((wall.value as { serviceLevels: unknown[] }).serviceLevels).toEqual(marks);
    // The device itself reaches only the wall's methods.
    expect(service.dispatch('getServiceLevelMarks', { teamId }, device)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
