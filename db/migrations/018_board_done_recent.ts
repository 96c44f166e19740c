// Issue 19: the board loads a done column's latest closed cards, not all of them; this index
// answers "the newest N in this column" without sorting the column's years of closed cases.
export const sql = /* sql */ `
CREATE INDEX cases_column_entered ON cases(column_id, column_entered_at DESC, id DESC);
`;
