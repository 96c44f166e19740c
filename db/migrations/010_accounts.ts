// Schema version 10: who is who. People gain the department head and administrator roles (SQLite
// cannot alter a CHECK, so the table is rebuilt, with foreign keys off and checked before commit: db/connection.ts). Accounts hold a
// scrypt hash, never a password. Sessions and paired wall devices store only a SHA-256 of their
// token. Failed sign-ins and pairings are kept, so a restart or a fresh cookie does not reset the
// limit. LAN tokens and team PINs are replaced by sign-in and paired devices.
export const sql = /* sql */ `
CREATE TABLE people_v10 (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL,
  initials      TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('caseworker', 'leader', 'department_head', 'secretariat', 'administrator')),
  team_id       INTEGER REFERENCES teams(id),
  caseload_norm INTEGER CHECK (caseload_norm IS NULL OR caseload_norm > 0),
  wip_limit     INTEGER CHECK (wip_limit IS NULL OR wip_limit > 0),
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);
INSERT INTO people_v10 (id, name, initials, role, team_id, caseload_norm, wip_limit, active)
  SELECT id, name, initials, role, team_id, caseload_norm, wip_limit, active FROM people;
DROP TABLE people;
ALTER TABLE people_v10 RENAME TO people;
CREATE INDEX people_team ON people(team_id);

CREATE TABLE accounts (
  id                  INTEGER PRIMARY KEY,
  person_id           INTEGER NOT NULL UNIQUE REFERENCES people(id),
  login               TEXT NOT NULL UNIQUE COLLATE NOCASE,
  password_hash       TEXT,
  -- Administration (accounts, devices, backups) on top of the person's own role.
  administrator       INTEGER NOT NULL DEFAULT 0 CHECK (administrator IN (0, 1)),
  active              INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  setup_code_hash     TEXT,
  setup_expires_at    TEXT,
  created_at          TEXT NOT NULL,
  created_by          INTEGER REFERENCES people(id),
  password_changed_at TEXT
);

CREATE TABLE devices (
  id                INTEGER PRIMARY KEY,
  pairing_code_hash TEXT,
  status            TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'revoked')),
  team_id           INTEGER REFERENCES teams(id),
  label             TEXT,
  requested_at      TEXT NOT NULL,
  remote_address    TEXT NOT NULL,
  user_agent        TEXT,
  approved_at       TEXT,
  approved_by       INTEGER REFERENCES people(id),
  expires_at        TEXT,
  revoked_at        TEXT,
  revoked_by        INTEGER REFERENCES people(id),
  CHECK (status <> 'approved' OR (team_id IS NOT NULL AND expires_at IS NOT NULL))
);
CREATE INDEX devices_status ON devices(status, requested_at);

CREATE TABLE auth_sessions (
  id             INTEGER PRIMARY KEY,
  token_hash     TEXT NOT NULL UNIQUE,
  person_id      INTEGER REFERENCES people(id),
  device_id      INTEGER REFERENCES devices(id),
  method         TEXT NOT NULL CHECK (method IN ('password', 'oidc', 'device', 'desktop')),
  created_at     TEXT NOT NULL,
  last_seen_at   TEXT NOT NULL,
  ended_at       TEXT,
  end_reason     TEXT,
  remote_address TEXT NOT NULL,
  user_agent     TEXT,
  CHECK ((person_id IS NULL) <> (device_id IS NULL))
);
CREATE INDEX auth_sessions_person ON auth_sessions(person_id, ended_at);
CREATE INDEX auth_sessions_device ON auth_sessions(device_id, ended_at);

CREATE TABLE auth_failures (
  id      INTEGER PRIMARY KEY,
  kind    TEXT NOT NULL CHECK (kind IN ('sign_in', 'pairing')),
  login   TEXT,
  address TEXT NOT NULL,
  at      TEXT NOT NULL
);
CREATE INDEX auth_failures_login ON auth_failures(kind, login, at);
CREATE INDEX auth_failures_address ON auth_failures(kind, address, at);

DROP TABLE lan_sessions;
DROP TABLE lan_tokens;
DROP TABLE team_pins;
`;
