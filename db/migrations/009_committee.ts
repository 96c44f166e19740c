// Schema changes of the grant-authority and visitation-committee feature. A grant above the
// actor's authority is a row in grant_proposals, never in grants, so it counts in no spent,
// committed or forecast figure until the committee approves it and it becomes a grant.
export const sql = /* sql */ `
-- Exactly one of role and person_id; paragraph NULL = every paragraph without its own limit.
CREATE TABLE authority_limits (
  id                 INTEGER PRIMARY KEY,
  role               TEXT CHECK (role IS NULL OR role IN ('caseworker', 'leader', 'secretariat')),
  person_id          INTEGER REFERENCES people(id),
  paragraph          TEXT,
  max_hours_per_week REAL CHECK (max_hours_per_week IS NULL OR max_hours_per_week >= 0),
  max_yearly_cost    REAL CHECK (max_yearly_cost IS NULL OR max_yearly_cost >= 0),
  external_allowed   INTEGER NOT NULL DEFAULT 1 CHECK (external_allowed IN (0, 1)),
  updated_at         TEXT NOT NULL,
  updated_by         INTEGER REFERENCES people(id),
  CHECK ((role IS NULL) <> (person_id IS NULL))
);
CREATE UNIQUE INDEX authority_limits_key ON authority_limits(COALESCE(role, ''), COALESCE(person_id, 0), COALESCE(paragraph, ''));

CREATE TABLE committee_meetings (
  id           INTEGER PRIMARY KEY,
  meeting_date TEXT NOT NULL,
  title        TEXT NOT NULL,
  status       TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'closed')),
  created_by   INTEGER REFERENCES people(id),
  created_at   TEXT NOT NULL,
  closed_at    TEXT
);
CREATE INDEX committee_meetings_date ON committee_meetings(status, meeting_date);

CREATE TABLE committee_members (
  meeting_id INTEGER NOT NULL REFERENCES committee_meetings(id),
  person_id  INTEGER NOT NULL REFERENCES people(id),
  PRIMARY KEY (meeting_id, person_id)
);

-- What the caseworker asks the committee to grant (or to change, when grant_id is set).
CREATE TABLE grant_proposals (
  id               INTEGER PRIMARY KEY,
  case_id          INTEGER NOT NULL REFERENCES cases(id),
  grant_id         INTEGER REFERENCES grants(id),
  paragraph        TEXT NOT NULL,
  service          TEXT NOT NULL,
  provider         TEXT NOT NULL,
  provider_type    TEXT NOT NULL CHECK (provider_type IN ('internal', 'external')),
  takst            REAL NOT NULL CHECK (takst >= 0),
  takst_unit       TEXT NOT NULL CHECK (takst_unit IN ('hour', 'day', 'week', 'month', 'year')),
  quantity         REAL NOT NULL CHECK (quantity >= 0),
  start_date       TEXT NOT NULL,
  end_date         TEXT,
  follow_up_months INTEGER,
  support_goal     TEXT,
  -- JSON array of the breaches (shared/authority.ts) that sent it to the committee
  breaches         TEXT NOT NULL,
  status           TEXT NOT NULL DEFAULT 'awaiting'
                   CHECK (status IN ('awaiting', 'approved', 'approved_with_changes', 'rejected', 'withdrawn')),
  -- The first meeting on or after this day takes it; a postponement moves it past that meeting.
  ready_from       TEXT NOT NULL,
  proposed_by      INTEGER REFERENCES people(id),
  proposed_at      TEXT NOT NULL,
  result_grant_id  INTEGER REFERENCES grants(id)
);
CREATE INDEX grant_proposals_status ON grant_proposals(status, case_id);

-- The recommendation (indstilling): every save is a new version, none is ever changed.
CREATE TABLE recommendations (
  id                    INTEGER PRIMARY KEY,
  case_id               INTEGER NOT NULL REFERENCES cases(id),
  version               INTEGER NOT NULL,
  target_group          TEXT,
  vum_summary           TEXT,
  citizen_wishes        TEXT,
  internal_alternatives TEXT,
  expected_progression  TEXT,
  follow_up_date        TEXT,
  written_by            INTEGER REFERENCES people(id),
  written_at            TEXT NOT NULL,
  UNIQUE (case_id, version)
);

-- Revisitations the leader puts on a meeting's agenda (cases awaiting decision come by themselves).
CREATE TABLE committee_agenda_items (
  id         INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES committee_meetings(id),
  case_id    INTEGER NOT NULL REFERENCES cases(id),
  note       TEXT,
  added_by   INTEGER REFERENCES people(id),
  added_at   TEXT NOT NULL,
  UNIQUE (meeting_id, case_id)
);

CREATE TABLE committee_decisions (
  id                INTEGER PRIMARY KEY,
  meeting_id        INTEGER NOT NULL REFERENCES committee_meetings(id),
  case_id           INTEGER NOT NULL REFERENCES cases(id),
  proposal_id       INTEGER REFERENCES grant_proposals(id),
  recommendation_id INTEGER REFERENCES recommendations(id),
  outcome           TEXT NOT NULL CHECK (outcome IN ('approved', 'approved_with_changes', 'rejected', 'postponed')),
  conditions        TEXT,
  follow_up_date    TEXT,
  -- What the committee changed, e.g. "Timer pr. uge: 12 → 10"
  changes           TEXT,
  yearly_cost       REAL,
  grant_id          INTEGER REFERENCES grants(id),
  decided_by        INTEGER REFERENCES people(id),
  decided_at        TEXT NOT NULL
);
CREATE INDEX committee_decisions_meeting ON committee_decisions(meeting_id, id);
CREATE INDEX committee_decisions_case ON committee_decisions(case_id, id);

CREATE TABLE revisitation_campaigns (
  id         INTEGER PRIMARY KEY,
  team_id    INTEGER NOT NULL REFERENCES teams(id),
  name       TEXT NOT NULL,
  criteria   TEXT NOT NULL,
  tag_id     INTEGER REFERENCES priority_tags(id),
  created_by INTEGER REFERENCES people(id),
  created_at TEXT NOT NULL
);

CREATE TABLE campaign_grants (
  campaign_id   INTEGER NOT NULL REFERENCES revisitation_campaigns(id),
  grant_id      INTEGER NOT NULL REFERENCES grants(id),
  case_id       INTEGER NOT NULL REFERENCES cases(id),
  -- Yearly cost when the campaign picked it; what it costs after revisiting is read from the grant.
  yearly_before REAL NOT NULL,
  PRIMARY KEY (campaign_id, grant_id)
);
CREATE INDEX campaign_grants_case ON campaign_grants(case_id);
`;
