// Issue 16 on a real store: the bottom line as known at the end of a day, the ledger identity
// forecast(D2) − forecast(D1) = Σ ledger forecast effects known in (D1, D2], backdated changes,
// imports, the demo's history and what the change is made of.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeStore, openStore, type Db } from '../../db/connection';
import { generateDemo } from '../../db/demo/generate';
import { importExtract } from '../../db/import';
import { createService, type Service } from '../../db/service';
import { systemContext } from '../../shared/api/define';
import type { BottomLineDecomposition, BottomLineMover, BottomLineReport, BottomLineSeries, GrantView } from '../../shared/api/methods/economy';
import { toOere } from '../../shared/money';
import { ok } from '../support/envelope';
import { runCli, tempDir } from '../support/server';

const TODAY = '2026-12-01';
const NOW = () => new Date(`${TODAY}T10:00:00Z`);

/** Minus, without the −0 that Object.is tells apart from 0. */
const neg = (oere: number | undefined) => (oere ? -oere : 0);

describe('the bottom line through time on the demo department', () => {
  let dir: string;
  let path: string;
  let db: Db;
  let service: Service;
  const call = <T>(method: string, input: unknown, actorId: number | null = null) => ok(service.dispatch(method, input, systemContext(actorId))) as T;
  const report = (asOf: string) => call<BottomLineReport>('getBottomLine', { asOf });
  /** Forecast per team in whole øre as known at the end of `asOf`. */
  const forecasts = (asOf: string) => new Map(report(asOf).teams.map((t) => [t.teamId, toOere(t.forecast)]));
  const ledgerSum = (from: string, to: string) => new Map(
    (db.prepare('SELECT team_id, SUM(effect_oere) AS s FROM grant_ledger WHERE year = ? AND on_date > ? AND on_date <= ? GROUP BY team_id')
      .all(Number(to.slice(0, 4)), from, to) as { team_id: number; s: number }[]).map((r) => [r.team_id, r.s]),
  );

  beforeAll(() => {
    dir = tempDir();
    path = join(dir, 'demo.db');
    db = openStore(path);
    generateDemo(db, { seed: 1, today: TODAY });
    db.pragma('wal_checkpoint(TRUNCATE)');
    service = createService(db, { now: NOW });
  }, 120_000);
  afterAll(() => {
    closeStore(db);
    rmSync(dir, { recursive: true, force: true });
  });

  it('moves between any two dates of the year by exactly the ledger effects known in between', () => {
    // As the year began (end of 31 December), month ends, odd days, the week before today, today.
    const dates = ['2026-01-01', '2026-01-31', '2026-02-17', '2026-03-31', '2026-05-05', '2026-06-30', '2026-08-14',
      '2026-09-30', '2026-10-31', '2026-11-24', '2026-11-30', TODAY];
    const known = new Map(dates.map((d) => [d, forecasts(d)]));
    // sinceYearStart = −(forecast now − forecast as the year began).
    const start = new Map(report(TODAY).teams.map((t) => [t.teamId, toOere(t.forecast) + toOere(t.sinceYearStart)]));
    let pairs = 0;
    for (let i = 0; i < dates.length; i++) {
      for (let j = i + 1; j < dates.length; j++) {
        const [d1, d2] = [dates[i]!, dates[j]!];
        const effects = ledgerSum(d1, d2);
        for (const [team, f2] of known.get(d2)!) {
          expect(f2 - known.get(d1)!.get(team)!, `team ${team}, ${d1} → ${d2}`).toBe(effects.get(team) ?? 0);
          pairs++;
        }
      }
    }
    expect(pairs).toBe(66 * 7);
    // From the year's start (end of 31 December before) too: bottom line since 1 January = −Σ effects this year.
    const sinceJanuary = ledgerSum('2025-12-31', TODAY);
    for (const [team, atStart] of start) expect(known.get(TODAY)!.get(team)! - atStart).toBe(sinceJanuary.get(team) ?? 0);
    // It moves, and not only one way.
    const botilbud = [...dates].map((d) => known.get(d)!.get(1)!);
    expect(new Set(botilbud).size).toBeGreaterThan(8);
  });

  it('differs between 24.11 and 01.12 by exactly that week’s ledger effects, as sinceLastWeek and on the command line', async () => {
    const before = report('2026-11-24');
    const now = report(TODAY);
    const week = ledgerSum('2026-11-24', TODAY);
    expect([...week.values()].some((v) => v !== 0)).toBe(true);
    for (const t of now.teams) {
      const then = before.teams.find((x) => x.teamId === t.teamId)!;
      expect(toOere(t.bottomLine) - toOere(then.bottomLine)).toBe(neg(week.get(t.teamId)));
      expect(toOere(t.sinceLastWeek)).toBe(neg(week.get(t.teamId)));
    }
    const month = ledgerSum('2026-11-01', TODAY);
    for (const t of now.teams) expect(toOere(t.sinceLastMonth)).toBe(neg(month.get(t.teamId)));

    const cli = await runCli(['report', 'bottom-line', '--db', path, '--as-of', TODAY, '--json']);
    expect(cli.code).toBe(0);
    const printed = JSON.parse(cli.stdout) as { teams: { team: string; sinceLastWeek: number; bottomLine: number }[]; department: { budget: number; sinceLastWeek: number } };
    expect(printed.teams.map((t) => [t.team, t.sinceLastWeek, t.bottomLine])).toEqual(now.teams.map((t) => [t.team, t.sinceLastWeek, t.bottomLine]));
    expect(printed.department.budget).toBe(1_096_000_000);
    expect(toOere(printed.department.sinceLastWeek)).toBe(neg([...week.values()].reduce((a, b) => a + b, 0)));
  }, 120_000);

  it('has last year near its budget, team by team, some over and some under; the department totals 1,096.0 mio. kr.', () => {
    const last = report('2025-12-31');
    const ratios = last.teams.filter((t) => t.budget > 0).map((t) => t.forecast / t.budget);
    expect(ratios).toHaveLength(6);
    for (const r of ratios) expect(Math.abs(r - 1)).toBeLessThan(0.05);
    expect(ratios.some((r) => r > 1)).toBe(true);
    expect(ratios.some((r) => r < 1)).toBe(true);
    const now = report(TODAY);
    expect(now.department!.budget).toBe(1_096_000_000);
    expect(now.department!.teamsBudget).toBe(1_067_100_000);
    expect(now.department!.lines.map((l) => l.label)).toEqual(['Ledelse', 'Sekretariat', 'Fællesudgifter (it, lokaler, kurser)']);
  });

  it('draws the year week by week as known each week, beside last year, around the gap', () => {
    const series = call<BottomLineSeries>('getBottomLineSeries', { asOf: TODAY, teamId: 1 });
    expect(series.thisYear.points[0]!.date).toBe('2025-12-31');
    expect(series.thisYear.points.at(-1)!.date <= TODAY).toBe(true);
    expect(series.lastYear.points).toHaveLength(53);
    const now = report(TODAY).teams.find((t) => t.teamId === 1)!;
    for (const p of series.thisYear.points.filter((_, i) => i > 0 && i % 9 === 0)) {
      expect(p.bottomLine).toBe(report(p.date).teams.find((t) => t.teamId === 1)!.bottomLine);
    }
    expect(toOere(series.thisYear.points[0]!.bottomLine)).toBe(toOere(now.bottomLine) - toOere(now.sinceYearStart));
    expect(series.sinceLastWeek).toBe(now.sinceLastWeek);
    expect(series.lastYear.points.at(-1)!.bottomLine).toBe(report('2025-12-31').teams.find((t) => t.teamId === 1)!.bottomLine);
    const department = call<BottomLineSeries>('getBottomLineSeries', { asOf: TODAY });
    expect(department.teamId).toBeNull();
    expect(department.budget).toBe(1_096_000_000);
  });

  it('splits a team’s change into new, ended, volume and price that sum to the change, and lists the expensive single cases', () => {
    const d = call<BottomLineDecomposition>('getBottomLineDecomposition', { teamId: 1, from: '2026-09-01', asOf: TODAY, expensiveFrom: 1_500_000 });
    const total = d.lines.reduce((s, l) => s + toOere(l.total), 0);
    expect(total).toBe(toOere(d.change));
    expect(toOere(d.change)).toBe(ledgerSum('2026-09-01', TODAY).get(1) ?? 0);
    for (const l of d.lines) expect(l.grants.reduce((s, g) => s + toOere(g.effect), 0)).toBe(toOere(l.total));
    expect(d.lines.find((l) => l.kind === 'new')!.grants.length).toBeGreaterThan(0);
    expect(d.expensive.length).toBeGreaterThan(0);
    expect(d.expensive.every((c) => c.yearlyCost >= 1_500_000)).toBe(true);
    expect(d.expensive.some((c) => c.yearlyCost === 6_546_000)).toBe(true);
  });

  it('keeps an earlier as-of figure when a change is backdated, and counts it from the day it is made', () => {
    const grant = db.prepare(
      `SELECT g.id, g.case_id FROM grants g JOIN cases c ON c.id = g.case_id
       WHERE c.team_id = 3 AND g.end_date IS NULL AND g.takst_unit = 'hour' AND g.start_date < '2026-01-01' ORDER BY g.id LIMIT 1`,
    ).get() as { id: number; case_id: number };
    const economy = call<{ grants: GrantView[] }>('getCaseEconomy', { caseId: grant.case_id });
    const g = economy.grants.find((x) => x.id === grant.id)!;
    const earlier = report('2026-10-15');
    const yesterday = report('2026-11-30');
    // Three more hours a week, backdated to 1 March.
    ok(service.dispatch('updateGrant', {
      grantId: g.id,
      grant: {
        paragraph: g.paragraph, service: g.service, provider: g.provider, providerType: g.providerType, takst: g.takst, takstUnit: g.takstUnit,
        quantity: g.quantity + 3, startDate: '2026-03-01', endDate: g.endDate, followUpMonths: g.followUpMonths, supportGoal: g.supportGoal,
      },
      reason: 'Efterregistrering',
    }, systemContext(null)));
    expect(report('2026-10-15')).toEqual(earlier);
    expect(report('2026-11-30')).toEqual(yesterday);
    const entry = db.prepare('SELECT on_date, effect_oere, source FROM grant_ledger WHERE grant_id = ? ORDER BY id DESC LIMIT 1').get(g.id) as { on_date: string; effect_oere: number; source: string };
    expect(entry).toMatchObject({ on_date: TODAY, source: 'app' });
    const now = report(TODAY).teams.find((t) => t.teamId === 3)!;
    const before = yesterday.teams.find((t) => t.teamId === 3)!;
    expect(toOere(now.forecast) - toOere(before.forecast)).toBe(ledgerSum('2026-11-30', TODAY).get(3));
    expect(entry.effect_oere).not.toBe(0);
  });

  it('writes the ledger for an import that changes a grant, and "what moved the bottom line" shows it', () => {
    const target = db.prepare(
      `SELECT c.id, c.case_number, z.ref, z.initials, t.name AS team, p.name AS caseworker, c.kind, c.paragraph, c.received_date
       FROM cases c JOIN citizens z ON z.id = c.citizen_id JOIN teams t ON t.id = c.team_id LEFT JOIN people p ON p.id = c.assignee_id
       WHERE c.team_id = 2 AND (SELECT COUNT(*) FROM grants g WHERE g.case_id = c.id) = 1
         AND (SELECT COUNT(*) FROM grants g WHERE g.case_id = c.id AND g.end_date IS NULL) = 1 ORDER BY c.id LIMIT 1`,
    ).get() as { id: number; case_number: string; ref: string; initials: string; team: string; caseworker: string | null; kind: string; paragraph: string; received_date: string };
    const g = db.prepare('SELECT * FROM grants WHERE case_id = ?').get(target.id) as {
      id: number; paragraph: string; service: string; provider: string; provider_type: string; takst: number; takst_unit: string; quantity: number;
      start_date: string; end_date: string | null; next_follow_up: string | null;
    };
    const kinds: Record<string, string> = { application: 'ansoegning', follow_up: 'opfoelgning', complaint: 'klage', task: 'opgave' };
    const units: Record<string, string> = { hour: 'time', day: 'dag', week: 'uge', month: 'maaned', year: 'aar' };
    const newTakst = Math.round(g.takst * 1.1 * 100) / 100;
    const csv = [
      'sagsnummer;borger_ref;borger_initialer;team;sagsbehandler;sagstype;paragraf;modtaget;ydelse;leverandoer;leverandoertype;takst;takstenhed;omfang;start;slut;naeste_opfoelgning',
      [target.case_number, target.ref, target.initials, target.team, target.caseworker ?? '', kinds[target.kind], target.paragraph, target.received_date,
        g.service, g.provider, g.provider_type === 'internal' ? 'intern' : 'ekstern', String(newTakst).replace('.', ','), units[g.takst_unit],
        String(g.quantity).replace('.', ','), g.start_date, g.end_date ?? '', g.next_follow_up ?? ''].join(';'),
    ].join('\n');
    const yesterday = report('2026-11-30');
    const before = report(TODAY).teams.find((t) => t.teamId === 2)!;
    const outcome = importExtract(db, new TextEncoder().encode(csv), { actorId: null, now: NOW(), today: TODAY, fileName: 'takster.csv' });
    expect(outcome).toMatchObject({ ok: true, summary: { updated: 1 } });
    const entry = db.prepare(`SELECT on_date, kind, effect_oere, source FROM grant_ledger WHERE grant_id = ? ORDER BY id DESC LIMIT 1`).get(g.id) as { on_date: string; kind: string; effect_oere: number; source: string };
    expect(entry).toMatchObject({ on_date: TODAY, kind: 'takst', source: 'import' });
    expect(entry.effect_oere).toBeGreaterThan(0);
    const after = report(TODAY).teams.find((t) => t.teamId === 2)!;
    expect(toOere(after.forecast) - toOere(before.forecast)).toBe(entry.effect_oere);
    expect(report('2026-11-30')).toEqual(yesterday);
    const movers = call<BottomLineMover[]>('getBottomLineMovers', { teamId: 2, since: TODAY, asOf: TODAY });
    expect(movers.find((m) => m.grantId === g.id)).toMatchObject({ kind: 'takst', source: 'import', forecastEffect: entry.effect_oere / 100 });
  });

  it('knows an imported backlog grant from its decision date, or else from the earlier of its start and the import day', () => {
    const header = 'sagsnummer;borger_ref;borger_initialer;team;sagsbehandler;sagstype;paragraf;modtaget;ydelse;leverandoer;leverandoertype;takst;takstenhed;omfang;start;slut;naeste_opfoelgning;afgoerelsesdato';
    const csv = [
      header,
      'IMP-HIST-1;B9000001;XY;Team Bostøtte;;opfoelgning;85;2026-02-01;Socialpædagogisk støtte;Bostøtten Aalborg Øst (intern);intern;500,00;time;4;2026-03-01;;;',
      'IMP-HIST-2;B9000002;XZ;Team Bostøtte;;opfoelgning;85;2026-02-01;Socialpædagogisk støtte;Bostøtten Aalborg Øst (intern);intern;500,00;time;4;2026-03-01;;;2026-02-20',
    ].join('\n');
    const outcome = importExtract(db, new TextEncoder().encode(csv), { actorId: null, now: NOW(), today: TODAY, fileName: 'historik.csv' });
    expect(outcome).toMatchObject({ ok: true, summary: { inserted: 2 } });
    const known = db.prepare(
      `SELECT c.case_number, v.known_from FROM grant_versions v JOIN cases c ON c.id = v.case_id WHERE c.case_number LIKE 'IMP-HIST-%' ORDER BY c.case_number`,
    ).all();
    expect(known).toEqual([{ case_number: 'IMP-HIST-1', known_from: '2026-03-01' }, { case_number: 'IMP-HIST-2', known_from: '2026-02-20' }]);
    // Each costs 4 × 52 × 500 = 104,000 a year, from 1 March: 306 days of 2026.
    const share = Math.round((104_000_00 * 306) / 365);
    const effects = db.prepare(`SELECT on_date, effect_oere FROM grant_ledger WHERE source = 'import' AND on_date < '2026-12-01' ORDER BY on_date`).all();
    expect(effects).toEqual([{ on_date: '2026-02-20', effect_oere: share }, { on_date: '2026-03-01', effect_oere: share }]);
    const identity = ledgerSum('2026-02-01', '2026-06-30').get(3)!;
    const f = (d: string) => report(d).teams.find((t) => t.teamId === 3)!.forecast;
    expect(toOere(f('2026-06-30')) - toOere(f('2026-02-01'))).toBe(identity);
  });
});
