// Schema changes of the flow feature: per-case flow facts kept up to date by triggers on the
// event log (so every feature's writes count without its cooperation, in the same transaction),
// caseload weights per paragraph, and the weekly flow review's decisions and notes.
// The rules are those of shared/flow.ts caseFlows(); tests/store/flow.test.ts holds them equal.

/** Events that put a case into a column: the same test as shared/flow.ts isColumnEvent(). */
const COLUMN_EVENT = (e: string) =>
  `${e}.case_id IS NOT NULL AND ${e}.to_value GLOB '[0-9]*' AND ${e}.type <> 'reordered'
   AND (${e}.field = 'column' OR ${e}.type IN ('created', 'moved', 'moved_over_wip_limit'))`;

const schema = /* sql */ `
-- One row per case that has been on a board. Days are the UTC dates of the events.
CREATE TABLE flow_cases (
  case_id     INTEGER PRIMARY KEY,
  team_id     INTEGER NOT NULL,
  arrived_day TEXT NOT NULL,
  start_day   TEXT,
  finish_day  TEXT
);
-- Covering indexes: the dashboards read only these columns, per team and day.
CREATE INDEX flow_cases_finish ON flow_cases(team_id, finish_day, start_day);
CREATE INDEX flow_cases_start ON flow_cases(team_id, start_day, finish_day);

-- The first day a case reached a column or one to the right of it (the cumulative flow diagram).
CREATE TABLE flow_reached (
  case_id   INTEGER NOT NULL,
  column_id INTEGER NOT NULL,
  day       TEXT NOT NULL,
  PRIMARY KEY (case_id, column_id)
) WITHOUT ROWID;
CREATE INDEX flow_reached_column ON flow_reached(column_id, day);
-- How many cases first reached each column (or beyond) per day: the diagram reads only this.
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
INSERT INTO flow_cases (case_id, team_id, arrived_day, start_day, finish_day)
SELECT e.case_id,
       COALESCE((SELECT c.team_id FROM cases c WHERE c.id = e.case_id), MIN(b.team_id)),
       MIN(substr(e.at, 1, 10)),
       MIN(CASE WHEN b.kind IN ('active', 'done') THEN substr(e.at, 1, 10) END),
       MIN(CASE WHEN b.kind = 'done' THEN substr(e.at, 1, 10) END)
FROM events e JOIN board_columns b ON b.id = CAST(e.to_value AS INTEGER)
WHERE ${COLUMN_EVENT('e')}
GROUP BY e.case_id;

INSERT INTO flow_reached (case_id, column_id, day)
SELECT e.case_id, c.id, MIN(substr(e.at, 1, 10))
FROM events e
JOIN board_columns t ON t.id = CAST(e.to_value AS INTEGER)
JOIN board_columns c ON c.team_id = t.team_id AND c.position <= t.position
WHERE ${COLUMN_EVENT('e')}
GROUP BY e.case_id, c.id;

INSERT INTO flow_reached_daily (column_id, day, n)
SELECT column_id, day, COUNT(*) FROM flow_reached GROUP BY column_id, day;

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
CREATE TRIGGER flow_column_event AFTER INSERT ON events
WHEN ${COLUMN_EVENT('NEW')}
BEGIN
  INSERT INTO flow_cases (case_id, team_id, arrived_day, start_day, finish_day)
  SELECT NEW.case_id, b.team_id, substr(NEW.at, 1, 10),
         CASE WHEN b.kind IN ('active', 'done') THEN substr(NEW.at, 1, 10) END,
         CASE WHEN b.kind = 'done' THEN substr(NEW.at, 1, 10) END
  FROM board_columns b WHERE b.id = CAST(NEW.to_value AS INTEGER)
  ON CONFLICT (case_id) DO UPDATE SET
    team_id = excluded.team_id,
    arrived_day = min(arrived_day, excluded.arrived_day),
    start_day = COALESCE(min(start_day, excluded.start_day), start_day, excluded.start_day),
    finish_day = COALESCE(min(finish_day, excluded.finish_day), finish_day, excluded.finish_day);

  INSERT INTO flow_reached (case_id, column_id, day)
  SELECT NEW.case_id, c.id, substr(NEW.at, 1, 10)
  FROM board_columns t JOIN board_columns c ON c.team_id = t.team_id AND c.position <= t.position
  WHERE t.id = CAST(NEW.to_value AS INTEGER)
  ON CONFLICT (case_id, column_id) DO UPDATE SET day = min(day, excluded.day);
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

const counters = /* sql */ `
CREATE TRIGGER flow_reached_counted AFTER INSERT ON flow_reached
BEGIN
  INSERT INTO flow_reached_daily (column_id, day, n) VALUES (NEW.column_id, NEW.day, 1)
  ON CONFLICT (column_id, day) DO UPDATE SET n = n + 1;
END;

-- An earlier event arriving late moves a case's first day in a column.
CREATE TRIGGER flow_reached_moved AFTER UPDATE OF day ON flow_reached
WHEN NEW.day <> OLD.day
BEGIN
  UPDATE flow_reached_daily SET n = n - 1 WHERE column_id = OLD.column_id AND day = OLD.day;
  INSERT INTO flow_reached_daily (column_id, day, n) VALUES (NEW.column_id, NEW.day, 1)
  ON CONFLICT (column_id, day) DO UPDATE SET n = n + 1;
END;
`;

// Backfill before the triggers exist, so the facts of existing events are counted once.
export const sql = schema + backfill + triggers + counters;
