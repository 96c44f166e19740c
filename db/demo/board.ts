// Demo data of the board feature, added after the department's cases, grants and events exist:
// VUM 2.0 assessments for about 40 % of the cases with a running grant, one to four quarterly
// assessments each, with the progression the caseworker expected by the next follow-up. About
// a quarter of the followed citizens miss their expectation, so "off track" cases exist for the
// board's detail panel and the pull list's follow-up rules.
import { addMonths, toDayNumber, fromDayNumber } from '../../shared/dates';
import { VUM_THEMES, type VumScores } from '../../shared/progression';
import type { Random } from '../../shared/random';
import type { Db } from '../connection';
import type { CasesRow, GrantsRow } from '../schema';
import type { IsoDate } from '../../shared/domain';

const NOTES_ON_TRACK = [
  'Borgeren mestrer flere praktiske opgaver selv.',
  'God udvikling; støtten kan trappes ned ved næste opfølgning.',
  'Stabil i egen bolig, deltager i aktivitetstilbud.',
];
const NOTES_OFF_TRACK = [
  'Forventet progression ikke nået; indlæggelse i perioden.',
  'Borgeren har haft svært ved at fastholde aftaler med støttepersonen.',
  'Tilbuddet vurderer behov for flere timer.',
];

export function boardDemo(db: Db, random: Random, today: string): void {
  const T = toDayNumber(today);
  const followed = db
    .prepare<[IsoDate, IsoDate], Pick<CasesRow, 'id' | 'assignee_id'> & { start: GrantsRow['start_date'] }>(
      `SELECT c.id, c.assignee_id, MIN(g.start_date) AS start
       FROM cases c JOIN grants g ON g.case_id = c.id
       WHERE g.start_date <= ? AND (g.end_date IS NULL OR g.end_date >= ?)
       GROUP BY c.id ORDER BY c.id`,
    )
    .all(today, today);
  const insert = db.prepare(
    `INSERT INTO assessments (case_id, assessed_on, method, scores, expected_scores, expected_by, note, created_by, created_at)
     VALUES (?, ?, 'VUM 2.0', ?, ?, ?, ?, ?, ?)`,
  );

  for (const c of followed) {
    if (!random.chance(0.4)) continue;
    const startDay = toDayNumber(c.start);
    const latest = T - random.int(3, 88);
    // Quarterly, back from the latest; none before the grant began.
    const wanted = random.int(1, 4);
    const days: number[] = [];
    for (let k = 0; k < wanted; k++) {
      const day = latest - k * 91 - random.int(0, 10);
      if (day < startDay) break;
      days.unshift(day);
    }
    if (days.length === 0) days.push(Math.max(startDay, latest));
    // Some citizens keep missing their expectations; most reach them most of the time.
    const struggling = random.chance(0.3);

    let scores: VumScores = Object.fromEntries(VUM_THEMES.map((t) => [t, random.weighted([[1, 0.2], [2, 0.35], [3, 0.3], [4, 0.15]] as const)]));
    let missed = false;
    for (let k = 0; k < days.length; k++) {
      const onDate = fromDayNumber(days[k]!);
      // The authority expects one step of progress on one to three themes that are not yet at 0.
      const expected: VumScores = { ...scores };
      const improvable = VUM_THEMES.filter((t) => (scores[t] ?? 0) > 0);
      for (let n = random.int(1, 3); n > 0 && improvable.length > 0; n--) {
        const theme = improvable.splice(random.int(0, improvable.length - 1), 1)[0]!;
        expected[theme] = (scores[theme] ?? 1) - 1;
      }
      const note = k > 0 && random.chance(0.5) ? random.pick(missed ? NOTES_OFF_TRACK : NOTES_ON_TRACK) : null;
      insert.run(
        c.id, onDate, JSON.stringify(scores), JSON.stringify(expected), addMonths(onDate, 3), note, c.assignee_id,
        `${onDate}T09:30:00.000Z`,
      );
      // The next assessment either reaches this expectation or stays put (and sometimes slips).
      missed = struggling ? random.chance(0.75) : random.chance(0.1);
      if (missed) {
        const slip = random.pick(VUM_THEMES);
        scores = { ...scores, ...(random.chance(0.5) ? { [slip]: Math.min(4, (scores[slip] ?? 0) + 1) } : {}) };
      } else {
        scores = expected;
      }
    }
  }
}
