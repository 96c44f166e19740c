// Schema changes of the flow feature: per-case flow facts kept up to date by triggers on the
// event log (so every feature's writes count without its cooperation, in the same transaction),
// caseload weights per paragraph, and the weekly flow review's decisions and notes.
// The rules are those of shared/flow.ts caseFlows(); tests/store/flow.test.ts holds them equal.
// The triggers run on every event insert (an import writes 64,000 at once), so they touch as
// little as they can: one row per case, one counter per column and day, partial indexes that
// cases still waiting in a queue never enter.

/** Events that put a case into a column: the same test as shared/flow.ts isColumnEvent(). */
const COLUMN_EVENT = (e: string) =>
  `${e}.case_id IS NOT NULL AND ${e}.to_value GLOB '[0-9]*' AND ${e}.type <> 'reordered'
   AND (${e}.field = 'column' OR ${e}.type IN ('created', 'moved', 'moved_over_wip_limit'))`;

const schema = /* sql */ `
-- One row per case that has been on a board. Days are the UTC dates of the events.
-- reached_position: the right-most column position the case has reached on its team's board.
CREATE TABLE flow_cases (
  case_id          INTEGER PRIMARY KEY,
  team_id          INTEGER NOT NULL,
  arrived_day      TEXT NOT NULL,
  start_day        TEXT,
  finish_day       TEXT,
  reached_position INTEGER NOT NULL
);
-- Covering indexes: the dashboards read only these columns, per team and day, of started cases.
CREATE INDEX flow_cases_finish ON flow_cases(team_id, finish_day, start_day) WHERE start_day IS NOT NULL;
CREATE INDEX flow_cases_start ON flow_cases(team_id, start_day, finish_day) WHERE start_day IS NOT NULL;

-- How many cases first reached each column or one to the right of it, per day: the cumulative
-- flow diagram's lines, which therefore never cross even when a case is sent back.
CREATE TABLE flow_reached_daily (
  column_id INTEGER NOT NULL,
  day       TEXT NOT NULL,
  n         INTEGER NOT NULL,
  PRIMARY KEY (column_id, day)
) WITHOUT ROWID;

-- Blocked periods; to_day is NULL while the case is still blocked.
CREATE TABLE flow_blocks (
  id       INTEGER PRIMARY KEY,
  case_id  INTEGER NOT NULL,
  team_id  INTEGER,
  reason   TEXT,
  from_day TEXT NOT NULL,
  to_day   TEXT
);
CREATE INDEX flow_blocks_case ON flow_blocks(case_id, to_day);
CREATE INDEX flow_blocks_team ON flow_blocks(team_id, from_day);

-- Weight of a case under a paragraph in the caseload (1 when absent). Leaders set them.
CREATE TABLE caseload_weights (
  paragraph  TEXT PRIMARY KEY,
  weight     REAL NOT NULL CHECK (weight > 0 AND weight <= 10),
  updated_by INTEGER REFERENCES people(id),
  updated_at TEXT NOT NULL
);

-- Decisions and notes of the weekly flow review, per team and week (the Monday).
CREATE TABLE flow_review_notes (
  id         INTEGER PRIMARY KEY,
  team_id    INTEGER NOT NULL REFERENCES teams(id),
  week_start TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('decision', 'note')),
  text       TEXT NOT NULL,
  created_by INTEGER REFERENCES people(id),
  created_at TEXT NOT NULL
);
CREATE INDEX flow_review_notes_week ON flow_review_notes(team_id, week_start, id);
`;

/** Builds the facts from the events already in the store. Exported for the store tests. */
export const backfill = /* sql */ `
INSERT INTO flow_cases (case_id, team_id, arrived_day, start_day, finish_day, reached_position)
SELECT e.case_id,
       COALESCE((SELECT c.team_id FROM cases c WHERE c.id = e.case_id), MIN(b.team_id)),
       MIN(substr(e.at, 1, 10)),
       MIN(CASE WHEN b.kind IN ('active', 'done') THEN substr(e.at, 1, 10) END),
       MIN(CASE WHEN b.kind = 'done' THEN substr(e.at, 1, 10) END),
       0
FROM events e JOIN board_columns b ON b.id = CAST(e.to_value AS INTEGER)
WHERE ${COLUMN_EVENT('e')}
GROUP BY e.case_id;

UPDATE flow_cases SET reached_position = COALESCE((
  SELECT MAX(b.position) FROM events e JOIN board_columns b ON b.id = CAST(e.to_value AS INTEGER)
  WHERE e.case_id = flow_cases.case_id AND b.team_id = flow_cases.team_id AND ${COLUMN_EVENT('e')}), 0);

-- The first day each case reached each column or one to its right, counted per column and day.
INSERT INTO flow_reached_daily (column_id, day, n)
SELECT column_id, day, COUNT(*) FROM (
  SELECT c.id AS column_id, MIN(substr(e.at, 1, 10)) AS day
  FROM events e
  JOIN board_columns t ON t.id = CAST(e.to_value AS INTEGER)
  JOIN board_columns c ON c.team_id = t.team_id AND c.position <= t.position
  WHERE ${COLUMN_EVENT('e')}
  GROUP BY e.case_id, c.id
)
GROUP BY column_id, day;

-- Blocked periods: each 'blocked' opens one (unless one is open), the next 'unblocked' closes it.
WITH ordered AS (
  SELECT e.id, e.at, e.case_id, e.type, substr(e.at, 1, 10) AS day, COALESCE(e.reason, e.to_value) AS reason,
         LAG(e.type) OVER (PARTITION BY e.case_id ORDER BY e.at, e.id) AS prev_type
  FROM events e
  WHERE e.case_id IS NOT NULL AND e.type IN ('blocked', 'unblocked')
)
INSERT INTO flow_blocks (case_id, team_id, reason, from_day, to_day)
SELECT o.case_id, (SELECT c.team_id FROM cases c WHERE c.id = o.case_id), o.reason, o.day,
       (SELECT substr(u.at, 1, 10) FROM events u
        WHERE u.case_id = o.case_id AND u.type = 'unblocked' AND (u.at, u.id) > (o.at, o.id)
        ORDER BY u.at, u.id LIMIT 1)
FROM ordered o
WHERE o.type = 'blocked' AND (o.prev_type IS NULL OR o.prev_type = 'unblocked')
ORDER BY o.id;
`;

const triggers = /* sql */ `
-- Events are appended in time order, so a column not reached before is reached today: the
-- counters need no per-case history beyond the right-most position reached.
CREATE TRIGGER flow_column_event AFTER INSERT ON events
WHEN ${COLUMN_EVENT('NEW')}
BEGIN
  INSERT INTO flow_reached_daily (column_id, day, n)
  SELECT c.id, substr(NEW.at, 1, 10), 1
  FROM board_columns t JOIN board_columns c ON c.team_id = t.team_id AND c.position <= t.position
  WHERE t.id = CAST(NEW.to_value AS INTEGER)
    AND c.position > COALESCE((SELECT f.reached_position FROM flow_cases f WHERE f.case_id = NEW.case_id AND f.team_id = t.team_id), 0)
  ON CONFLICT (column_id, day) DO UPDATE SET n = n + 1;

  INSERT INTO flow_cases (case_id, team_id, arrived_day, start_day, finish_day, reached_position)
  SELECT NEW.case_id, b.team_id, substr(NEW.at, 1, 10),
         CASE WHEN b.kind IN ('active', 'done') THEN substr(NEW.at, 1, 10) END,
         CASE WHEN b.kind = 'done' THEN substr(NEW.at, 1, 10) END,
         b.position
  FROM board_columns b WHERE b.id = CAST(NEW.to_value AS INTEGER)
  ON CONFLICT (case_id) DO UPDATE SET
    reached_position = CASE WHEN team_id = excluded.team_id THEN max(reached_position, excluded.reached_position)
                            ELSE excluded.reached_position END,
    team_id = excluded.team_id,
    arrived_day = min(arrived_day, excluded.arrived_day),
    start_day = COALESCE(min(start_day, excluded.start_day), start_day, excluded.start_day),
    finish_day = COALESCE(min(finish_day, excluded.finish_day), finish_day, excluded.finish_day);
END;

CREATE TRIGGER flow_blocked AFTER INSERT ON events
WHEN NEW.type = 'blocked' AND NEW.case_id IS NOT NULL
BEGIN
  INSERT INTO flow_blocks (case_id, team_id, reason, from_day)
  SELECT NEW.case_id,
         COALESCE((SELECT team_id FROM cases WHERE id = NEW.case_id), (SELECT team_id FROM flow_cases WHERE case_id = NEW.case_id)),
         COALESCE(NEW.reason, NEW.to_value), substr(NEW.at, 1, 10)
  WHERE NOT EXISTS (SELECT 1 FROM flow_blocks WHERE case_id = NEW.case_id AND to_day IS NULL);
END;

CREATE TRIGGER flow_unblocked AFTER INSERT ON events
WHEN NEW.type = 'unblocked' AND NEW.case_id IS NOT NULL
BEGIN
  UPDATE flow_blocks SET to_day = substr(NEW.at, 1, 10) WHERE case_id = NEW.case_id AND to_day IS NULL;
END;
`;

// Backfill before the triggers exist, so the facts of existing events are counted once.
export const sql = schema + backfill + triggers;
