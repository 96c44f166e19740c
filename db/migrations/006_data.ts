// Schema changes of the data feature: saved column mappings for imports, and an index for the
// audit log's period filter (one index only: every event insert pays for each index).
export const sql = /* sql */ `
CREATE TABLE import_profiles (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  -- JSON object: canonical column -> the column's header in the file
  mapping    TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by INTEGER REFERENCES people(id)
);
CREATE INDEX events_at ON events(at);
`;
