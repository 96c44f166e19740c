// Schema changes of the economy feature: follow-up interval and support goal on grants, takst
// categories (Syddjurs, seed 003), the dated takst catalogue, budgets per paragraph with
// history, and the ledger of what each grant change did to the team's forecast.
export const sql = /* sql */ `
ALTER TABLE grants ADD COLUMN follow_up_months INTEGER CHECK (follow_up_months IS NULL OR follow_up_months BETWEEN 1 AND 60);
ALTER TABLE grants ADD COLUMN support_goal TEXT CHECK (support_goal IS NULL OR support_goal IN ('developing', 'maintaining'));

-- The pipeline reads every decision and every pending application: small covering indexes
-- keep getBottomLine fast at ten times the demo department.
CREATE INDEX events_decisions ON events(type, at, case_id, to_value) WHERE type = 'decided';
CREATE INDEX cases_applications ON cases(column_id, received_date, team_id, paragraph) WHERE kind = 'application';

-- Hours per week → takst category and follow-up interval; the upper bound is inclusive, NULL = open.
CREATE TABLE takst_categories (
  id                    INTEGER PRIMARY KEY,
  code                  TEXT NOT NULL UNIQUE,
  label                 TEXT NOT NULL,
  min_hours             REAL NOT NULL CHECK (min_hours >= 0),
  max_hours             REAL CHECK (max_hours IS NULL OR max_hours >= min_hours),
  follow_up_developing  INTEGER NOT NULL CHECK (follow_up_developing BETWEEN 1 AND 60),
  follow_up_maintaining INTEGER NOT NULL CHECK (follow_up_maintaining BETWEEN 1 AND 60)
);
INSERT INTO takst_categories (code, label, min_hours, max_hours, follow_up_developing, follow_up_maintaining) VALUES
  ('takst1', 'Takst 1', 0, 4.99, 3, 12),
  ('takst2', 'Takst 2', 5, 14.99, 3, 12),
  ('takst3', 'Takst 3', 15, 25, 3, 12),
  ('individuel', 'Individuel', 25, NULL, 3, 6);

CREATE TABLE takst_services (
  id        INTEGER PRIMARY KEY,
  paragraph TEXT NOT NULL,
  name      TEXT NOT NULL,
  unit      TEXT NOT NULL CHECK (unit IN ('hour', 'day', 'week', 'month', 'year')),
  UNIQUE (paragraph, name)
);

CREATE TABLE takst_providers (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE,
  provider_type TEXT NOT NULL CHECK (provider_type IN ('internal', 'external'))
);

-- A price change is a new row from its date; the price in force is the latest valid_from ≤ the day.
CREATE TABLE takst_prices (
  id          INTEGER PRIMARY KEY,
  service_id  INTEGER NOT NULL REFERENCES takst_services(id),
  provider_id INTEGER NOT NULL REFERENCES takst_providers(id),
  valid_from  TEXT NOT NULL,
  takst       REAL NOT NULL CHECK (takst >= 0),
  recorded_at TEXT NOT NULL,
  recorded_by INTEGER REFERENCES people(id),
  UNIQUE (service_id, provider_id, valid_from)
);
CREATE INDEX takst_prices_provider ON takst_prices(provider_id, service_id, valid_from);

CREATE TABLE budget_paragraphs (
  team_id   INTEGER NOT NULL REFERENCES teams(id),
  year      INTEGER NOT NULL,
  paragraph TEXT NOT NULL,
  amount    REAL NOT NULL CHECK (amount >= 0),
  PRIMARY KEY (team_id, year, paragraph)
);

-- Every budget entry as it was made; paragraph NULL = the team's total.
CREATE TABLE budget_history (
  id        INTEGER PRIMARY KEY,
  team_id   INTEGER NOT NULL REFERENCES teams(id),
  year      INTEGER NOT NULL,
  paragraph TEXT,
  amount    REAL NOT NULL,
  previous  REAL,
  set_at    TEXT NOT NULL,
  set_by    INTEGER REFERENCES people(id)
);
CREATE INDEX budget_history_team ON budget_history(team_id, year, id);

-- What each grant change did to its team's forecast for the year it was made in, so the
-- "what moved the bottom line" drill-down never has to replay the event log.
CREATE TABLE grant_ledger (
  id               INTEGER PRIMARY KEY,
  event_id         INTEGER REFERENCES events(id),
  -- No foreign key: the ledger is history and outlives a grant an import removes.
  grant_id         INTEGER NOT NULL,
  case_id          INTEGER NOT NULL REFERENCES cases(id),
  team_id          INTEGER NOT NULL REFERENCES teams(id),
  actor_id         INTEGER REFERENCES people(id),
  on_date          TEXT NOT NULL,
  kind             TEXT NOT NULL CHECK (kind IN ('new', 'ended', 'takst', 'changed')),
  description      TEXT NOT NULL,
  year             INTEGER NOT NULL,
  forecast_effect  REAL NOT NULL,
  yearly_before    REAL,
  yearly_after     REAL
);
CREATE INDEX grant_ledger_team ON grant_ledger(team_id, year, on_date);
`;
