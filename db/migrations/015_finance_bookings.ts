// Schema change of issue 16, item 8 (the finance system's figures beside ours): the monthly
// booked expenditure per account and team from the finance system's extract, and each import
// of such an extract. A finance extract is re-run every month, so one booking per year, month,
// account and team: a later import of the same key replaces the amount (whole øre; negative
// amounts are corrections and allowed).
export const sql = /* sql */ `
CREATE TABLE finance_imports (
  id          INTEGER PRIMARY KEY,
  file_name   TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by INTEGER REFERENCES people(id),
  row_count   INTEGER NOT NULL CHECK (row_count >= 0),
  encoding    TEXT NOT NULL
);

CREATE TABLE finance_bookings (
  id          INTEGER PRIMARY KEY,
  year        INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  month       INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
  -- The municipal chart of accounts' function, e.g. 5.38.50 (længerevarende botilbud, § 108).
  account     TEXT NOT NULL CHECK (account GLOB '[0-9].[0-9][0-9].[0-9][0-9]'),
  team_id     INTEGER NOT NULL REFERENCES teams(id),
  amount_oere INTEGER NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by INTEGER REFERENCES people(id),
  import_id   INTEGER NOT NULL REFERENCES finance_imports(id),
  UNIQUE (year, month, account, team_id)
);
CREATE INDEX finance_bookings_team ON finance_bookings(year, team_id, month);
`;
