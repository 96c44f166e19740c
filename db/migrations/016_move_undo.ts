// Schema change of issue 17, item 3 (undo restores the card as it was): what a move on the board
// changed, kept beside its event so that an undo can put the card back exactly — its column, its
// sort key and the day it entered the column — and take back the flow facts the move's event
// added (migration 005's trigger), so the undone move is not counted as a pass through a column.
// The event log itself stays append-only: the move's event stays, and the undo is its own event.
export const sql = /* sql */ `
CREATE TABLE move_undo (
  event_id          INTEGER PRIMARY KEY REFERENCES events(id),
  case_id           INTEGER NOT NULL,
  from_column_id    INTEGER NOT NULL,
  from_sort_key     REAL NOT NULL,
  from_entered_at   TEXT NOT NULL,
  -- The case's flow_cases row before the move; had_flow = 0 when it had none.
  had_flow          INTEGER NOT NULL CHECK (had_flow IN (0, 1)),
  flow_team_id      INTEGER,
  flow_arrived_day  TEXT,
  flow_start_day    TEXT,
  flow_finish_day   TEXT,
  flow_reached      INTEGER,
  -- Set when the move has been undone (by the event that undid it): a move is undone once.
  undone_by         INTEGER REFERENCES events(id)
);
`;
