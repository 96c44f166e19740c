// Demo data of the pullList feature, added after the department's cases, grants and events exist:
// who is competent for which paragraphs, and a few strategic priorities per team.
import { compareParagraphs } from '../../shared/pullList';
import type { Random } from '../../shared/random';
import type { Db } from '../connection';
import type { CasesRow, PeopleRow, TeamsRow } from '../schema';

/** Strategic priorities a leader might set (seed 000: "internt før eksternt", nul på bundlinjen). */
const DEMO_TAGS: Record<string, { label: string; weight: number; paragraph: string | null; kind: string | null }[]> = {
  'Team Botilbud': [{ label: 'Midlertidige ophold afklares (§ 107)', weight: 40, paragraph: '107', kind: null }],
  'Team Bostøtte': [{ label: 'Tidsbegrænset støtte følges op (§ 82 b)', weight: 30, paragraph: '82b', kind: 'follow_up' }],
  'Team Nyansøgning': [{ label: 'Klager behandles først', weight: 50, paragraph: null, kind: 'complaint' }],
  'Team Housing First': [{ label: 'Akutpladser afklares hurtigt (§ 107)', weight: 50, paragraph: '107', kind: null }],
  'Team Merudgifter': [{ label: 'Revisitationer af merudgifter', weight: 30, paragraph: null, kind: 'revisitation' }],
};

export function pullListDemo(db: Db, random: Random, today: string): void {
  const teams = db.prepare<[], Pick<TeamsRow, 'id' | 'name'>>('SELECT id, name FROM teams ORDER BY id').all();
  // The team's paragraphs, most used first: everyone knows the main one, fewer the rare ones.
  const paragraphs = db.prepare<[number], Pick<CasesRow, 'paragraph'> & { n: number }>('SELECT paragraph, COUNT(*) AS n FROM cases WHERE team_id = ? GROUP BY paragraph ORDER BY n DESC, paragraph');
  const caseworkers = db.prepare<[number], Pick<PeopleRow, 'id'>>("SELECT id FROM people WHERE team_id = ? AND role = 'caseworker' ORDER BY id");
  const leader = db.prepare<[number], Pick<PeopleRow, 'id'>>("SELECT id FROM people WHERE team_id = ? AND role = 'leader' ORDER BY id LIMIT 1");
  const competence = db.prepare('INSERT INTO person_competences (person_id, paragraph) VALUES (?, ?)');
  const tag = db.prepare(
    'INSERT INTO priority_tags (team_id, label, weight, paragraph, item_kind, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const team of teams) {
    const used = paragraphs.all(team.id).map((r) => r.paragraph);
    const people = caseworkers.all(team.id).map((r) => r.id);
    people.forEach((personId, index) => {
      const mine = used.filter((p, rank) => rank === 0 || (index > 0 && random.chance(rank === 1 ? 0.9 : 0.7)));
      // The first caseworker of each team is new and knows only the team's main paragraph.
      for (const p of mine.sort(compareParagraphs)) competence.run(personId, p);
    });
    const by = leader.get(team.id)?.id ?? null;
    for (const t of DEMO_TAGS[team.name] ?? []) {
      if (t.paragraph === null || used.includes(t.paragraph)) tag.run(team.id, t.label, t.weight, t.paragraph, t.kind, by, `${today}T07:00:00.000Z`);
    }
  }
}
