// Schema changes of issue 16 (the bottom line through time): every grant change kept as a
// version with the day it is known from, the ledger in whole øre tied to the version it
// records, the department's own budget lines (management, secretariat, shared costs).
//
// A store from before this migration has no history: each grant gets one version, known from
// the earlier of its start date and the day of the migration, and no ledger entry.
export const sql = /* sql */ `
CREATE TABLE grant_versions (
  id            INTEGER PRIMARY KEY,
  -- No foreign key: a version is history and outlives a grant an import removes.
  grant_id      INTEGER NOT NULL,
  case_id       INTEGER NOT NULL REFERENCES cases(id),
  team_id       INTEGER NOT NULL REFERENCES teams(id),
  known_from    TEXT NOT NULL,
  -- The day the next version (or the removal) became known; NULL while this is the latest.
  known_until   TEXT,
  recorded_at   TEXT NOT NULL,
  recorded_by   INTEGER REFERENCES people(id),
  source        TEXT NOT NULL CHECK (source IN ('app', 'committee', 'import', 'demo', 'migration')),
  paragraph     TEXT NOT NULL,
  service       TEXT NOT NULL,
  provider      TEXT NOT NULL,
  provider_type TEXT NOT NULL CHECK (provider_type IN ('internal', 'external')),
  takst_oere    INTEGER NOT NULL CHECK (takst_oere >= 0),
  takst_unit    TEXT NOT NULL CHECK (takst_unit IN ('hour', 'day', 'week', 'month', 'year')),
  quantity      REAL NOT NULL CHECK (quantity >= 0),
  start_date    TEXT NOT NULL,
  end_date      TEXT,
  CHECK (known_until IS NULL OR known_until >= known_from)
);
CREATE INDEX grant_versions_grant ON grant_versions(grant_id, id);
CREATE INDEX grant_versions_team ON grant_versions(team_id, known_from);
CREATE INDEX grant_versions_current ON grant_versions(grant_id) WHERE known_until IS NULL;

INSERT INTO grant_versions (grant_id, case_id, team_id, known_from, known_until, recorded_at, recorded_by, source, paragraph,
  service, provider, provider_type, takst_oere, takst_unit, quantity, start_date, end_date)
SELECT g.id, g.case_id, c.team_id, MIN(g.start_date, date('now')), NULL, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), NULL, 'migration',
  g.paragraph, g.service, g.provider, g.provider_type, CAST(ROUND(g.takst * 100) AS INTEGER), g.takst_unit, g.quantity,
  g.start_date, g.end_date
FROM grants g JOIN cases c ON c.id = g.case_id;

-- The ledger's effect in whole øre and the version it records; on_date is the day it is known.
ALTER TABLE grant_ledger ADD COLUMN version_id INTEGER REFERENCES grant_versions(id);
ALTER TABLE grant_ledger ADD COLUMN effect_oere INTEGER;
ALTER TABLE grant_ledger ADD COLUMN source TEXT;
UPDATE grant_ledger SET effect_oere = CAST(ROUND(forecast_effect * 100) AS INTEGER);
CREATE INDEX grant_ledger_known ON grant_ledger(year, on_date, team_id);

-- Costs of the department that are no team's grants (management, secretariat, shared costs):
-- budget and expected cost for the year, spent evenly over its days.
CREATE TABLE department_lines (
  id            INTEGER PRIMARY KEY,
  year          INTEGER NOT NULL,
  label         TEXT NOT NULL,
  budget_oere   INTEGER NOT NULL CHECK (budget_oere >= 0),
  forecast_oere INTEGER NOT NULL CHECK (forecast_oere >= 0),
  UNIQUE (year, label)
);
`;
