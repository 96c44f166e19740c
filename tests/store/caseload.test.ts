// One caseload definition (issue 16, item 10): on the demo department, Sagstal (getCaseload), the
// plan KPI "caseload_vs_norm", the wall and the drill-down give the same weighted figure, with
// the unweighted count beside it, and that figure is what SQL written here independently counts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeStore, openStore, type Db } from '../../db/connection';
import { generateDemo } from '../../db/demo/generate';
import { createService, type Service } from '../../db/service';
import { systemContext } from '../../shared/api/define';
import { unwrap } from '../../shared/api/envelope';
import type { Caseload, CaseloadCases, TeamCaseload } from '../../shared/api/methods/flow';
import type { PlanDetail, PlanSummary } from '../../shared/api/methods/plans';
import type { WallScreen } from '../../shared/api/methods/wall';
import { addDays } from '../../shared/dates';

const TODAY = '2026-11-23';
let dir: string;
let db: Db;
let service: Service;
let teams: { id: number; name: string }[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'flowtavle-caseload-'));
  db = openStore(join(dir, 'store.db'));
  generateDemo(db, { seed: 1, today: TODAY });
  service = createService(db, { now: () => new Date(`${TODAY}T10:00:00Z`) });
  teams = db.prepare('SELECT id, name FROM teams ORDER BY sort_order, id').all() as { id: number; name: string }[];
}, 60_000);

afterAll(() => {
  closeStore(db);
  rmSync(dir, { recursive: true, force: true });
});

const call = <T>(method: string, input: unknown) => unwrap(service.dispatch(method, input, systemContext()) as never) as T;
const teamLoad = (teamId: number) => {
  const load = call<Caseload>('getCaseload', { teamId });
  if (load.scope !== 'team') throw new Error('expected a team');
  return load as TeamCaseload;
};
const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Per caseworker of a team: held cases and their weighted sum, by SQL of its own. Held on a day D
 * before today: arrived by D and not finished by D, or a grant running on D (docs/flow.md).
 */
function bySql(teamId: number, day = TODAY): Map<number, { cases: number; weighted: number }> {
  const held = day === TODAY
    ? `EXISTS (SELECT 1 FROM board_columns b WHERE b.id = c.column_id AND b.kind <> 'done')
       OR EXISTS (SELECT 1 FROM grants g WHERE g.case_id = c.id AND (g.end_date IS NULL OR g.end_date >= @day))`
    : `(COALESCE(f.arrived_day, c.received_date) <= @day AND (f.finish_day IS NULL OR f.finish_day > @day))
       OR (COALESCE(f.arrived_day, c.received_date) <= @day
           AND EXISTS (SELECT 1 FROM grants g WHERE g.case_id = c.id AND g.start_date <= @day AND (g.end_date IS NULL OR g.end_date >= @day)))`;
  const rows = db.prepare(
    `SELECT c.assignee_id AS person, COUNT(*) AS cases, SUM(COALESCE(w.weight, 1)) AS weighted
     FROM cases c LEFT JOIN flow_cases f ON f.case_id = c.id LEFT JOIN caseload_weights w ON w.paragraph = c.paragraph
     WHERE c.team_id = @team AND c.assignee_id IS NOT NULL AND (${held})
     GROUP BY c.assignee_id`,
  ).all({ team: teamId, day }) as { person: number; cases: number; weighted: number }[];
  return new Map(rows.map((r) => [r.person, { cases: r.cases, weighted: round1(r.weighted) }]));
}

/** The norm a team's figure is held against: its own active caseworkers' norms. */
const normOf = (teamId: number) =>
  (db.prepare(`SELECT COALESCE(SUM(caseload_norm), 0) AS n FROM people WHERE team_id = ? AND active = 1 AND role = 'caseworker'`).get(teamId) as { n: number }).n;

describe('one caseload definition on the demo department', () => {
  it('weighs every caseworker\'s held cases by paragraph, as SQL counts them', () => {
    // The demo weighs some paragraphs (§ 107 and § 108 at 1.5, § 12 at 0.5): weighted and unweighted differ.
    expect(Number(db.prepare("SELECT weight FROM caseload_weights WHERE paragraph = '107'").pluck().get())).toBe(1.5);
    let differs = 0;
    for (const team of teams) {
      const load = teamLoad(team.id);
      const expected = bySql(team.id);
      for (const row of load.rows) {
        expect([team.name, row.name, row.weighted, row.activeCases]).toEqual([
          team.name, row.name, expected.get(row.personId)?.weighted ?? 0, expected.get(row.personId)?.cases ?? 0,
        ]);
        if (row.weighted !== row.activeCases) differs++;
      }
      expect(load.totals.weighted).toBe(round1([...expected.values()].reduce((a, r) => a + r.weighted, 0)));
      expect(load.totals.cases).toBe([...expected.values()].reduce((a, r) => a + r.cases, 0));
      expect(load.totals.norm).toBe(normOf(team.id));
    }
    expect(differs).toBeGreaterThan(20);
  });

  it('gives the plan KPI, the wall and Sagstal the same figure for every team', () => {
    for (const team of teams) {
      const load = teamLoad(team.id);
      const kpi = call<{ value: number | null; caseload?: { weighted: number; cases: number; norm: number } }>(
        'previewKpi', { teamId: team.id, spec: { kind: 'caseload_vs_norm' } },
      );
      const wall = call<WallScreen>('getWallScreen', { teamId: team.id, privacy: true });
      const percent = load.totals.percentOfNorm;
      expect(percent, team.name).not.toBeNull();
      expect(percent).toBeCloseTo((100 * load.totals.normedWeighted) / load.totals.norm, 9);
      expect(kpi.value, team.name).toBeCloseTo(percent!, 3);
      expect(kpi.caseload).toEqual({ weighted: load.totals.normedWeighted, cases: load.totals.normedCases, norm: load.totals.norm });
      expect(wall.caseload, team.name).toMatchObject({
        weighted: load.totals.weighted, cases: load.totals.cases, unassigned: load.totals.unassigned, norm: load.totals.norm,
        percentOfNorm: percent, overNorm: load.totals.overNorm,
      });
      // The wall's paragraphs add up to the team's figure; it names nobody.
      expect(round1(wall.caseload!.byParagraph.reduce((a, p) => a + p.weighted, 0))).toBeCloseTo(load.totals.weighted, 5);
      expect(wall.caseload!.byParagraph.reduce((a, p) => a + p.cases, 0)).toBe(load.totals.cases);
      expect(JSON.stringify(wall.caseload)).not.toMatch(/personId|name/);
    }
  });

  it('shows the same figure on Team Botilbud\'s plan, in the app and on its wall', () => {
    const botilbud = teams.find((t) => t.name === 'Team Botilbud')!;
    const load = teamLoad(botilbud.id);
    const plan = call<PlanSummary[]>('listPlans', { teamId: botilbud.id })[0]!;
    const detail = call<PlanDetail>('getPlan', { planId: plan.id });
    const kpi = detail.goals.flatMap((g) => g.kpis).find((k) => k.spec.kind === 'caseload_vs_norm')!;
    expect(kpi.current).toBeCloseTo(load.totals.percentOfNorm!, 3);
    expect(kpi.caseload).toEqual({ weighted: load.totals.normedWeighted, cases: load.totals.normedCases, norm: load.totals.norm });
    const wall = call<WallScreen>('getWallScreen', { teamId: botilbud.id, privacy: true });
    const onWall = wall.plan!.kpis.find((k) => k.id === kpi.id)!;
    expect([onWall.current, onWall.caseload]).toEqual([kpi.current, kpi.caseload]);
  });

  it('weighs an earlier day\'s KPI the same way (the held cases of that day)', () => {
    const team = teams.find((t) => t.name === 'Team Botilbud')!;
    const day = addDays(TODAY, -28);
    const expected = bySql(team.id, day);
    const members = new Set(db.prepare(`SELECT id FROM people WHERE team_id = ? AND active = 1 AND role = 'caseworker'`).pluck().all(team.id) as number[]);
    const weighted = round1([...expected].filter(([p]) => members.has(p)).reduce((a, [, r]) => a + r.weighted, 0));
    const kpi = call<{ value: number; caseload: { weighted: number; cases: number } }>('previewKpi', { teamId: team.id, spec: { kind: 'caseload_vs_norm' }, asOf: day });
    expect(kpi.caseload.weighted).toBe(weighted);
    expect(kpi.value).toBeCloseTo((100 * weighted) / normOf(team.id), 3);
    expect(kpi.caseload.weighted).not.toBe(kpi.caseload.cases);
  });

  it('adds the teams up for the department, and each caseworker\'s cases make their figure', () => {
    const department = call<Caseload>('getCaseload', {});
    if (department.scope !== 'department') throw new Error('expected the department');
    expect(department.teams.map((t) => t.team)).toEqual(teams.map((t) => t.name));
    for (const team of department.teams) {
      const alone = teamLoad(team.teamId);
      expect(team.rows).toEqual(alone.rows);
      expect(team.totals).toEqual(alone.totals);
    }
    const sum = (pick: (t: TeamCaseload['totals']) => number) => department.teams.reduce((a, t) => a + pick(t.totals), 0);
    expect(department.totals.weighted).toBeCloseTo(sum((t) => t.weighted), 5);
    expect(department.totals.cases).toBe(sum((t) => t.cases));
    expect(department.totals.cases).toBeGreaterThan(2000);
    expect(department.totals.percentOfNorm).toBeCloseTo((100 * sum((t) => t.normedWeighted)) / sum((t) => t.norm), 5);

    const team = department.teams.find((t) => t.team === 'Team Botilbud')!;
    for (const row of team.rows.slice(0, 3)) {
      const drill = call<CaseloadCases>('getCaseloadCases', { teamId: team.teamId, personId: row.personId });
      expect([drill.name, drill.weighted, drill.cases.length]).toEqual([row.name, row.weighted, row.activeCases]);
      expect(round1(drill.cases.reduce((a, c) => a + c.weight, 0))).toBe(row.weighted);
    }
  });
});
