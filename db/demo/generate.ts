// Generates the demo department deterministically from a seed, with 18 months of case history
// in the event log so flow metrics have real data. Each team's grants are calibrated so that its
// forecast for the current year lands at the team's chosen ratio of its budget.
import type { CaseKind, ClassOfService, IsoDate, ProviderType, Role, TakstUnit } from '../../shared/domain';
import { addMonths, fromDayNumber, localToday, toDayNumber, yearOf } from '../../shared/dates';
import { costInPeriod, followUpMonthsFor, grantCategory, median, type SupportGoal, type TakstCategory } from '../../shared/economics';
import { legalDeadlineDays, paragraphInfo } from '../../shared/paragraphs';
import { createRandom, type Random } from '../../shared/random';
import { spacedKeys } from '../../shared/sortKey';
import type { Db } from '../connection';
import type { TakstCategoriesRow } from '../schema';
import { writeDemoAccounts } from './accounts';
import { appendEvent } from '../events';
import { insertGrant, reviseGrant, type GrantContent } from '../grants';
import { boardDemo } from './board';
import { committeeDemo } from './committee';
import { economyDemo } from './economy';
import { financeDemo } from './finance';
import { flowDemo } from './flow';
import { plansDemo } from './plans';
import { pullListDemo } from './pullList';
import { followUpsDemo } from './followUps';
import {
  BLOCK_REASONS, COLUMN_TEMPLATE, DEPARTMENT_NAME, FIRST_NAMES, LAST_NAMES, TEAM_PROFILES,
  type GrantProfile, type TeamProfile,
} from './profiles';

export interface DemoOptions {
  seed?: number;
  /** 10 gives ten times the cases, citizens, people and budgets (for benchmarks). */
  scale?: number;
  /** The day the demo is generated for; history runs 18 months back from it. */
  today?: IsoDate;
}

export interface DemoSummary {
  teams: number;
  people: number;
  citizens: number;
  cases: number;
  grants: number;
  events: number;
}

export const DEMO_CITIZENS = 4_232;
export const DEMO_SECRETARIAT = 11;
const HISTORY_DAYS = 548; // 18 months

interface NewGrant {
  caseId: number;
  paragraph: string;
  service: string;
  provider: string;
  providerType: ProviderType;
  takst: number;
  unit: TakstUnit;
  quantity: number;
  start: IsoDate;
  end: IsoDate | null;
  nextFollowUp: IsoDate | null;
  /** Anchors keep the seed's extremes (7,085 and 6,546,000 kr. a year) exact. */
  anchor: boolean;
  /** The day the grant was decided: the bottom line knows it from then. */
  knownFrom: IsoDate;
  /** Ended earlier than planned: the end became known on `knownOn`; until then the grant ran open. */
  endedEarly?: { end: IsoDate; knownOn: IsoDate };
  /** Last year's grants of closed cases, scaled to land last year's forecast near its budget. */
  historic?: boolean;
  assignee?: number | null;
  supportGoal?: SupportGoal | null;
  followUpMonths?: number | null;
}

/**
 * The department's own lines (issue 16): management, secretariat and shared costs, the seed's
 * 1,096.0 mio. kr. less the seven teams' 1,067.1 (kroner; forecast ÷ budget beside each).
 */
export const DEPARTMENT_LINES: readonly { label: string; budget: number; ratio: number }[] = [
  { label: 'Ledelse', budget: 9_400_000, ratio: 0.992 },
  { label: 'Sekretariat', budget: 12_600_000, ratio: 1.004 },
  { label: 'Fællesudgifter (it, lokaler, kurser)', budget: 6_900_000, ratio: 0.987 },
];

/** Last year's forecast ÷ budget per team: within a few per cent, some over, some under. */
const LAST_YEAR_RATIO: Record<string, number> = {
  'Team Botilbud': 1.018, 'Team BPA': 0.974, 'Team Bostøtte': 1.009, 'Team Nyansøgning': 0.965,
  'Team Housing First': 1.031, 'Team Merudgifter': 0.988,
};

interface NewEvent {
  time: number;
  actorId: number | null;
  caseId: number;
  type: string;
  field: string | null;
  from: string | null;
  to: string | null;
  reason: string | null;
}

export function generateDemo(db: Db, options: DemoOptions = {}): DemoSummary {
  const seed = options.seed ?? 1;
  const scale = options.scale ?? 1;
  if (!(scale > 0)) throw new RangeError('scale must be positive');
  const today = options.today ?? localToday();
  const random = createRandom(seed);
  const existing = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM teams').get()!.n;
  if (existing > 0) throw new Error('The store is not empty: the demo department goes into a new store only.');

  const run = db.transaction(() => new DemoWriter(db, random, scale, today, seed).write());
  return run.immediate();
}

class DemoWriter {
  private readonly T: number;
  private readonly year: number;
  private personId = 0;
  private caseSeq = 0;
  private grantCount = 0;
  private eventCount = 0;
  private citizenIds: number[] = [];
  private nextFreshCitizen = 0;
  private secretariat: number[] = [];
  private readonly stmt;

  constructor(
    private readonly db: Db,
    private readonly random: Random,
    private readonly scale: number,
    private readonly today: IsoDate,
    private readonly seed: number,
  ) {
    this.T = toDayNumber(today);
    this.year = yearOf(today);
    this.stmt = {
      workspace: db.prepare('INSERT OR REPLACE INTO workspace (key, value) VALUES (?, ?)'),
      team: db.prepare('INSERT INTO teams (id, name, sort_order, bottom_line_tolerance) VALUES (?, ?, ?, 0.01)'),
      budget: db.prepare('INSERT INTO budgets (team_id, year, amount) VALUES (?, ?, ?)'),
      column: db.prepare('INSERT INTO board_columns (id, team_id, name, position, kind, wip_limit) VALUES (?, ?, ?, ?, ?, ?)'),
      person: db.prepare(
        'INSERT INTO people (id, name, initials, role, team_id, caseload_norm, wip_limit) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      citizen: db.prepare('INSERT INTO citizens (id, ref, initials) VALUES (?, ?, ?)'),
      case: db.prepare(
        `INSERT INTO cases (id, case_number, citizen_id, team_id, assignee_id, kind, paragraph, column_id, sort_key,
           class_of_service, received_date, legal_deadline, blocked, blocked_reason, blocked_since, column_entered_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      event: db.prepare(
        `INSERT INTO events (at, actor_id, case_id, entity, entity_id, type, field, from_value, to_value, reason)
         VALUES (?, ?, ?, 'case', ?, ?, ?, ?, ?, ?)`,
      ),
    };
  }

  write(): DemoSummary {
    const w = this.stmt.workspace;
    w.run('department_name', DEPARTMENT_NAME);
    w.run('is_demo', '1');
    w.run('created_at', new Date().toISOString());
    w.run('demo_seed', String(this.seed));
    w.run('demo_scale', String(this.scale));
    w.run('demo_today', this.today);

    this.writeCitizens();
    const insertLine = this.db.prepare('INSERT INTO department_lines (year, label, budget_oere, forecast_oere) VALUES (?, ?, ?, ?)');
    for (const line of DEPARTMENT_LINES) {
      const budget = Math.round(line.budget * this.scale);
      insertLine.run(this.year, line.label, budget * 100, Math.round(budget * line.ratio) * 100);
      insertLine.run(this.year - 1, line.label, Math.round(budget * 0.97) * 100, Math.round(budget * 0.97 * (2 - line.ratio)) * 100);
    }
    // The visitationschef heads the department; the secretariat serves every team and the committee.
    const head = this.addPerson('department_head', null, null, null);
    this.secretariat = Array.from({ length: Math.round(DEMO_SECRETARIAT * this.scale) - 1 }, () =>
      this.addPerson('secretariat', null, null, null),
    );
    let caseId = 0;
    TEAM_PROFILES.forEach((profile, index) => {
      caseId = this.writeTeam(profile, index + 1, caseId);
    });
    // Features add their own demo data on top, each from its own stream of the seed.
    // New demos go last, so the earlier ones keep their streams of the seed.
    for (const [offset, addDemo] of [boardDemo, pullListDemo, economyDemo, flowDemo, plansDemo, committeeDemo, financeDemo, followUpsDemo].entries()) {
      addDemo(this.db, createRandom(this.seed * 1_000 + offset + 1), this.today);
    }
    writeDemoAccounts(this.db, head, this.secretariat[0]!);
    return {
      teams: TEAM_PROFILES.length,
      people: this.personId,
      citizens: this.citizenIds.length,
      cases: caseId,
      grants: this.grantCount,
      events: this.eventCount,
    };
  }

  private writeCitizens(): void {
    const count = Math.round(DEMO_CITIZENS * this.scale);
    const letters = 'ABCDEFGHIJKLMNOPRSTUVWÆØÅ';
    for (let id = 1; id <= count; id++) {
      const initials = `${letters[this.random.int(0, 22)]}${letters[this.random.int(0, letters.length - 1)]}`;
      this.stmt.citizen.run(id, `B${String(100_000 + id * 7).padStart(7, '0')}`, initials);
      this.citizenIds.push(id);
    }
  }

  /** Every citizen gets a first case; the rest of the cases go to citizens who already have one. */
  private citizenFor(): number {
    if (this.nextFreshCitizen < this.citizenIds.length) return this.citizenIds[this.nextFreshCitizen++]!;
    return this.random.pick(this.citizenIds);
  }

  private usedInitials = new Set<string>();
  private addPerson(role: Role, teamId: number | null, norm: number | null, wip: number | null): number {
    const id = ++this.personId;
    const first = FIRST_NAMES[(id * 7 + this.seed) % FIRST_NAMES.length]!;
    const last = LAST_NAMES[(id * 11 + this.seed * 3) % LAST_NAMES.length]!;
    let initials = `${first.slice(0, 2)}${last[0]}`.toUpperCase();
    for (let n = 2; this.usedInitials.has(initials); n++) initials = `${first.slice(0, 2)}${last[0]}${n}`.toUpperCase();
    this.usedInitials.add(initials);
    this.stmt.person.run(id, `${first} ${last}`, initials, role, teamId, norm, wip);
    return id;
  }

  private writeTeam(profile: TeamProfile, teamId: number, caseIdStart: number): number {
    const { random } = this;
    this.stmt.team.run(teamId, profile.name, teamId);
    const budget = Math.round(profile.budget * this.scale);
    this.stmt.budget.run(teamId, this.year - 1, Math.round(budget * 0.97));
    this.stmt.budget.run(teamId, this.year, budget);

    const caseworkerCount = Math.max(1, Math.round(profile.caseworkers * this.scale));
    const columns = COLUMN_TEMPLATE.map((template, position) => {
      const id = teamId * 100 + position + 1;
      const limit = template.wipPerCaseworker === null ? null : Math.ceil(template.wipPerCaseworker * caseworkerCount);
      this.stmt.column.run(id, teamId, template.name, position + 1, template.kind, limit);
      return { id, ...template };
    });
    const col = (name: (typeof COLUMN_TEMPLATE)[number]['name']) => columns.find((c) => c.name === name)!.id;
    const [incoming, ready, inquiry, waiting, decision, done] = [
      col('Indkommet'), col('Klar til sagsbehandling'), col('Udredning'), col('Afventer oplysninger'), col('Afgørelse'), col('Afsluttet'),
    ];

    const leader = this.addPerson('leader', teamId, null, null);
    const caseworkers = Array.from({ length: caseworkerCount }, () =>
      this.addPerson('caseworker', teamId, profile.caseloadNorm, random.int(6, 10)),
    );
    // A few caseworkers stand out on takst, so the takst dashboard has something to show.
    const standouts = new Set(profile.grants.length > 0 && caseworkerCount >= 3 ? [caseworkers[1]!] : []);

    const cases: {
      id: number; number: string; citizen: number; assignee: number | null; kind: CaseKind; paragraph: string;
      column: number; cos: ClassOfService; received: number; deadline: IsoDate | null; blocked: string | null;
      blockedSince: number | null; entered: number; orderKey: number;
    }[] = [];
    const grants: NewGrant[] = [];
    const events: NewEvent[] = [];
    const caseCount = Math.round(profile.cases * this.scale);
    let caseId = caseIdStart;

    for (let i = 0; i < caseCount; i++) {
      const id = ++caseId;
      const state = random.weighted([['queue', profile.queueShare], ['active', profile.activeShare], ['done', 1 - profile.queueShare - profile.activeShare]] as const);
      const kind = random.weighted(profile.kinds);
      const grantProfile = profile.grants.length ? random.weighted(profile.grants.map((g) => [g, g.weight] as const)) : null;
      const paragraph = grantProfile?.paragraph ?? '12';
      const cos = kind === 'complaint'
        ? 'fixed_date'
        : random.weighted([['urgent', 0.05], ['fixed_date', 0.1], ['standard', 0.7], ['can_wait', 0.15]] as const);
      const assignee = state === 'queue' && !random.chance(0.1) ? null : this.pickCaseworker(caseworkers, standouts);
      const intake = random.pick(this.secretariat);
      const actor = assignee ?? leader;

      // Dates as day numbers.
      let received: number;
      const moves: { day: number; column: number }[] = [];
      let blockedReason: string | null = null;
      let blockedSince: number | null = null;
      let finished: number | null = null;
      if (state === 'queue') {
        received = this.T - Math.floor(random.next() ** 2 * 45);
        moves.push({ day: received, column: incoming });
        if (random.chance(0.45)) moves.push({ day: Math.min(this.T, received + random.int(0, 6)), column: ready });
      } else if (state === 'active') {
        received = this.T - random.int(3, 110);
        const start = Math.min(this.T, received + random.int(0, 20));
        moves.push({ day: received, column: incoming });
        if (random.chance(0.6)) moves.push({ day: received + Math.floor((start - received) / 2), column: ready });
        moves.push({ day: start, column: inquiry });
        const where = random.weighted([[inquiry, 0.5], [waiting, 0.25], [decision, 0.25]] as const);
        if (where === decision && random.chance(0.5)) moves.push({ day: start + Math.floor((this.T - start) * 0.4), column: waiting });
        if (where !== inquiry) moves.push({ day: start + Math.floor((this.T - start) * 0.7), column: where });
        if (random.chance(0.18)) {
          blockedReason = random.pick(BLOCK_REASONS);
          blockedSince = random.int(moves[moves.length - 1]!.day, this.T);
        }
      } else {
        const wait = random.int(0, 18);
        const work = Math.max(1, Math.round(Math.exp(random.range(1, 4.3))));
        // Received early enough to be finished by yesterday, so no finish dates pile up there.
        const latestReceived = this.T - 1 - wait - work;
        received = latestReceived <= this.T - HISTORY_DAYS ? latestReceived : random.int(this.T - HISTORY_DAYS, latestReceived);
        finished = received + wait + work;
        const start = Math.min(received + wait, finished);
        moves.push({ day: received, column: incoming });
        if (random.chance(0.6)) moves.push({ day: received + Math.floor((start - received) / 2), column: ready });
        if (random.chance(0.05)) {
          // Decided at once: skips the active columns.
        } else {
          moves.push({ day: start, column: inquiry });
          const span = finished - start;
          if (random.chance(0.3)) moves.push({ day: start + Math.floor(span * 0.3), column: waiting });
          moves.push({ day: start + Math.floor(span * 0.7), column: decision });
          if (random.chance(0.04)) {
            // Sent back for more inquiry, then decided again.
            moves.push({ day: start + Math.floor(span * 0.8), column: inquiry });
            moves.push({ day: start + Math.floor(span * 0.9), column: decision });
          }
        }
        moves.push({ day: finished, column: done });
      }

      // Events: created, then each move, with the blocked periods.
      let time = this.timeOn(received, 0);
      const pushEvent = (day: number, e: Omit<NewEvent, 'time' | 'caseId'>) => {
        time = Math.max(time + 60_000, this.timeOn(day, random.int(0, 7 * 60)));
        events.push({ ...e, time, caseId: id });
      };
      pushEvent(received, { actorId: intake, type: 'created', field: 'column', from: null, to: String(incoming), reason: null });
      for (let m = 1; m < moves.length; m++) {
        const move = moves[m]!;
        const by = m === 1 && move.column === ready ? intake : actor;
        pushEvent(move.day, { actorId: by, type: 'moved', field: 'column', from: String(moves[m - 1]!.column), to: String(move.column), reason: null });
        if (state === 'done' && move.column === waiting && random.chance(0.5)) {
          const reason = random.pick(BLOCK_REASONS);
          pushEvent(move.day, { actorId: actor, type: 'blocked', field: 'blocked', from: null, to: reason, reason });
          const next = moves[m + 1]?.day ?? move.day;
          pushEvent(next, { actorId: actor, type: 'unblocked', field: 'blocked', from: reason, to: null, reason: null });
        }
      }
      if (blockedReason && blockedSince !== null) {
        pushEvent(blockedSince, { actorId: actor, type: 'blocked', field: 'blocked', from: null, to: blockedReason, reason: blockedReason });
      }

      // Grants: existing ones under follow-up or complaint, new ones on approved applications.
      if (grantProfile) {
        const provider = this.pickProvider(profile, standouts.has(assignee ?? -1));
        const takstFactor = standouts.has(assignee ?? -1) ? 1.45 : 1;
        if (kind === 'follow_up' || (kind === 'complaint' && random.chance(0.7))) {
          const start = received - random.int(120, 2_900);
          const nextFollowUp = finished !== null ? this.followUpAfter(finished, grantProfile) : fromDayNumber(received);
          // About one in five running grants ends this year, about as many as new ones start, so the
          // bottom line moves both ways through the year.
          grants.push(this.grant(id, grantProfile, provider, takstFactor, start, nextFollowUp, random.chance(0.22)));
        } else if (kind === 'application' && finished !== null) {
          const approved = random.chance(0.84);
          pushEvent(finished, { actorId: actor, type: 'decided', field: 'decision', from: null, to: approved ? 'approved' : 'rejected', reason: null });
          if (approved) {
            const start = finished + random.int(0, 14);
            grants.push(this.grant(id, grantProfile, provider, takstFactor, start, this.followUpAfter(start, grantProfile), false, finished));
          }
        }
      } else if (finished !== null && kind === 'application') {
        pushEvent(finished, { actorId: actor, type: 'decided', field: 'decision', from: null, to: 'approved', reason: null });
      }

      const last = moves[moves.length - 1]!;
      const deadlineDays = kind === 'complaint' ? 28 : legalDeadlineDays(paragraph);
      cases.push({
        id,
        number: `${fromDayNumber(received).slice(0, 4)}-${String(++this.caseSeq).padStart(6, '0')}`,
        citizen: this.citizenFor(),
        assignee,
        kind,
        paragraph,
        column: last.column,
        cos,
        received,
        deadline: deadlineDays === null ? null : fromDayNumber(received + deadlineDays),
        blocked: blockedReason,
        blockedSince,
        entered: last.day,
        // Queues in arrival order, the done column newest first.
        orderKey: last.column === done ? -last.day : received,
      });
    }

    this.anchorExtremes(profile, grants);
    this.calibrate(profile, grants, budget);

    const byColumn = new Map<number, typeof cases>();
    for (const c of cases) byColumn.set(c.column, [...(byColumn.get(c.column) ?? []), c]);
    const keyOf = new Map<number, number>();
    for (const list of byColumn.values()) {
      list.sort((a, b) => a.orderKey - b.orderKey || a.id - b.id);
      spacedKeys(list.length).forEach((key, i) => keyOf.set(list[i]!.id, key));
    }
    for (const c of cases) {
      this.stmt.case.run(
        c.id, c.number, c.citizen, teamId, c.assignee, c.kind, c.paragraph, c.column, keyOf.get(c.id)!, c.cos,
        fromDayNumber(c.received), c.deadline, c.blocked ? 1 : 0, c.blocked, c.blockedSince === null ? null : fromDayNumber(c.blockedSince),
        fromDayNumber(c.entered),
      );
    }
    for (const g of grants) g.assignee = cases.find((c) => c.id === g.caseId)?.assignee ?? null;
    this.levelHourTakster(profile, grants);
    this.addHistory(profile, grants, cases.filter((c) => c.column === done), budget);
    this.writeGrants(grants, leader);
    this.grantCount += grants.length;
    events.sort((a, b) => a.time - b.time);
    for (const e of events) {
      this.stmt.event.run(new Date(e.time).toISOString(), e.actorId, e.caseId, e.caseId, e.type, e.field, e.from, e.to, e.reason);
    }
    this.eventCount += events.length;
    return caseId;
  }

  /** A timestamp on the given day, during office hours (07:00 UTC + minutes). */
  private timeOn(day: number, minutes: number): number {
    return day * 86_400_000 + (7 * 60 + minutes) * 60_000;
  }

  private pickCaseworker(caseworkers: number[], standouts: Set<number>): number {
    return this.random.weighted(caseworkers.map((id) => [id, standouts.has(id) ? 1.4 : 1] as const));
  }

  private pickProvider(profile: TeamProfile, standout: boolean): { name: string; type: ProviderType } {
    const internalShare = standout ? profile.internalShare - 0.35 : profile.internalShare;
    if (profile.externalProviders.length === 0 || this.random.chance(internalShare)) {
      return { name: this.random.pick(profile.internalProviders), type: 'internal' };
    }
    return { name: this.random.pick(profile.externalProviders), type: 'external' };
  }

  /** Follow-up interval as in Syddjurs (seed 003): 3 months for developing, 12 for maintaining support. */
  private followUpAfter(day: number, profile: GrantProfile): IsoDate {
    const months = profile.unit === 'hour' && profile.paragraph === '85'
      ? this.random.weighted([[3, 0.45], [12, 0.55]] as const)
      : paragraphInfo(profile.paragraph)?.followUpMonths ?? 6;
    // Follow-ups held since the decision moved the date on; about one in twelve has slipped,
    // by up to two months, which is what the pull list and caseload views should surface.
    const slipped = this.random.chance(0.08) ? this.random.int(1, 60) : 0;
    let next = addMonths(fromDayNumber(day), months);
    for (let n = 1; toDayNumber(next) < this.T - slipped; n++) next = addMonths(fromDayNumber(day), months * (n + 1));
    return next;
  }

  private grant(
    caseId: number, profile: GrantProfile, provider: { name: string; type: ProviderType }, takstFactor: number,
    startDay: number, nextFollowUp: IsoDate, ended: boolean, decidedDay?: number,
  ): NewGrant {
    const { random } = this;
    const start = fromDayNumber(startDay);
    const end: IsoDate | null = profile.durationMonths ? addMonths(start, profile.durationMonths) : null;
    let endedEarly: NewGrant['endedEarly'];
    if (ended && startDay < this.T - 2) {
      const endDay = random.int(Math.max(startDay + 1, this.T - 300), this.T - 1);
      // The end is registered around the day it happens, a few days either way.
      const knownDay = Math.min(this.T, Math.max(startDay, endDay + random.int(-10, 3)));
      if (end === null || fromDayNumber(endDay) < end) endedEarly = { end: fromDayNumber(endDay), knownOn: fromDayNumber(knownDay) };
    }
    const quantity = profile.unit === 'hour'
      ? Math.round(random.range(profile.quantity[0], profile.quantity[1]) * 2) / 2
      : 1;
    return {
      caseId,
      paragraph: profile.paragraph,
      service: profile.service,
      provider: provider.name,
      providerType: provider.type,
      takst: random.range(profile.takst[0], profile.takst[1]) * takstFactor,
      unit: profile.unit,
      quantity,
      start,
      end,
      nextFollowUp: end !== null && nextFollowUp > end ? null : nextFollowUp,
      anchor: false,
      knownFrom: fromDayNumber(Math.min(startDay, decidedDay ?? startDay)),
      ...(endedEarly ? { endedEarly } : {}),
    };
  }

  private categoryCache: TakstCategory[] | null = null;
  private categories(): TakstCategory[] {
    this.categoryCache ??= this.db.prepare<[], TakstCategoriesRow>('SELECT * FROM takst_categories').all().map((r) => ({
      id: r.id, code: r.code, label: r.label, minHours: r.min_hours, maxHours: r.max_hours,
      followUpMonthsDeveloping: r.follow_up_developing, followUpMonthsMaintaining: r.follow_up_maintaining,
    }));
    return this.categoryCache;
  }

  /**
   * Calibration scales a team's takster to meet its budget, which leaves one team's hour price
   * for § 85 far from another's and makes whole teams look like takst outliers. For hour grants
   * the same yearly cost is re-expressed at the profile's price level with the hours adjusted
   * (to the quarter hour), so the takst dashboard shows the caseworkers who stand out.
   */
  private levelHourTakster(profile: TeamProfile, grants: NewGrant[]): void {
    const groups = new Map<string, NewGrant[]>();
    for (const g of grants) {
      if (g.unit !== 'hour' || g.anchor) continue; // keep seed 000's 7,085 kr. anchor
      const key = `${g.paragraph}|${g.service}`;
      groups.set(key, [...(groups.get(key) ?? []), g]);
    }
    for (const [key, list] of groups) {
      const [paragraph, service] = key.split('|') as [string, string];
      const p = profile.grants.find((x) => x.paragraph === paragraph && x.service === service);
      const level = median(list.map((g) => g.takst));
      if (!p || level === null) continue;
      const factor = level / ((p.takst[0] + p.takst[1]) / 2);
      for (const g of list) {
        const quantity = Math.max(0.25, Math.round(g.quantity * factor * 4) / 4);
        // The takst absorbs the rounding of the hours, so the yearly cost stays what it was.
        g.takst = Math.round(((g.takst * g.quantity) / quantity) * 100) / 100;
        g.quantity = quantity;
      }
    }
    for (const g of grants) g.takst = Math.round(g.takst * 100) / 100;
  }

  /**
   * Last year's grants of cases closed since (issue 16): each runs into last year and ends in it,
   * most at the end they were granted with, some earlier than planned. Their takster are scaled
   * so that last year's forecast lands at the team's LAST_YEAR_RATIO of last year's budget.
   */
  private addHistory(profile: TeamProfile, grants: NewGrant[], closed: { id: number; assignee: number | null }[], budget: number): void {
    const { random } = this;
    const ratio = LAST_YEAR_RATIO[profile.name];
    if (ratio === undefined || profile.grants.length === 0 || closed.length === 0) return;
    const last = this.year - 1;
    const from = `${last}-01-01`;
    const to = `${last}-12-31`;
    const cost = (g: NewGrant) => costInPeriod({ takst: g.takst, takstUnit: g.unit, quantity: g.quantity, startDate: g.start, endDate: g.endedEarly?.end ?? g.end }, from, to);
    const have = grants.reduce((n, g) => n + cost(g), 0);
    const target = Math.round(budget * 0.97) * ratio;
    if (have >= target) return;
    const first = toDayNumber(from);
    const lastDay = toDayNumber(to);
    const added: NewGrant[] = [];
    let sum = 0;
    // Typical grants until the gap is about filled, then one scale factor makes it exact.
    for (let n = 0; sum < (target - have) * 0.95 && n < 20_000; n++) {
      const p = random.weighted(profile.grants.map((x) => [x, x.weight] as const));
      const c = closed[n % closed.length]!;
      const startDay = random.int(first - 1_400, lastDay - 40);
      const plannedEnd = random.int(Math.max(first, startDay + 30), lastDay);
      const provider = this.pickProvider(profile, false);
      const g = this.grant(c.id, p, provider, 1, startDay, fromDayNumber(plannedEnd), false);
      g.historic = true;
      g.assignee = c.assignee;
      g.nextFollowUp = null;
      if (random.chance(0.25)) {
        // Ended before the planned end: known only when it happened.
        g.end = null;
        const knownDay = Math.min(this.T, plannedEnd + random.int(-7, 5));
        g.endedEarly = { end: fromDayNumber(plannedEnd), knownOn: fromDayNumber(Math.max(startDay, knownDay)) };
      } else {
        g.end = fromDayNumber(plannedEnd);
      }
      added.push(g);
      sum += cost(g);
    }
    const factor = sum > 0 ? (target - have) / sum : 1;
    for (const g of added) g.takst = Math.round(g.takst * factor * 100) / 100;
    grants.push(...added);
    if (process.env.FLOWTAVLE_DEMO_DEBUG) console.error(`${profile.name}: ${added.length} grants of last year, factor ${factor.toFixed(3)}`);
  }

  /** Every grant goes in through db/grants.ts, known from its decision; an early end becomes known later. */
  private writeGrants(grants: NewGrant[], leader: number): void {
    const cats = this.categories();
    const recent = fromDayNumber(this.T - 90);
    const at = (day: IsoDate) => `${day}T09:00:00.000Z`;
    for (const g of grants) {
      const category = grantCategory({ takstUnit: g.unit, quantity: g.quantity }, cats);
      let supportGoal: SupportGoal | null = null;
      let followUpMonths: number | null = paragraphInfo(g.paragraph)?.followUpMonths ?? null;
      if (category) {
        supportGoal = this.random.chance(0.45) ? 'developing' : 'maintaining';
        followUpMonths = followUpMonthsFor(category, supportGoal);
      }
      const content: GrantContent = {
        paragraph: g.paragraph, service: g.service, provider: g.provider, providerType: g.providerType, takst: g.takst,
        takstUnit: g.unit, quantity: g.quantity, startDate: g.start, endDate: g.end, nextFollowUp: g.nextFollowUp,
        followUpMonths, supportGoal,
      };
      const actor = g.assignee ?? leader;
      const knownFrom = g.knownFrom > this.today ? this.today : g.knownFrom;
      const id = insertGrant(this.db, g.caseId, content, {
        knownFrom, at: at(knownFrom), actorId: actor, source: 'demo',
        // Recent grants are in the event log too, so "what moved the bottom line" names who made them.
        event: knownFrom >= recent
          ? (grantId) => appendEvent(this.db, { at: at(knownFrom), actorId: actor, caseId: g.caseId, entity: 'grant', entityId: grantId, type: 'grant_created', field: 'grant', to: `${g.service} (${g.provider})` })
          : undefined,
      });
      if (g.endedEarly) {
        const { end, knownOn } = g.endedEarly;
        reviseGrant(this.db, id, { ...content, endDate: end, nextFollowUp: content.nextFollowUp !== null && content.nextFollowUp > end ? null : content.nextFollowUp }, {
          knownFrom: knownOn, at: at(knownOn), actorId: actor, source: 'demo', kind: 'ended',
          event: knownOn >= recent
            ? (grantId) => appendEvent(this.db, { at: at(knownOn), actorId: actor, caseId: g.caseId, entity: 'grant', entityId: grantId, type: 'grant_ended', field: 'endDate', from: null, to: end })
            : undefined,
        });
      }
    }
  }

  /** Seed 000: grants cost from 7,085 kr. a year (§ 85) to 6,546,000 kr. a year (§ 107). */
  private anchorExtremes(profile: TeamProfile, grants: NewGrant[]): void {
    const open = (g: NewGrant) => g.end === null && !g.anchor;
    if (profile.name === 'Team Bostøtte') {
      const g = grants.find((x) => open(x) && x.paragraph === '85');
      if (g) Object.assign(g, { takst: 545, unit: 'hour', quantity: 0.25, anchor: true });
    }
    if (profile.name === 'Team Botilbud') {
      const g = grants.find((x) => open(x) && x.paragraph === '107');
      if (g) Object.assign(g, { takst: 6_546_000, unit: 'year', quantity: 1, provider: 'Region Nordjylland, Bostedet Hammer Bakker', providerType: 'external', anchor: true });
    }
  }

  private calibrate(profile: TeamProfile, grants: NewGrant[], budget: number): void {
    if (grants.length === 0) return;
    const from = `${this.year}-01-01`;
    const to = `${this.year}-12-31`;
    const cost = (g: NewGrant) => costInPeriod({ takst: g.takst, takstUnit: g.unit, quantity: g.quantity, startDate: g.start, endDate: g.endedEarly?.end ?? g.end }, from, to);
    let anchors = 0;
    let scalable = 0;
    for (const g of grants) {
      if (g.anchor) anchors += cost(g);
      else scalable += cost(g);
    }
    const factor = scalable > 0 ? (profile.forecastRatio * budget - anchors) / scalable : 1;
    for (const g of grants) {
      if (!g.anchor) g.takst = Math.round(g.takst * factor * 100) / 100;
    }
    if (process.env.FLOWTAVLE_DEMO_DEBUG) console.error(`${profile.name}: takst factor ${factor.toFixed(3)}`);
  }
}
