// Schema change of issue 17, item 1 (follow-ups and revisitations are work items of their own):
// pulling a grant's follow-up, or a revisitation, from a closed case creates a case row of its
// own (kind 'follow_up') instead of moving the decided case out of its done column. This table
// ties that item to the case it follows up, says which kind of item it is and what its deadline
// is, and records the outcome with KL's Fælles Faglige Begreber codes when it is closed.
// (Numbered 017: 016 went to move_undo while this was planned.)
export const sql = /* sql */ `
CREATE TABLE follow_up_items (
  case_id        INTEGER PRIMARY KEY REFERENCES cases(id),
  origin_case_id INTEGER NOT NULL REFERENCES cases(id),
  grant_id       INTEGER REFERENCES grants(id),
  kind           TEXT NOT NULL CHECK (kind IN ('follow_up', 'revisitation')),
  due_date       TEXT NOT NULL,
  outcome        TEXT CHECK (outcome IN ('continue', 'change_within_frame', 'end', 'revisit')),
  outcome_note   TEXT,
  closed_at      TEXT,
  closed_by      INTEGER REFERENCES people(id),
  CHECK ((outcome IS NULL) = (closed_at IS NULL))
);
CREATE INDEX follow_up_items_origin ON follow_up_items(origin_case_id);
`;
