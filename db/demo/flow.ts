// Demo data of the flow feature, added after the department's cases, grants and events exist:
// the leaders' caseload weights per paragraph, and last week's flow-review decisions, so the
// caseload dashboard and this week's review have something to show; and (issue 18) service levels
// in working days for the queues, with waiting for information not counted as work.
import { addDays, mondayOf } from '../../shared/dates';
import type { Random } from '../../shared/random';
import type { Db } from '../connection';
import type { BoardColumnsRow, PeopleRow } from '../schema';

/** Heavier for residential and BPA cases (more follow-up), lighter for advice and extra costs. */
const DEMO_WEIGHTS: readonly [string, number][] = [
  ['12', 0.5],
  ['100', 0.6],
  ['95-96', 2],
  ['107', 1.5],
  ['108', 1.5],
];

const DEMO_DECISIONS = [
  'Vi tager højst to nye sager ind i Udredning pr. rådgiver, før de ældste er flyttet videre.',
  'Sager, der har ventet på lægeerklæring i mere end 14 dage, rykkes af teamlederen.',
  'Vi gennemgår de fem ældste igangværende sager på standup mandag og torsdag.',
];
const DEMO_NOTES = [
  'Afventer oplysninger vokser: vi følger op på næste møde.',
  'To rådgivere er på kursus i uge 49; vi forventer lavere gennemstrømning.',
];

export function flowDemo(db: Db, random: Random, today: string): void {
  const leaders = db
    .prepare<[], Pick<PeopleRow, 'id'> & { team_id: number }>("SELECT id, team_id FROM people WHERE role = 'leader' AND team_id IS NOT NULL ORDER BY team_id")
    .all();
  const firstLeader = leaders[0];
  if (!firstLeader) return;
  const at = `${addDays(today, -7)}T14:00:00.000Z`;
  const weight = db.prepare('INSERT OR REPLACE INTO caseload_weights (paragraph, weight, updated_by, updated_at) VALUES (?, ?, ?, ?)');
  for (const [paragraph, w] of DEMO_WEIGHTS) weight.run(paragraph, w, firstLeader.id, at);

  const previousWeek = addDays(mondayOf(today), -7);
  const note = db.prepare(
    'INSERT INTO flow_review_notes (team_id, week_start, kind, text, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const leader of leaders) {
    const noteAt = `${addDays(previousWeek, 3)}T13:${String(random.int(10, 59))}:00.000Z`;
    note.run(leader.team_id, previousWeek, 'decision', random.pick(DEMO_DECISIONS), leader.id, noteAt);
    if (random.chance(0.6)) note.run(leader.team_id, previousWeek, 'note', random.pick(DEMO_NOTES), leader.id, noteAt);
  }
  flowSettingsDemo(db, today);
}

/** "Højst 5 arbejdsdage i Indkommet": the leaders' service levels of the demo, per column name. */
const DEMO_SERVICE_LEVELS: readonly [string, number | null, 0 | 1 | null][] = [
  ['Indkommet', 5, null],
  ['Klar til sagsbehandling', 10, null],
  ['Afventer oplysninger', null, 0],
];

export function flowSettingsDemo(db: Db, today: string): void {
  const leaderOf = db.prepare<[number], Pick<PeopleRow, 'id'>>("SELECT id FROM people WHERE role = 'leader' AND team_id = ? ORDER BY id LIMIT 1");
  const put = db.prepare(
    'INSERT OR REPLACE INTO column_flow_settings (column_id, max_working_days, counts_as_work, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)',
  );
  const at = `${addDays(today, -30)}T09:00:00.000Z`;
  for (const [name, max, work] of DEMO_SERVICE_LEVELS) {
    for (const c of db.prepare<[string], Pick<BoardColumnsRow, 'id' | 'team_id'>>('SELECT id, team_id FROM board_columns WHERE name = ?').all(name)) {
      put.run(c.id, max, work, leaderOf.get(c.team_id)?.id ?? null, at);
    }
  }
}
