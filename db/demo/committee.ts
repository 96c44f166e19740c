// Demo data of the committee feature, added after the department's cases, grants and events exist:
// default grant authority (seed 001: a caseworker may grant up to about 5 hours a week of § 85
// alone, internal providers only; leaders more), a meeting two weeks ago with its decisions, a
// few cases awaiting the committee with recommendations, and the next meeting, fortnightly as in
// Frederiksberg. Proposals and decisions go through the services, so events and ledger agree.
import { addDays, mondayOf } from '../../shared/dates';
import type { IsoDate } from '../../shared/domain';
import type { Random } from '../../shared/random';
import type { Db } from '../connection';
import type { CasesRow, PeopleRow, TakstPricesRow, TeamsRow } from '../schema';
import { committeeHandlers } from '../service/committee';
import { systemContext } from '../../shared/api/define';
import { personContextFromStore } from '../service/access';
import { createContext } from '../service/context';
import { economyHandlers } from '../service/economy';

const at = (day: IsoDate, time: string) => new Date(`${day}T${time}:00Z`);

type Candidate = Pick<CasesRow, 'id' | 'team_id' | 'paragraph' | 'legal_deadline'> & { assignee_id: number };

export function committeeDemo(db: Db, random: Random, today: string): void {
  const leaders = db
    .prepare<[], Pick<PeopleRow, 'id'> & Pick<TeamsRow, 'name'>>(`SELECT p.id, t.name FROM people p JOIN teams t ON t.id = p.team_id WHERE p.role = 'leader' ORDER BY t.sort_order, t.id`)
    .all();
  if (leaders.length === 0) return;
  const secretariat = db.prepare<[], Pick<PeopleRow, 'id'>>(`SELECT id FROM people WHERE role = 'secretariat' ORDER BY id LIMIT 1`).get();
  const chair = leaders.find((l) => l.name === 'Team Bostøtte') ?? leaders[0]!;

  const setup = committeeHandlers(createContext(db, { now: () => at(addDays(today, -30), '08:00') }));
  const admin = personContextFromStore(db, chair.id);
  // Grant authority is the department head's to set (nobody sets their own: not the leaders' limit by a leader).
  const head = db.prepare<[], Pick<PeopleRow, 'id'>>(`SELECT id FROM people WHERE role = 'department_head' ORDER BY id LIMIT 1`).get();
  const authority = head ? personContextFromStore(db, head.id) : systemContext(chair.id);
  setup.saveAuthorityLimit({ role: 'caseworker', personId: null, paragraph: '85', maxHoursPerWeek: 5, maxYearlyCost: 150_000, externalAllowed: false }, authority);
  setup.saveAuthorityLimit({ role: 'caseworker', personId: null, paragraph: null, maxHoursPerWeek: 5, maxYearlyCost: 150_000, externalAllowed: false }, authority);
  setup.saveAuthorityLimit({ role: 'leader', personId: null, paragraph: null, maxHoursPerWeek: null, maxYearlyCost: 1_000_000, externalAllowed: true }, authority);

  const members = [chair.id, ...leaders.filter((l) => l.name === 'Team Botilbud' || l.name === 'Team Housing First').map((l) => l.id), ...(secretariat ? [secretariat.id] : [])];
  // Thursdays, every other week: one held two weeks ago, the next one this or next week.
  const thisThursday = addDays(mondayOf(today), 3);
  const nextDate = thisThursday >= today ? thisThursday : addDays(thisThursday, 14);
  const pastDate = addDays(nextDate, -14);

  // A team without an active caseworker leaves its unassigned applications out.
  const candidates = db.prepare<[], Omit<Candidate, 'assignee_id'> & { assignee_id: number | null }>(
    `SELECT c.id, c.team_id, COALESCE(c.assignee_id,
              (SELECT p.id FROM people p WHERE p.team_id = c.team_id AND p.role = 'caseworker' AND p.active = 1 ORDER BY p.id LIMIT 1)) AS assignee_id,
            c.paragraph, c.legal_deadline
     FROM cases c JOIN board_columns b ON b.id = c.column_id
     WHERE c.kind = 'application' AND b.kind <> 'done' AND c.paragraph IN ('85', '107')
       AND NOT EXISTS (SELECT 1 FROM grants g WHERE g.case_id = c.id)
     ORDER BY b.kind = 'active' DESC, c.id`,
  ).all().filter((c): c is Candidate => c.assignee_id !== null);
  const s85 = candidates.filter((c) => c.paragraph === '85');
  const s107 = candidates.filter((c) => c.paragraph === '107');
  if (s85.length < 5) return;
  const hourTakst = priceOf(db, '85', 'hour', 'internal', today) ?? 512;
  const externalHour = priceOf(db, '85', 'hour', 'external', today) ?? 640;
  const yearly107 = priceOf(db, '107', 'year', 'external', today);

  // Two weeks ago: three proposals decided at the meeting that was then.
  const pastProposals: { c: Candidate; hours: number }[] = [{ c: s85[0]!, hours: 9 }, { c: s85[1]!, hours: 7 }, { c: s85[2]!, hours: 14 }];
  for (const [i, { c, hours }] of pastProposals.entries()) {
    const day = addDays(pastDate, -random.int(5, 12));
    propose(db, c, day, { hours, takst: hourTakst, external: false });
    committeeHandlers(createContext(db, { now: () => at(day, '13:00') }))
      .saveRecommendation({ caseId: c.id, recommendation: RECOMMENDATIONS[i % 2]!(addDays(pastDate, 90)) }, personContextFromStore(db, c.assignee_id));
  }
  const pastCtx = createContext(db, { now: () => at(addDays(pastDate, -20), '09:00') });
  const pastMeeting = committeeHandlers(pastCtx).createMeeting({ date: pastDate, title: 'Visitationsudvalget', memberIds: members }, admin);
  const held = committeeHandlers(createContext(db, { now: () => at(pastDate, '10:30') }));
  const [a, b, c] = pastProposals;
  held.decideCase({ meetingId: pastMeeting.id, caseId: a!.c.id, outcome: 'approved', conditions: 'Opfølgning med VUM efter 3 måneder.', followUpDate: null }, admin);
  held.decideCase({
    meetingId: pastMeeting.id, caseId: c!.c.id, outcome: 'approved_with_changes', conditions: 'Nedtrapning aftales med borgeren.',
    followUpDate: null, grant: grantFields({ hours: 10, takst: hourTakst, external: false }, addDays(pastDate, 1)),
  }, admin);
  held.decideCase({ meetingId: pastMeeting.id, caseId: b!.c.id, outcome: 'rejected', conditions: 'Tilbydes § 82 b gruppeforløb i stedet.', followUpDate: null }, admin);
  held.closeMeeting({ meetingId: pastMeeting.id }, admin);

  // Awaiting the next meeting, each with a recommendation.
  const waiting: { c: Candidate; grant: Parameters<typeof propose>[3] }[] = [
    { c: s85[3]!, grant: { hours: 12, takst: hourTakst, external: false } },
    { c: s85[4]!, grant: { hours: 4, takst: externalHour, external: true } },
    ...(s107[0] && yearly107 !== null ? [{ c: s107[0], grant: { yearly: yearly107 } }] : []),
  ];
  for (const [i, w] of waiting.entries()) {
    const day = addDays(today, -random.int(2, 9));
    propose(db, w.c, day, w.grant);
    const writer = committeeHandlers(createContext(db, { now: () => at(day, '13:00') }));
    writer.saveRecommendation({ caseId: w.c.id, recommendation: RECOMMENDATIONS[i % RECOMMENDATIONS.length]!(addDays(today, 90)) }, personContextFromStore(db, w.c.assignee_id));
  }
  committeeHandlers(createContext(db, { now: () => at(addDays(today, -10), '09:00') }))
    .createMeeting({ date: nextDate, title: 'Visitationsudvalget', memberIds: members }, admin);
}

type Proposed = { hours: number; takst: number; external: boolean } | { yearly: number };

function grantFields(g: Proposed, startDate: IsoDate) {
  if ('yearly' in g) {
    return {
      paragraph: '107', service: 'Midlertidigt botilbud', provider: 'Bostedet Fjordbakken', providerType: 'external' as const,
      takst: g.yearly, takstUnit: 'year' as const, quantity: 1, startDate, endDate: null, followUpMonths: 6, supportGoal: 'developing' as const,
    };
  }
  return {
    paragraph: '85', service: 'Socialpædagogisk støtte i eget hjem',
    provider: g.external ? 'Støttekompagniet ApS' : 'Bostøtten Aalborg Øst (intern)', providerType: g.external ? 'external' as const : 'internal' as const,
    takst: g.takst, takstUnit: 'hour' as const, quantity: g.hours, startDate, endDate: null, followUpMonths: 3, supportGoal: 'developing' as const,
  };
}

/** The caseworker saves the grant as usual; above the demo authority it becomes a proposal. */
function propose(db: Db, c: Candidate, day: IsoDate, g: Proposed): void {
  const economy = economyHandlers(createContext(db, { now: () => at(day, '11:00') }));
  economy.createGrant({ caseId: c.id, grant: grantFields(g, addDays(day, 14)) }, personContextFromStore(db, c.assignee_id));
}

function priceOf(db: Db, paragraph: string, unit: string, type: 'internal' | 'external', today: IsoDate): number | null {
  const row = db.prepare<[string, string, string, IsoDate], Pick<TakstPricesRow, 'takst'>>(
    `SELECT p.takst FROM takst_prices p JOIN takst_services s ON s.id = p.service_id JOIN takst_providers v ON v.id = p.provider_id
     WHERE s.paragraph = ? AND s.unit = ? AND v.provider_type = ? AND p.valid_from <= ? ORDER BY p.valid_from DESC, p.takst LIMIT 1`,
  ).get(paragraph, unit, type, today);
  return row?.takst ?? null;
}

const RECOMMENDATIONS: ((followUp: IsoDate) => {
  targetGroup: string; vumSummary: string; citizenWishes: string; internalAlternatives: string; expectedProgression: string; followUpDate: IsoDate;
})[] = [
  (followUpDate) => ({
    targetGroup: 'Voksen med sindslidelse (skizofreni) og begyndende misbrug; målgruppe for § 85 i eget hjem.',
    vumSummary: 'Store vanskeligheder med praktiske opgaver og egenomsorg; moderate med socialt liv. Borgeren har mistet sin bolig én gang.',
    citizenWishes: 'Vil blive boende i egen lejlighed og på sigt i praktik på et værksted.',
    internalAlternatives: 'Bostøttens gruppeforløb (§ 82 b) er afprøvet og ikke tilstrækkeligt alene; intern bostøtte kan levere timerne.',
    expectedProgression: 'Praktiske opgaver fra 4 til 3 og egenomsorg fra 3 til 2 inden opfølgningen.',
    followUpDate,
  }),
  (followUpDate) => ({
    targetGroup: 'Ung voksen med autisme, udsluset fra opholdssted.',
    vumSummary: 'Kommunikation og socialt liv scorer 3; mobilitet 1.',
    citizenWishes: 'Ønsker at beholde sin kendte støtteperson fra opholdsstedets private leverandør.',
    internalAlternatives: 'Intern bostøtte har ingen medarbejder med autismeerfaring ledig før om 3 måneder; ekstern leverandør i overgangen.',
    expectedProgression: 'Socialt liv fra 3 til 2; overgang til intern leverandør ved opfølgningen.',
    followUpDate,
  }),
  (followUpDate) => ({
    targetGroup: 'Voksen med svær psykisk lidelse og hjemløshed; behov for døgndækning.',
    vumSummary: 'Store vanskeligheder på alle temaer; sundhed 4.',
    citizenWishes: 'Vil gerne bo tæt på sin søster.',
    internalAlternatives: 'Kommunens egne botilbud har venteliste på 7 måneder; Housing First med intensiv § 85 er vurderet utilstrækkelig nu.',
    expectedProgression: 'Stabilisering; revurdering af egen bolig med § 85 efter 6 måneder.',
    followUpDate,
  }),
];
