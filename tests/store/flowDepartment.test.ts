// The whole department's flow (issue 16 item 6) on the demo: every figure of getFlowReport and
// getFlowDashboard without teamId equals the teams' own figures put together by the same rule
// (docs/flow.md "Hele afdelingen"), the percentiles recomputed here over the union of the teams'
// finished cases; and the department is refused to a team's people.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import type { Service } from '../../db/service';
import type { InputOf, MethodName, ResultOf } from '../../shared/api/contract';
import type { CallContext } from '../../shared/api/define';
import { departmentColumns } from '../../shared/flow';
import { departmentHead, openDemoStore, type DemoStore } from '../support/demoStore';
import { callOk } from '../support/envelope';
import { runCli } from '../support/server';

const TODAY = '2026-11-23';
const FROM = '2026-06-01';
let demo: DemoStore;
let path: string;
let db: Db;
let service: Service;
let head: CallContext;
let teams: { id: number; name: string }[];

beforeAll(() => {
  demo = openDemoStore('flowtavle-deptflow-', TODAY);
  ({ path, db, service } = demo);
  head = departmentHead(demo);
  teams = db.prepare('SELECT id, name FROM teams ORDER BY sort_order, id').all() as { id: number; name: string }[];
}, 120_000);

afterAll(() => demo.close());

function call<K extends MethodName>(method: K, input: InputOf<K>, ctx: CallContext): ResultOf<K> {
  return callOk(service, method, input, ctx);
}

/** Nearest rank, written here rather than imported: the ⌈p/100 · n⌉-th smallest value. */
function nearestRank(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1]!;
}

describe('the department\'s flow report', () => {
  it('is the teams\' reports put together: throughput summed, percentiles over the union, WIP summed', () => {
    expect(teams.length).toBeGreaterThan(3);
    const department = call('getFlowReport', { from: FROM, to: TODAY }, head);
    const own = teams.map((t) => call('getFlowReport', { teamId: t.id, from: FROM, to: TODAY }, head));
    expect(department.teamId).toBeNull();
    expect(department.team).toBeNull();

    const finished = own.reduce((a, r) => a + r.cycleTime.count, 0);
    expect(finished).toBeGreaterThan(500);
    expect(department.cycleTime.count).toBe(finished);
    expect(department.throughputPerWeek.map((w) => w.weekStart)).toEqual(own[0]!.throughputPerWeek.map((w) => w.weekStart));
    department.throughputPerWeek.forEach((w, i) => {
      expect(w.count, w.weekStart).toBe(own.reduce((a, r) => a + r.throughputPerWeek[i]!.count, 0));
    });
    expect(department.wipAtEnd).toBe(own.reduce((a, r) => a + r.wipAtEnd, 0));
    expect(department.wipAges).toEqual(own.flatMap((r) => r.wipAges).sort((a, b) => b - a));

    // The union of the teams' finished cases, each cycle time read from the dashboards' scatter.
    const union = teams.flatMap((t) => call('getFlowDashboard', { teamId: t.id, from: FROM, to: TODAY }, head).cycleTimes.map((c) => c.cycleTime));
    expect(union).toHaveLength(finished);
    expect(department.cycleTime.p50).toBe(nearestRank(union, 50));
    expect(department.cycleTime.p85).toBe(nearestRank(union, 85));
    expect(department.cycleTime.p95).toBe(nearestRank(union, 95));
    // Not the mean of the teams' medians: the demo's teams differ enough for that to differ.
    const meanOfMedians = own.reduce((a, r) => a + (r.cycleTime.p50 ?? 0), 0) / own.length;
    expect(department.cycleTime.p50).not.toBe(meanOfMedians);
  });

  it('is refused to a leader and a caseworker, and allowed to the department head', () => {
    const person = (role: string) => service.as((db.prepare('SELECT id FROM people WHERE role = ? ORDER BY id LIMIT 1').get(role) as { id: number }).id);
    for (const role of ['leader', 'caseworker']) {
      for (const method of ['getFlowReport', 'getFlowDashboard'] as const) {
        const envelope = service.dispatch(method, { from: FROM, to: TODAY }, person(role));
        expect(envelope.ok, `${role} ${method}`).toBe(false);
        if (!envelope.ok) expect(envelope.error.code).toBe('forbidden');
      }
    }
    expect(service.dispatch('getFlowDashboard', { from: FROM, to: TODAY }, head).ok).toBe(true);
  });
});

describe('the department\'s flow dashboard', () => {
  it('sums the teams\' cumulative flow band by band, and their WIP, blocked time and throughput', () => {
    const department = call('getFlowDashboard', { from: FROM, to: TODAY, seed: 3 }, head);
    const own = teams.map((t) => call('getFlowDashboard', { teamId: t.id, from: FROM, to: TODAY, seed: 3 }, head));
    expect(department.teamId).toBeNull();
    // The demo's boards all have the same six columns: the bands are the column names.
    expect(department.columnGrouping).toBe('name');
    expect(department.columns.map((c) => c.name)).toEqual(own[0]!.columns.map((c) => c.name));
    expect(department.columns.map((c) => c.id)).toEqual([1, 2, 3, 4, 5, 6]);

    expect(department.cfd).toHaveLength(own[0]!.cfd.length);
    for (const d of [0, Math.floor(department.cfd.length / 2), department.cfd.length - 1]) {
      department.columns.forEach((band, i) => {
        const sum = own.reduce((a, t) => a + (t.cfd[d]![String(t.columns[i]!.id)] as number), 0);
        expect(department.cfd[d]![String(band.id)], `${department.cfd[d]!.day} ${band.name}`).toBe(sum);
      });
    }
    department.wipPerDay.forEach((w, i) => expect(w.count).toBe(own.reduce((a, t) => a + t.wipPerDay[i]!.count, 0)));
    department.throughputPerDay.forEach((w, i) => expect(w.count).toBe(own.reduce((a, t) => a + t.throughputPerDay[i]!.count, 0)));
    expect(department.blocked.totalDays).toBe(own.reduce((a, t) => a + t.blocked.totalDays, 0));
    expect(department.blocked.totalDays).toBeGreaterThan(0);
    expect(department.blocked.periods).toHaveLength(own.reduce((a, t) => a + t.blocked.periods.length, 0));
    expect(department.ageing).toHaveLength(own.reduce((a, t) => a + t.ageing.length, 0));
    // Each item of the ageing chart sits in the band of the column its team's board has it in.
    const bandOf = new Map(own.flatMap((t) => t.ageing.map((a) => [a.caseId, t.columns.findIndex((c) => c.id === a.columnId) + 1])));
    for (const a of department.ageing) expect(a.columnId, a.caseNumber).toBe(bandOf.get(a.caseId));
    expect(department.report).toEqual(call('getFlowReport', { from: FROM, to: TODAY }, head));
  });

  it('groups by kind when the boards differ: a renamed column makes the bands queue, active, done', () => {
    db.exec('BEGIN');
    try {
      db.prepare("UPDATE board_columns SET name = 'Visitation' WHERE team_id = ? AND position = 2").run(teams[0]!.id);
      const department = call('getFlowDashboard', { from: FROM, to: TODAY, seed: 3 }, head);
      const own = teams.map((t) => call('getFlowDashboard', { teamId: t.id, from: FROM, to: TODAY, seed: 3 }, head));
      expect(department.columnGrouping).toBe('kind');
      expect(department.columns.map((c) => c.kind)).toEqual(['queue', 'active', 'done']);
      // A team's line for a kind is its first column of that kind (reached it or one to its right).
      const last = department.cfd.length - 1;
      department.columns.forEach((band) => {
        const sum = own.reduce((a, t) => a + (t.cfd[last]![String(t.columns.find((c) => c.kind === band.kind)!.id)] as number), 0);
        expect(department.cfd[last]![String(band.id)], band.kind).toBe(sum);
      });
      expect(department.report.cycleTime.count).toBe(own.reduce((a, t) => a + t.report.cycleTime.count, 0));
    } finally {
      db.exec('ROLLBACK');
    }
  });
});

describe('departmentColumns', () => {
  it('takes a board\'s first column of a kind or a later kind as its line, null when it has none', () => {
    const grouping = departmentColumns([
      [{ id: 1, name: 'A', kind: 'queue', position: 1 }, { id: 2, name: 'B', kind: 'active', position: 2 }, { id: 3, name: 'C', kind: 'done', position: 3 }],
      [{ id: 7, name: 'X', kind: 'active', position: 1 }, { id: 8, name: 'Y', kind: 'done', position: 2 }],
    ]);
    expect(grouping.by).toBe('kind');
    expect(grouping.lines).toEqual([[1, 2, 3], [7, 7, 8]]);
    expect(departmentColumns([[{ id: 9, name: 'Z', kind: 'queue', position: 1 }]]).lines).toEqual([[9]]);
  });
});

describe('report flow --department', () => {
  it('prints the department\'s report, the same as getFlowReport without teamId', async () => {
    const out = await runCli(['report', 'flow', '--db', path, '--department', '--from', FROM, '--to', TODAY, '--json']);
    expect(out.code, out.stderr).toBe(0);
    const json = JSON.parse(out.stdout) as { team: string | null; cycleTime: { count: number }; wipAtEnd: number };
    const department = call('getFlowReport', { from: FROM, to: TODAY }, head);
    expect(json.team).toBeNull();
    expect(json.cycleTime).toEqual(department.cycleTime);
    expect(json.wipAtEnd).toBe(department.wipAtEnd);
    const both = await runCli(['report', 'flow', '--db', path, '--department', '--team', '1', '--from', FROM, '--to', TODAY]);
    expect(both.code).not.toBe(0);
    expect(both.stderr).toContain('Angiv enten --team');
  }, 60_000);
});
