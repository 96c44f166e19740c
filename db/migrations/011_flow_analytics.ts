// Schema changes of the flow analytics of issue 18: the leaders' list of blocker categories (and a
// category beside each blocked period's free-text reason), per-column flow settings (the
// service-level expectation in working days, and whether time there counts as work for flow
// efficiency) and the saved views of the weekly review. The working-day calendar's closed days are
// a workspace setting (key 'flow.calendar').
export const sql = /* sql */ `
CREATE TABLE blocker_categories (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  -- Comma-separated words that suggest the category for a reason nobody has categorised yet.
  keywords   TEXT NOT NULL DEFAULT '',
  sort_order INTEGER NOT NULL DEFAULT 0,
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  updated_by INTEGER REFERENCES people(id),
  updated_at TEXT NOT NULL
);
INSERT INTO blocker_categories (name, keywords, sort_order, updated_at) VALUES
  ('Venter på lægeerklæring', 'læge,lægeerklæring,psykiatri,psykiatrisk,udredning,speciallæge,helbred', 1, '2026-01-01T00:00:00.000Z'),
  ('Venter på leverandør', 'leverandør,tilbud,plads,botilbud,anbringelse,udbyder', 2, '2026-01-01T00:00:00.000Z'),
  ('Venter på borger', 'borger,borgerens,samtykke,partshøring,pårørende,møde', 3, '2026-01-01T00:00:00.000Z'),
  ('Venter på udvalg', 'udvalg,visitationsudvalg,bevillingsudvalg,kompetence', 4, '2026-01-01T00:00:00.000Z'),
  ('Venter på anden myndighed', 'værge,værgemål,familieretshuset,region,jobcenter,kommune,myndighed', 5, '2026-01-01T00:00:00.000Z'),
  ('Andet', '', 99, '2026-01-01T00:00:00.000Z');

ALTER TABLE flow_blocks ADD COLUMN category_id INTEGER REFERENCES blocker_categories(id);

-- One row per column a leader has set something for; absent = no expectation, kind decides work.
CREATE TABLE column_flow_settings (
  column_id        INTEGER PRIMARY KEY REFERENCES board_columns(id),
  max_working_days INTEGER CHECK (max_working_days IS NULL OR max_working_days BETWEEN 1 AND 260),
  -- NULL: counts as work when the column is active; 0/1: the leader's choice.
  counts_as_work   INTEGER CHECK (counts_as_work IS NULL OR counts_as_work IN (0, 1)),
  updated_by       INTEGER REFERENCES people(id),
  updated_at       TEXT NOT NULL
);

-- Saved views of the flow analytics for the weekly review: per team, one may open by default.
CREATE TABLE flow_saved_views (
  id         INTEGER PRIMARY KEY,
  team_id    INTEGER NOT NULL REFERENCES teams(id),
  name       TEXT NOT NULL,
  settings   TEXT NOT NULL,
  is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
  created_by INTEGER REFERENCES people(id),
  updated_at TEXT NOT NULL,
  UNIQUE (team_id, name)
);
`;
