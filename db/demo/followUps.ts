// Demo data of follow-up items (issue 17, item 1), added after the pull list's competences: in the
// first two teams, five decided cases whose follow-up falls due get a follow-up item two weeks ago;
// four were closed a week ago, one with each of KL's follow-up codes, and one is still open. The
// items come from further down the pull list, so its top stays as the leaders left it.
import { personContextFromStore } from '../service/access';
import { createContext } from '../service/context';
import { closeFollowUp, openFollowUpItem } from '../service/followUps';
import { legalDeadlineFor, pullListFor } from '../service/pullList';
import { addDays } from '../../shared/dates';
import type { IsoDate } from '../../shared/domain';
import { FOLLOW_UP_OUTCOMES } from '../../shared/followUps';
import type { Random } from '../../shared/random';
import { appendEvent } from '../events';
import type { Db } from '../connection';
import type { BoardColumnsRow, PeopleRow, TeamsRow } from '../schema';

const DEMO_TEAMS = 2;
const FIRST_POSITION = 10;
const NOTES = ['Støtten virker efter hensigten', 'Timetallet tilpasses inden for bevillingen', 'Målet er nået', 'Borgerens behov har ændret sig'];

export function followUpsDemo(db: Db, _random: Random, today: IsoDate): void {
  const opened = addDays(today, -14);
  const closed = addDays(today, -7);
  const teams = db.prepare<[number], Pick<TeamsRow, 'id'>>('SELECT id FROM teams ORDER BY id LIMIT ?').all(DEMO_TEAMS);
  const firstActive = db.prepare<[number], Pick<BoardColumnsRow, 'id'>>("SELECT id FROM board_columns WHERE team_id = ? AND kind = 'active' ORDER BY position LIMIT 1");
  const competent = db.prepare<[number, string], Pick<PeopleRow, 'id'>>(
    `SELECT p.id FROM people p JOIN person_competences pc ON pc.person_id = p.id
     WHERE p.team_id = ? AND p.role = 'caseworker' AND pc.paragraph = ? ORDER BY p.id LIMIT 1`,
  );
  const deadlineFor = (paragraph: string, received: IsoDate) => legalDeadlineFor(db, paragraph, received);
  for (const team of teams) {
    const column = firstActive.get(team.id);
    if (!column) continue;
    const items = pullListFor(db, team.id, today).items
      .filter((i) => i.reopens && i.kind === 'follow_up' && i.position > FIRST_POSITION)
      .slice(0, FOLLOW_UP_OUTCOMES.length + 1);
    items.forEach((item, index) => {
      const assignee = competent.get(team.id, item.paragraph)?.id;
      if (assignee === undefined) return;
      const at = `${opened}T09:${String(10 + index).padStart(2, '0')}:00.000Z`;
      const made = openFollowUpItem(db, {
        originCaseId: item.caseId, kind: 'follow_up', followUpDate: item.deadline, classOfService: item.classOfService,
        assigneeId: assignee, columnId: column.id, today: opened, deadlineFor,
      });
      const base = { at, actorId: assignee, caseId: made.caseId, entity: 'case', entityId: made.caseId };
      appendEvent(db, { ...base, type: 'created', field: 'column', from: null, to: column.id, reason: `Opfølgning af ${item.caseNumber} taget fra pull-listen` });
      appendEvent(db, { ...base, type: 'pulled', field: 'pull_list', from: item.position, to: item.kind, reason: item.reasons.join('; ').slice(0, 2000) });
      appendEvent(db, { ...base, type: 'assigned', field: 'assignee', from: null, to: assignee, reason: 'Taget fra pull-listen' });
      const outcome = FOLLOW_UP_OUTCOMES[index];
      if (outcome === undefined) return; // the last one stays open
      const ctx = createContext(db, { now: () => new Date(`${closed}T10:${String(10 + index).padStart(2, '0')}:00.000Z`) });
      closeFollowUp(ctx, { caseId: made.caseId, outcome, note: NOTES[index]! }, personContextFromStore(db, assignee), deadlineFor);
    });
  }
}
