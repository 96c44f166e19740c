// Demo data of the economy feature, added after the department's cases, grants and events exist:
// the takst catalogue (services and providers the grants use, with dated prices) and three
// months of grant changes (grants ended early, renegotiated takster) written through
// db/grants.ts, so each is a version, an event and a ledger entry and the "what moved the bottom
// line" drill-down has something to show from the first start. (The generator itself writes the
// grants with their history: known from the decision, some ended earlier than planned.)
import { addDays, fromDayNumber, toDayNumber, yearOf } from '../../shared/dates';
import { median } from '../../shared/economics';
import type { Random } from '../../shared/random';
import type { Db } from '../connection';
import type { CasesRow, GrantsRow, PeopleRow } from '../schema';
import { readGrant, reviseGrant } from '../grants';

type DemoGrant = Pick<
  GrantsRow,
  'id' | 'case_id' | 'paragraph' | 'service' | 'provider' | 'provider_type' | 'takst' | 'takst_unit' | 'quantity' | 'start_date' | 'end_date'
> & Pick<CasesRow, 'team_id' | 'assignee_id'>;

const RECENT_DAYS = 90;

export function economyDemo(db: Db, random: Random, today: string): void {
  const grants = db
    .prepare<[], DemoGrant>(
      `SELECT g.id, g.case_id, c.team_id, c.assignee_id, g.paragraph, g.service, g.provider, g.provider_type, g.takst,
              g.takst_unit, g.quantity, g.start_date, g.end_date
       FROM grants g JOIN cases c ON c.id = g.case_id ORDER BY g.id`,
    )
    .all();
  const leaders = new Map(
    db.prepare<[], Pick<PeopleRow, 'id'> & { team_id: number }>(`SELECT team_id, id FROM people WHERE role = 'leader' AND team_id IS NOT NULL`).all().map((r) => [r.team_id, r.id]),
  );
  writeCatalogue(db, random, today, grants, leaders);
  writeRecentChanges(db, random, today, grants, leaders);
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

function writeRecentChanges(db: Db, random: Random, today: string, grants: DemoGrant[], leaders: Map<number, number>): void {
  const event = db.prepare(
    `INSERT INTO events (at, actor_id, case_id, entity, entity_id, type, field, from_value, to_value, reason)
     VALUES (?, ?, ?, 'grant', ?, ?, ?, ?, ?, ?)`,
  );
  const T = toDayNumber(today);
  const change = (g: DemoGrant, day: string, type: string, field: string, from: string | null, to: string | null, kind: 'ended' | 'takst' | 'changed',
    patch: { endDate?: string; takst?: number; quantity?: number }) => {
    const actor = g.assignee_id ?? leaders.get(g.team_id) ?? null;
    const at = `${day}T${String(8 + random.int(0, 7)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00.000Z`;
    const stored = readGrant(db, g.id)!;
    const endDate = patch.endDate ?? stored.endDate;
    reviseGrant(db, g.id, {
      ...stored, ...patch, nextFollowUp: stored.nextFollowUp !== null && endDate !== null && stored.nextFollowUp > endDate ? null : stored.nextFollowUp,
    }, {
      knownFrom: day, at, actorId: actor, source: 'demo', kind,
      event: () => Number(event.run(at, actor, g.case_id, g.id, type, field, from, to, null).lastInsertRowid),
    });
  };

  for (const g of grants) {
    const longRunning = g.end_date === null && toDayNumber(g.start_date) < T - RECENT_DAYS;
    if (!longRunning) continue;
    if (random.chance(0.015)) {
      const end = fromDayNumber(T - random.int(1, 45));
      change(g, addDays(end, -random.int(0, 10)), 'grant_ended', 'endDate', null, end, 'ended', { endDate: end });
      g.end_date = end;
    } else if (random.chance(0.012)) {
      const day = fromDayNumber(T - random.int(1, RECENT_DAYS));
      const takst = Math.round(g.takst * random.range(0.9, 1.12) * 100) / 100;
      change(g, day, 'grant_changed', 'takst', String(g.takst), String(takst), 'takst', { takst });
      g.takst = takst;
    } else if (g.takst_unit === 'hour' && random.chance(0.03)) {
      // Revisited: more or fewer hours a week (volume).
      const day = fromDayNumber(T - random.int(1, RECENT_DAYS));
      const quantity = Math.max(0.5, Math.round((g.quantity + random.pick([-3, -2, -1, 1, 2, 3, 4])) * 2) / 2);
      change(g, day, 'grant_changed', 'quantity', String(g.quantity), String(quantity), 'changed', { quantity });
      g.quantity = quantity;
    }
  }
}
