// Schema changes of the wall-screen and LAN-sharing feature: the wall settings each team picks,
// LAN tokens (only their SHA-256 is stored), a log of every LAN session, and team PINs (scrypt).
export const sql = /* sql */ `
CREATE TABLE wall_settings (
  team_id          INTEGER PRIMARY KEY REFERENCES teams(id),
  views            TEXT NOT NULL,
  interval_seconds INTEGER NOT NULL CHECK (interval_seconds BETWEEN 10 AND 600),
  timer_minutes    INTEGER NOT NULL CHECK (timer_minutes BETWEEN 1 AND 120),
  privacy          INTEGER NOT NULL DEFAULT 1 CHECK (privacy IN (0, 1)),
  updated_at       TEXT NOT NULL,
  updated_by       INTEGER REFERENCES people(id)
);

CREATE TABLE lan_tokens (
  id          INTEGER PRIMARY KEY,
  token_hash  TEXT NOT NULL UNIQUE,
  label       TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  created_by  INTEGER REFERENCES people(id),
  revoked_at  TEXT,
  revoked_by  INTEGER REFERENCES people(id)
);

CREATE TABLE lan_sessions (
  id             INTEGER PRIMARY KEY,
  token_id       INTEGER NOT NULL REFERENCES lan_tokens(id),
  session_hash   TEXT NOT NULL UNIQUE,
  remote_address TEXT NOT NULL,
  user_agent     TEXT,
  started_at     TEXT NOT NULL,
  last_seen_at   TEXT NOT NULL,
  requests       INTEGER NOT NULL DEFAULT 0,
  -- Set when the viewer entered a team PIN; writes are allowed from then on.
  pin_team_id    INTEGER REFERENCES teams(id),
  pin_entered_at TEXT,
  pin_failures   TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX lan_sessions_started ON lan_sessions(started_at);

CREATE TABLE team_pins (
  team_id  INTEGER PRIMARY KEY REFERENCES teams(id),
  salt     TEXT NOT NULL,
  pin_hash TEXT NOT NULL,
  set_at   TEXT NOT NULL,
  set_by   INTEGER REFERENCES people(id)
);
`;
