import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeStore, openStore, type Db } from '../../db/connection';
import { generateDemo } from '../../db/demo/generate';
import { createService, type Service } from '../../db/service';
import { unwrap } from '../../shared/api/envelope';
import { systemContext } from '../../shared/api/define';

let dir: string;
let db: Db;
let service: Service;
const TODAY = '2026-11-23';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'flowtavle-plans-'));
  db = openStore(join(dir, 'store.db'));
  generateDemo(db, { seed: 1, today: TODAY });
  service = createService(db, { now: () => new Date(`${TODAY}T10:00:00Z`) });
}, 60_000);

afterAll(() => {
  closeStore(db);
  rmSync(dir, { recursive: true, force: true });
});

const call = <T>(method: string, input: unknown, actorId: number | null = null) => unwrap(service.dispatch(method, input, actorId === null ? systemContext() : service.as(actorId)) as never) as T;
const person = (role: string, teamId: number) =>
  db.prepare('SELECT id FROM people WHERE role = ? AND team_id = ? ORDER BY id LIMIT 1').get(role, teamId) as { id: number };

describe('sprints in the store', () => {
  it('closes a sprint returning unfinished items to the pull list, all logged', () => {
    const teamId = 3;
    const lanes = call<{ current: { id: number } }>('getSprintLanes', { teamId });
    const before = call<{ items: { caseId: number; done: boolean }[] }>('getSprint', { sprintId: lanes.current.id });
    const open = before.items.filter((i) => !i.done).map((i) => i.caseId);
    expect(open.length).toBeGreaterThan(0);
    // The sprint review and close are the leader's; a caseworker may not.
    const refused = service.dispatch('closeSprint', { sprintId: lanes.current.id, goalMet: true, note: null, carryOver: 'pull_list' }, service.as(person('caseworker', teamId).id));
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const worker = person('leader', teamId).id;
    call('closeSprint', { sprintId: lanes.current.id, goalMet: true, note: null, carryOver: 'pull_list' }, worker);
    const after = call<{ sprint: { status: string }; items: { outcome: string }[] }>('getSprint', { sprintId: lanes.current.id });
    expect(after.sprint.status).toBe('closed');
    expect(after.items.filter((i) => i.outcome === 'returned')).toHaveLength(open.length);
    const returned = db.prepare(`SELECT COUNT(*) AS n FROM events WHERE entity = 'sprint' AND entity_id = ? AND type = 'sprint_returned' AND actor_id = ?`).get(lanes.current.id, worker) as { n: number };
    expect(returned.n).toBe(open.length);
    const stillIn = call<{ caseSprint: Record<string, number>; current: unknown }>('getSprintLanes', { teamId });
    expect(stillIn.current).toBeNull();
    for (const caseId of open) expect(stillIn.caseSprint[caseId]).toBeUndefined();
  });

  it('refuses an overlapping sprint and a case of another team', () => {
    const actor = person('caseworker', 2).id;
    const r = service.dispatch('createSprint', { teamId: 2, name: 'Dobbelt', goal: 'x', startDate: TODAY, endDate: TODAY }, service.as(person('leader', 2).id));
    expect(r.ok ? null : r.error.code).toBe('conflict');
    const sprintId = call<{ current: { id: number } }>('getSprintLanes', { teamId: 2 }).current.id;
    const foreign = db.prepare('SELECT id FROM cases WHERE team_id = 1 LIMIT 1').get() as { id: number };
    const c = service.dispatch('commitToSprint', { sprintId, caseId: foreign.id }, service.as(actor));
    expect(c.ok ? null : c.error.fields?.[0]?.field).toBe('caseId');
  });
});

describe('plans in the store', () => {
  it('lets only the team leader create a plan', () => {
    const r = service.dispatch('createPlan', { teamId: 1, title: 'X', periodStart: '2026-01-01', periodEnd: '2026-12-31' }, service.as(person('caseworker', 1).id));
    expect(r.ok ? null : r.error.code).toBe('forbidden');
    const other = service.dispatch('createPlan', { teamId: 1, title: 'X', periodStart: '2026-01-01', periodEnd: '2026-12-31' }, service.as(person('leader', 2).id));
    expect(other.ok ? null : other.error.code).toBe('forbidden');
  });

  it('computes the caseload KPI today as the flow feature counts it: weighted, against the norm', () => {
    // Team Botilbud: § 107 and § 108 weigh 1.5 in the demo, so weighted and unweighted differ.
    const teamId = 1;
    const caseload = call<{ rows: { personId: number; activeCases: number; weighted: number; norm: number | null }[] }>('getCaseload', { teamId });
    const members = new Set((db.prepare(`SELECT id FROM people WHERE team_id = ? AND role = 'caseworker' AND caseload_norm IS NOT NULL AND active = 1`).all(teamId) as { id: number }[]).map((p) => p.id));
    const rows = caseload.rows.filter((r) => members.has(r.personId));
    const expected = (100 * rows.reduce((s, r) => s + r.weighted, 0)) / rows.reduce((s, r) => s + r.norm!, 0);
    const unweighted = (100 * rows.reduce((s, r) => s + r.activeCases, 0)) / rows.reduce((s, r) => s + r.norm!, 0);
    const kpi = call<{ value: number }>('previewKpi', { teamId, spec: { kind: 'caseload_vs_norm' } });
    expect(kpi.value).toBeCloseTo(expected, 3);
    expect(Math.abs(kpi.value - unweighted)).toBeGreaterThan(1);
  });

  it("shows the demo plan's KPIs with baselines and the seed-002 case with a realised side", () => {
    const plan = call<{ goals: { kpis: { spec: { kind: string }; baseline: number | null; current: number | null }[]; investments: { paybackYears: number; realised: { year: number; citizens: number; replacementCost: number }[] }[] }[]; priorities: unknown[] }>('getPlan', { planId: 1 });
    const kinds = new Set(plan.goals.flatMap((g) => g.kpis.map((k) => k.spec.kind)));
    expect(kinds.size).toBe(7);
    const newGrants = plan.goals[0]!.kpis[0]!;
    const count = (db.prepare(`SELECT COUNT(*) AS n FROM grants g JOIN cases c ON c.id = g.case_id WHERE c.team_id = 1 AND g.paragraph = '107' AND g.start_date > '2025-11-23' AND g.start_date <= '2026-11-23'`).get() as { n: number }).n;
    expect(newGrants.current).toBe(count);
    const investment = plan.goals[0]!.investments[0]!;
    expect(investment.paybackYears).toBe(2);
    expect(investment.realised[0]!.year).toBe(2026);
    expect(investment.realised[0]!.citizens).toBeGreaterThan(0);
    expect(investment.realised[0]!.replacementCost).toBeGreaterThan(0);
    expect(plan.priorities).toHaveLength(1);
  });

  it('writes plan priorities to the pull list tags', () => {
    const leader = person('leader', 1).id;
    const tag = call<{ id: number }>('savePlanPriority', { planId: 1, label: 'Handleplan: klager', weight: 30, paragraph: null, kind: 'complaint' }, leader);
    const pull = call<{ tags: { id: number }[] }>('getPullList', { teamId: 1 });
    expect(pull.tags.map((t) => t.id)).toContain(tag.id);
    call('deletePlanPriority', { tagId: tag.id }, leader);
    expect(call<{ tags: { id: number }[] }>('getPullList', { teamId: 1 }).tags.map((t) => t.id)).not.toContain(tag.id);
  });
});
