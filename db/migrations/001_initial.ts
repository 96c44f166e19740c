// Schema version 1: the foundation. Amounts are kroner (REAL), dates ISO text, timestamps ISO UTC.
export const sql = /* sql */ `
CREATE TABLE workspace (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE teams (
  id                    INTEGER PRIMARY KEY,
  name                  TEXT NOT NULL UNIQUE,
  sort_order            INTEGER NOT NULL DEFAULT 0,
  bottom_line_tolerance REAL NOT NULL DEFAULT 0.01 CHECK (bottom_line_tolerance >= 0)
);

CREATE TABLE people (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL,
  initials      TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('caseworker', 'leader', 'secretariat')),
  team_id       INTEGER REFERENCES teams(id),
  caseload_norm INTEGER CHECK (caseload_norm IS NULL OR caseload_norm > 0),
  wip_limit     INTEGER CHECK (wip_limit IS NULL OR wip_limit > 0),
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);
CREATE INDEX people_team ON people(team_id);

-- Pseudonymous: the case system's reference and initials. No CPR number, by design.
CREATE TABLE citizens (
  id       INTEGER PRIMARY KEY,
  ref      TEXT NOT NULL UNIQUE,
  initials TEXT NOT NULL
);

CREATE TABLE board_columns (
  id        INTEGER PRIMARY KEY,
  team_id   INTEGER NOT NULL REFERENCES teams(id),
  name      TEXT NOT NULL,
  position  INTEGER NOT NULL,
  kind      TEXT NOT NULL CHECK (kind IN ('queue', 'active', 'done')),
  wip_limit INTEGER CHECK (wip_limit IS NULL OR wip_limit > 0),
  UNIQUE (team_id, position)
);

CREATE TABLE cases (
  id                INTEGER PRIMARY KEY,
  case_number       TEXT NOT NULL UNIQUE,
  citizen_id        INTEGER NOT NULL REFERENCES citizens(id),
  team_id           INTEGER NOT NULL REFERENCES teams(id),
  assignee_id       INTEGER REFERENCES people(id),
  kind              TEXT NOT NULL CHECK (kind IN ('application', 'follow_up', 'complaint', 'task')),
  paragraph         TEXT NOT NULL,
  column_id         INTEGER NOT NULL REFERENCES board_columns(id),
  sort_key          REAL NOT NULL,
  class_of_service  TEXT NOT NULL DEFAULT 'standard'
                    CHECK (class_of_service IN ('urgent', 'fixed_date', 'standard', 'can_wait')),
  received_date     TEXT NOT NULL,
  legal_deadline    TEXT,
  blocked           INTEGER NOT NULL DEFAULT 0 CHECK (blocked IN (0, 1)),
  blocked_reason    TEXT,
  blocked_since     TEXT,
  column_entered_at TEXT NOT NULL,
  notes             TEXT,
  CHECK (blocked = 0 OR blocked_reason IS NOT NULL)
);
CREATE INDEX cases_board ON cases(team_id, column_id, sort_key);
CREATE INDEX cases_column ON cases(column_id, sort_key);
CREATE INDEX cases_assignee ON cases(assignee_id);
CREATE INDEX cases_citizen ON cases(citizen_id);

CREATE TABLE grants (
  id             INTEGER PRIMARY KEY,
  case_id        INTEGER NOT NULL REFERENCES cases(id),
  paragraph      TEXT NOT NULL,
  service        TEXT NOT NULL,
  provider       TEXT NOT NULL,
  provider_type  TEXT NOT NULL CHECK (provider_type IN ('internal', 'external')),
  takst          REAL NOT NULL CHECK (takst >= 0),
  takst_unit     TEXT NOT NULL CHECK (takst_unit IN ('hour', 'day', 'week', 'month', 'year')),
  quantity       REAL NOT NULL DEFAULT 1 CHECK (quantity >= 0),
  start_date     TEXT NOT NULL,
  end_date       TEXT,
  next_follow_up TEXT,
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX grants_case ON grants(case_id);
CREATE INDEX grants_follow_up ON grants(next_follow_up);

CREATE TABLE budgets (
  team_id INTEGER NOT NULL REFERENCES teams(id),
  year    INTEGER NOT NULL,
  amount  REAL NOT NULL CHECK (amount >= 0),
  PRIMARY KEY (team_id, year)
);

-- Append-only: nothing updates or deletes an event (enforced by the triggers below).
CREATE TABLE events (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  actor_id   INTEGER REFERENCES people(id),
  case_id    INTEGER REFERENCES cases(id),
  entity     TEXT NOT NULL,
  entity_id  INTEGER,
  type       TEXT NOT NULL,
  field      TEXT,
  from_value TEXT,
  to_value   TEXT,
  reason     TEXT
);
CREATE INDEX events_case ON events(case_id, id);
CREATE INDEX events_type_at ON events(type, at);

CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
`;
