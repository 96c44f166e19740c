// Reading a team's caseload from the store: which cases are held (docs/flow.md "Caseload"), by
// whom, under which paragraph, and the department's weights. Sagstal (getCaseload), the plan KPI
// "caseload_vs_norm", the wall and the weekly review all read it here and weigh it with
// shared/flow.ts teamCaseload, so every caseload figure in the app is the same figure.
import type { IsoDate } from '../shared/domain';
import { teamCaseload, type CaseloadPerson, type CaseloadTotals, type HeldCount, type PersonCaseload } from '../shared/flow';
import type { Db } from './connection';
import { statements } from './statements';
import type { BoardColumnsRow, CaseloadWeightsRow, CasesRow, PeopleRow } from './schema';

export interface CaseloadPersonRow extends CaseloadPerson {
  name: string;
  initials: string;
  teamId: number | null;
}

export interface HeldCase {
  caseId: number;
  caseNumber: string;
  paragraph: string;
  columnName: string;
  /** Finished on the board, held because a grant still runs (a follow-up, not work in progress). */
  done: boolean;
  legalDeadline: IsoDate | null;
}

export interface TeamCaseloadReading {
  people: (PersonCaseload & { name: string; initials: string; teamId: number | null })[];
  totals: CaseloadTotals;
  weights: Map<string, number>;
}

type HeldRow = Pick<CasesRow, 'assignee_id' | 'paragraph'> & { n: number };

// Held now: open on the board, or finished with a grant that has not ended.
const HELD_NOW = `(b.kind <> 'done' OR EXISTS (SELECT 1 FROM grants g WHERE g.case_id = c.id AND (g.end_date IS NULL OR g.end_date >= @day)))`;

const queries = (db: Db) => ({
  weights: db.prepare<[], Pick<CaseloadWeightsRow, 'paragraph' | 'weight'>>('SELECT paragraph, weight FROM caseload_weights'),
  // The team's caseworkers, and anyone else who holds one of the team's cases.
  people: db.prepare<{ team: number }, Pick<PeopleRow, 'id' | 'name' | 'initials' | 'team_id' | 'caseload_norm'>>(
    `SELECT id, name, initials, team_id, caseload_norm FROM people
     WHERE active = 1 AND ((team_id = @team AND role = 'caseworker')
       OR id IN (SELECT assignee_id FROM cases WHERE team_id = @team AND assignee_id IS NOT NULL))
     ORDER BY name, id`,
  ),
  heldNow: db.prepare<{ team: number; day: IsoDate }, HeldRow>(
    `SELECT c.assignee_id, c.paragraph, COUNT(*) AS n
     FROM cases c JOIN board_columns b ON b.id = c.column_id
     WHERE c.team_id = @team AND ${HELD_NOW}
     GROUP BY c.assignee_id, c.paragraph`,
  ),
  // Held at the end of an earlier day: on the board then and not finished by then (flow facts), or
  // a grant running then. Cases count under their current caseworker and paragraph.
  heldOn: db.prepare<{ team: number; day: IsoDate }, HeldRow>(
    `SELECT c.assignee_id, c.paragraph, COUNT(*) AS n
     FROM cases c LEFT JOIN flow_cases f ON f.case_id = c.id
     WHERE c.team_id = @team AND COALESCE(f.arrived_day, c.received_date) <= @day
       AND ((f.finish_day IS NULL OR f.finish_day > @day)
            OR EXISTS (SELECT 1 FROM grants g WHERE g.case_id = c.id AND g.start_date <= @day AND (g.end_date IS NULL OR g.end_date >= @day)))
     GROUP BY c.assignee_id, c.paragraph`,
  ),
  heldCases: db.prepare<
    { team: number; person: number | null; day: IsoDate },
    Pick<CasesRow, 'id' | 'case_number' | 'paragraph' | 'legal_deadline'> & Pick<BoardColumnsRow, 'kind'> & { column_name: BoardColumnsRow['name'] }
  >(
    `SELECT c.id, c.case_number, c.paragraph, b.name AS column_name, b.kind, c.legal_deadline
     FROM cases c JOIN board_columns b ON b.id = c.column_id
     WHERE c.team_id = @team AND c.assignee_id IS @person AND ${HELD_NOW}
     ORDER BY b.kind = 'done', b.position, c.legal_deadline IS NULL, c.legal_deadline, c.case_number`,
  ),
});

export function caseloadReader(db: Db) {
  const q = statements(db, queries);

  function weights(): Map<string, number> {
    // The key is a TEXT PRIMARY KEY, which SQLite lets hold NULL; such a weight weighs no paragraph.
    return new Map(q.weights.all().flatMap((w) => (w.paragraph === null ? [] : [[w.paragraph, w.weight] as const])));
  }

  function people(teamId: number): CaseloadPersonRow[] {
    return q.people.all({ team: teamId })
      .map((p) => ({ id: p.id, name: p.name, initials: p.initials, teamId: p.team_id, norm: p.caseload_norm, member: p.team_id === teamId }));
  }

  /** The team's held cases per caseworker and paragraph at the end of `day` (today: the board as it is). */
  function held(teamId: number, day: IsoDate, today: IsoDate): HeldCount[] {
    const statement = day >= today ? q.heldNow : q.heldOn;
    return statement.all({ team: teamId, day: day >= today ? today : day })
      .map((r) => ({ assigneeId: r.assignee_id, paragraph: r.paragraph, count: r.n }));
  }

  return {
    weights,
    people,
    held,

    /** A team's caseload as of a day: each person's and the team's totals, by the one definition. */
    team(teamId: number, day: IsoDate, today: IsoDate): TeamCaseloadReading {
      const who = people(teamId);
      const weightMap = weights();
      const result = teamCaseload(held(teamId, day, today), who, weightMap);
      const byId = new Map(who.map((p) => [p.id, p]));
      return {
        people: result.people.map((r) => {
          const p = byId.get(r.personId)!;
          return { ...r, name: p.name, initials: p.initials, teamId: p.teamId };
        }),
        totals: result.totals,
        weights: weightMap,
      };
    },

    /** The cases one person (null: nobody) holds in a team today, in board order. */
    cases(teamId: number, personId: number | null, today: IsoDate): HeldCase[] {
      return q.heldCases.all({ team: teamId, person: personId, day: today }).map((r) => ({
        caseId: r.id, caseNumber: r.case_number, paragraph: r.paragraph, columnName: r.column_name, done: r.kind === 'done', legalDeadline: r.legal_deadline,
      }));
    },
  };
}

export type CaseloadReader = ReturnType<typeof caseloadReader>;
