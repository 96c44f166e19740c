// Schema changes of the sprints and strategic action plans feature: sprints with their committed
// cases and review, and the team leaders' plans with goals, actions, KPIs (definitions and
// parameters only: values are computed), investment cases and the plan's strategic priorities.
export const sql = /* sql */ `
CREATE TABLE sprints (
  id          INTEGER PRIMARY KEY,
  team_id     INTEGER NOT NULL REFERENCES teams(id),
  name        TEXT NOT NULL,
  goal        TEXT NOT NULL,
  start_date  TEXT NOT NULL,
  end_date    TEXT NOT NULL,
  status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  goal_met    INTEGER CHECK (goal_met IS NULL OR goal_met IN (0, 1)),
  review_note TEXT,
  created_by  INTEGER REFERENCES people(id),
  created_at  TEXT NOT NULL,
  closed_by   INTEGER REFERENCES people(id),
  closed_at   TEXT,
  CHECK (end_date >= start_date),
  CHECK (status = 'open' OR goal_met IS NOT NULL)
);
CREATE INDEX sprints_team ON sprints(team_id, status, start_date);

-- A case is committed to at most one open sprint at a time (the service enforces it); closed
-- sprints keep their items with the outcome the review gave them.
CREATE TABLE sprint_items (
  sprint_id    INTEGER NOT NULL REFERENCES sprints(id),
  case_id      INTEGER NOT NULL REFERENCES cases(id),
  committed_on TEXT NOT NULL,
  committed_by INTEGER REFERENCES people(id),
  outcome      TEXT CHECK (outcome IS NULL OR outcome IN ('done', 'carried_over', 'returned')),
  PRIMARY KEY (sprint_id, case_id)
) WITHOUT ROWID;
CREATE INDEX sprint_items_case ON sprint_items(case_id, sprint_id);

CREATE TABLE plans (
  id           INTEGER PRIMARY KEY,
  team_id      INTEGER NOT NULL REFERENCES teams(id),
  title        TEXT NOT NULL,
  period_start TEXT NOT NULL,
  period_end   TEXT NOT NULL,
  owner_id     INTEGER NOT NULL REFERENCES people(id),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  CHECK (period_end > period_start)
);
CREATE INDEX plans_team ON plans(team_id, period_start);

CREATE TABLE plan_goals (
  id          INTEGER PRIMARY KEY,
  plan_id     INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  title       TEXT NOT NULL,
  description TEXT
);
CREATE INDEX plan_goals_plan ON plan_goals(plan_id, position);

CREATE TABLE plan_actions (
  id       INTEGER PRIMARY KEY,
  goal_id  INTEGER NOT NULL REFERENCES plan_goals(id) ON DELETE CASCADE,
  title    TEXT NOT NULL,
  owner_id INTEGER REFERENCES people(id),
  due_date TEXT,
  status   TEXT NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started', 'in_progress', 'done', 'cancelled'))
);
CREATE INDEX plan_actions_goal ON plan_actions(goal_id);

CREATE TABLE plan_action_cases (
  action_id INTEGER NOT NULL REFERENCES plan_actions(id) ON DELETE CASCADE,
  case_id   INTEGER NOT NULL REFERENCES cases(id),
  PRIMARY KEY (action_id, case_id)
) WITHOUT ROWID;

-- spec: JSON of shared/plans.ts kpiSpec (kind and parameters). No value column, by design.
CREATE TABLE plan_kpis (
  id        INTEGER PRIMARY KEY,
  goal_id   INTEGER NOT NULL REFERENCES plan_goals(id) ON DELETE CASCADE,
  spec      TEXT NOT NULL,
  target    REAL NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('higher', 'lower'))
);
CREATE INDEX plan_kpis_goal ON plan_kpis(goal_id);

-- input: JSON of shared/investment.ts investmentInput. from/to paragraph tell the realised side
-- which grants are the moved citizens (docs/plans.md).
CREATE TABLE plan_investments (
  id             INTEGER PRIMARY KEY,
  goal_id        INTEGER NOT NULL REFERENCES plan_goals(id) ON DELETE CASCADE,
  title          TEXT NOT NULL,
  input          TEXT NOT NULL,
  from_paragraph TEXT NOT NULL,
  to_paragraph   TEXT NOT NULL
);
CREATE INDEX plan_investments_goal ON plan_investments(goal_id);

-- The plan's strategic priorities are the pull list's priority tags; this says which plan set them.
CREATE TABLE plan_priority_tags (
  tag_id  INTEGER PRIMARY KEY REFERENCES priority_tags(id) ON DELETE CASCADE,
  plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE
);
CREATE INDEX plan_priority_tags_plan ON plan_priority_tags(plan_id);
`;
