// Schema changes of the board feature: VUM 2.0 assessments with the expected progression.
export const sql = /* sql */ `
CREATE TABLE assessments (
  id             INTEGER PRIMARY KEY,
  case_id        INTEGER NOT NULL REFERENCES cases(id),
  assessed_on    TEXT NOT NULL,
  method         TEXT NOT NULL DEFAULT 'VUM 2.0',
  -- JSON object theme -> score 0..4 (shared/progression.ts VUM_THEMES)
  scores         TEXT NOT NULL,
  -- JSON object theme -> score expected by the next follow-up, or NULL
  expected_scores TEXT,
  expected_by    TEXT,
  note           TEXT,
  created_by     INTEGER REFERENCES people(id),
  created_at     TEXT NOT NULL
);
CREATE INDEX assessments_case ON assessments(case_id, assessed_on);
`;
