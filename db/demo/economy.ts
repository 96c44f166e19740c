// Demo data of the economy feature, added after the department's cases, grants and events exist:
// the takst catalogue (services and providers the grants use, with dated prices), support goals
// and follow-up intervals on the grants, and three months of grant changes (new grants, grants
// ended early, renegotiated takster) in the event log and the ledger, so the "what moved the
// bottom line" drill-down has something to show from the first start.
import { addDays, fromDayNumber, toDayNumber, yearOf } from '../../shared/dates';
import type { ProviderType, TakstUnit } from '../../shared/domain';
import {
  describeGrant, grantCategory, followUpMonthsFor, median, type GrantPeriodBasis, type TakstCategory,
} from '../../shared/economics';
import { paragraphInfo } from '../../shared/paragraphs';
import type { Random } from '../../shared/random';
import type { Db } from '../connection';
import { recordGrantLedger } from '../service/economy';
import { TEAM_PROFILES } from './profiles';

interface DemoGrant {
  id: number; case_id: number; team_id: number; assignee_id: number | null; paragraph: string; service: string;
  provider: string; provider_type: ProviderType; takst: number; takst_unit: TakstUnit; quantity: number;
  start_date: string; end_date: string | null;
}

const RECENT_DAYS = 90;

export function economyDemo(db: Db, random: Random, today: string): void {
  const grants = db
    .prepare(
      `SELECT g.id, g.case_id, c.team_id, c.assignee_id, g.paragraph, g.service, g.provider, g.provider_type, g.takst,
              g.takst_unit, g.quantity, g.start_date, g.end_date
       FROM grants g JOIN cases c ON c.id = g.case_id ORDER BY g.id`,
    )
    .all() as DemoGrant[];
  const leaders = new Map(
    (db.prepare(`SELECT team_id, id FROM people WHERE role = 'leader'`).all() as { team_id: number; id: number }[]).map((r) => [r.team_id, r.id]),
  );
  levelHourTakster(db, grants);
  writeCatalogue(db, random, today, grants, leaders);
  writeSupportGoals(db, random, grants);
  writeRecentChanges(db, random, today, grants, leaders);
}

/**
 * The generator meets each team's budget by scaling its takster, which leaves one team's hour
 * price for § 85 far from another's and makes whole teams look like takst outliers. For hour
 * grants the same yearly cost is re-expressed at the profile's price level with the hours
 * adjusted (to the quarter hour), so the takst dashboard shows the caseworkers who stand out.
 */
function levelHourTakster(db: Db, grants: DemoGrant[]): void {
  const teamNames = new Map((db.prepare('SELECT id, name FROM teams').all() as { id: number; name: string }[]).map((t) => [t.id, t.name]));
  const groups = new Map<string, DemoGrant[]>();
  for (const g of grants) {
    if (g.takst_unit !== 'hour' || (g.takst === 545 && g.quantity === 0.25)) continue; // keep seed 000's 7,085 kr. anchor
    const key = `${g.team_id}|${g.paragraph}|${g.service}`;
    groups.set(key, [...(groups.get(key) ?? []), g]);
  }
  const update = db.prepare('UPDATE grants SET takst = ?, quantity = ? WHERE id = ?');
  for (const [key, list] of groups) {
    const [teamId, paragraph, service] = key.split('|') as [string, string, string];
    const profile = TEAM_PROFILES.find((p) => p.name === teamNames.get(Number(teamId)))?.grants.find((x) => x.paragraph === paragraph && x.service === service);
    const level = median(list.map((g) => g.takst));
    if (!profile || level === null) continue;
    const factor = level / ((profile.takst[0] + profile.takst[1]) / 2);
    for (const g of list) {
      const quantity = Math.max(0.25, Math.round(g.quantity * factor * 4) / 4);
      // The takst absorbs the rounding of the hours, so the yearly cost stays what it was.
      const takst = Math.round(((g.takst * g.quantity) / quantity) * 100) / 100;
      update.run(takst, quantity, g.id);
      g.takst = takst;
      g.quantity = quantity;
    }
  }
}

function writeCatalogue(db: Db, random: Random, today: string, grants: DemoGrant[], leaders: Map<number, number>): void {
  const insertService = db.prepare('INSERT INTO takst_services (paragraph, name, unit) VALUES (?, ?, ?)');
  const insertProvider = db.prepare('INSERT INTO takst_providers (name, provider_type) VALUES (?, ?)');
  const insertPrice = db.prepare(
    'INSERT INTO takst_prices (service_id, provider_id, valid_from, takst, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const services = new Map<string, number>();
  const providers = new Map<string, number>();
  const takster = new Map<string, { service: number; provider: number; takster: number[]; team: number }>();
  for (const g of grants) {
    // The § 107 anchor's yearly price is a one-off agreement, not a list price.
    if (g.takst_unit === 'year') continue;
    const serviceKey = `${g.paragraph}|${g.service}`;
    if (!services.has(serviceKey)) services.set(serviceKey, Number(insertService.run(g.paragraph, g.service, g.takst_unit).lastInsertRowid));
    if (!providers.has(g.provider)) providers.set(g.provider, Number(insertProvider.run(g.provider, g.provider_type).lastInsertRowid));
    const key = `${serviceKey}|${g.provider}`;
    const entry = takster.get(key) ?? { service: services.get(serviceKey)!, provider: providers.get(g.provider)!, takster: [], team: g.team_id };
    entry.takster.push(g.takst);
    takster.set(key, entry);
  }
  const year = yearOf(today);
  for (const entry of takster.values()) {
    const current = median(entry.takster);
    if (current === null) continue;
    const leader = leaders.get(entry.team) ?? null;
    const price = Math.round(current * 100) / 100;
    // Last year's price list, this year's indexation on 1 January, and for some a renegotiation since.
    const lastYear = Math.round((price / random.range(1.02, 1.045)) * 100) / 100;
    insertPrice.run(entry.service, entry.provider, `${year - 1}-01-01`, lastYear, `${year - 1}-01-01T08:00:00.000Z`, leader);
    insertPrice.run(entry.service, entry.provider, `${year}-01-01`, price, `${year - 1}-12-15T08:00:00.000Z`, leader);
    if (random.chance(0.15)) {
      const on = fromDayNumber(toDayNumber(today) - random.int(5, 120));
      if (on > `${year}-01-01`) {
        const renegotiated = Math.round(price * random.range(0.94, 1.03) * 100) / 100;
        insertPrice.run(entry.service, entry.provider, on, renegotiated, `${on}T09:00:00.000Z`, leader);
      }
    }
  }
}

function writeSupportGoals(db: Db, random: Random, grants: DemoGrant[]): void {
  const categories = (db.prepare('SELECT * FROM takst_categories').all() as {
    id: number; code: string; label: string; min_hours: number; max_hours: number | null; follow_up_developing: number; follow_up_maintaining: number;
  }[]).map((r): TakstCategory => ({
    id: r.id, code: r.code, label: r.label, minHours: r.min_hours, maxHours: r.max_hours,
    followUpMonthsDeveloping: r.follow_up_developing, followUpMonthsMaintaining: r.follow_up_maintaining,
  }));
  const update = db.prepare('UPDATE grants SET support_goal = ?, follow_up_months = ? WHERE id = ?');
  for (const g of grants) {
    const category = grantCategory({ takstUnit: g.takst_unit, quantity: g.quantity }, categories);
    if (category) {
      const goal = random.chance(0.45) ? 'developing' : 'maintaining';
      update.run(goal, followUpMonthsFor(category, goal), g.id);
    } else {
      update.run(null, paragraphInfo(g.paragraph)?.followUpMonths ?? null, g.id);
    }
  }
}

function writeRecentChanges(db: Db, random: Random, today: string, grants: DemoGrant[], leaders: Map<number, number>): void {
  const event = db.prepare(
    `INSERT INTO events (at, actor_id, case_id, entity, entity_id, type, field, from_value, to_value, reason)
     VALUES (?, ?, ?, 'grant', ?, ?, ?, ?, ?, ?)`,
  );
  const setEnd = db.prepare('UPDATE grants SET end_date = ?, next_follow_up = CASE WHEN next_follow_up > ? THEN NULL ELSE next_follow_up END WHERE id = ?');
  const setTakst = db.prepare('UPDATE grants SET takst = ? WHERE id = ?');
  const T = toDayNumber(today);
  const recentFrom = fromDayNumber(T - RECENT_DAYS);
  const basis = (g: DemoGrant): GrantPeriodBasis => ({ takst: g.takst, takstUnit: g.takst_unit, quantity: g.quantity, startDate: g.start_date, endDate: g.end_date });
  const describe = (g: DemoGrant) => describeGrant({ paragraph: g.paragraph, service: g.service, provider: g.provider, takst: g.takst, takstUnit: g.takst_unit, quantity: g.quantity });
  const record = (g: DemoGrant, day: string, type: string, field: string, from: string | null, to: string | null,
    kind: 'new' | 'ended' | 'takst', before: GrantPeriodBasis | null, after: GrantPeriodBasis) => {
    const actor = g.assignee_id ?? leaders.get(g.team_id) ?? null;
    const at = `${day}T${String(8 + random.int(0, 7)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00.000Z`;
    const eventId = Number(event.run(at, actor, g.case_id, g.id, type, field, from, to, null).lastInsertRowid);
    recordGrantLedger(db, { eventId, grantId: g.id, caseId: g.case_id, teamId: g.team_id, actorId: actor, onDate: day, kind, description: describe(g), before, after });
  };

  for (const g of grants) {
    if (g.start_date >= recentFrom && g.start_date <= today) {
      // The grant was registered the day it started.
      record(g, g.start_date, 'grant_created', 'grant', null, describe(g), 'new', null, basis(g));
      continue;
    }
    const longRunning = g.end_date === null && toDayNumber(g.start_date) < T - RECENT_DAYS;
    if (!longRunning) continue;
    if (random.chance(0.015)) {
      const end = fromDayNumber(T - random.int(1, 45));
      const before = basis(g);
      setEnd.run(end, end, g.id);
      g.end_date = end;
      record(g, addDays(end, -random.int(0, 10)), 'grant_ended', 'endDate', null, end, 'ended', before, basis(g));
    } else if (random.chance(0.012)) {
      const day = fromDayNumber(T - random.int(1, RECENT_DAYS));
      const before = basis(g);
      const takst = Math.round(g.takst * random.range(0.9, 1.12) * 100) / 100;
      setTakst.run(takst, g.id);
      g.takst = takst;
      record(g, day, 'grant_changed', 'takst', String(before.takst), String(takst), 'takst', before, basis(g));
    }
  }
}
