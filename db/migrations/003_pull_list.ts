// Schema changes of the pull_list feature: legal processing times per paragraph (the leader's data,
// seeded with the defaults of shared/paragraphs.ts and seed 004), competences per person, the
// team's rule weights, strategic priority tags and pins.
export const sql = /* sql */ `
CREATE TABLE processing_times (
  paragraph        TEXT PRIMARY KEY,
  -- NULL: the law sets no processing time (§ 12 advice)
  processing_weeks INTEGER CHECK (processing_weeks IS NULL OR (processing_weeks BETWEEN 1 AND 104)),
  updated_at       TEXT,
  updated_by       INTEGER REFERENCES people(id)
);
INSERT INTO processing_times (paragraph, processing_weeks) VALUES
  ('12', NULL), ('82a', 8), ('82b', 8), ('82d', 8), ('85', 8), ('95-96', 12), ('100', 8),
  ('103', 8), ('104', 8), ('105', 12), ('107', 12), ('108', 12);

CREATE TABLE person_competences (
  person_id INTEGER NOT NULL REFERENCES people(id),
  paragraph TEXT NOT NULL,
  PRIMARY KEY (person_id, paragraph)
);

-- A team without rows uses the default weights (shared/pullList.ts DEFAULT_RULE_WEIGHTS).
CREATE TABLE pull_rule_weights (
  team_id INTEGER NOT NULL REFERENCES teams(id),
  rule    TEXT NOT NULL CHECK (rule IN ('deadline', 'class_of_service', 'strategic', 'waiting')),
  weight  REAL NOT NULL CHECK (weight >= 0 AND weight <= 5),
  PRIMARY KEY (team_id, rule)
);

-- Matched against work items by paragraph and/or kind; the action plan will set them later.
CREATE TABLE priority_tags (
  id         INTEGER PRIMARY KEY,
  team_id    INTEGER NOT NULL REFERENCES teams(id),
  label      TEXT NOT NULL,
  weight     INTEGER NOT NULL CHECK (weight BETWEEN 0 AND 100),
  paragraph  TEXT,
  item_kind  TEXT CHECK (item_kind IS NULL OR item_kind IN ('application', 'follow_up', 'revisitation', 'complaint', 'task')),
  created_by INTEGER REFERENCES people(id),
  created_at TEXT NOT NULL,
  CHECK (paragraph IS NOT NULL OR item_kind IS NOT NULL),
  UNIQUE (team_id, label)
);

CREATE TABLE pull_pins (
  case_id   INTEGER PRIMARY KEY REFERENCES cases(id),
  team_id   INTEGER NOT NULL REFERENCES teams(id),
  pinned_by INTEGER REFERENCES people(id),
  pinned_at TEXT NOT NULL
);
CREATE INDEX pull_pins_team ON pull_pins(team_id);

-- The pull list reads the follow-ups of a team's cases by this (a person's cases use cases_assignee).
CREATE INDEX grants_case_follow_up ON grants(case_id, next_follow_up);
`;
