// Schema version 13 (issue: data protection). The lookup log (logning af opslag): who looked at
// which citizen's data, when and on which screen; lists log their team and count. A random id per
// store, so a snapshot of another store is never restored by mistake. Redaction is the one exception
// to the append-only event log: updates of an event's text columns are allowed only while a
// redaction holds the window open inside its own transaction; who, when, type and links never change.
export const sql = /* sql */ `
CREATE TABLE access_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  person_id   INTEGER REFERENCES people(id),
  device_id   INTEGER REFERENCES devices(id),
  citizen_id  INTEGER REFERENCES citizens(id),
  citizen_ref TEXT,
  team_id     INTEGER REFERENCES teams(id),
  count       INTEGER,
  purpose     TEXT NOT NULL,
  method      TEXT NOT NULL
);
CREATE INDEX access_log_citizen ON access_log(citizen_id, at);
CREATE INDEX access_log_ref ON access_log(citizen_ref, at);
CREATE INDEX access_log_at ON access_log(at);

INSERT OR IGNORE INTO workspace (key, value) VALUES ('store_id', lower(hex(randomblob(16))));

CREATE TABLE redaction_window (
  id INTEGER PRIMARY KEY CHECK (id = 1)
);

DROP TRIGGER events_no_update;
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
WHEN NOT EXISTS (SELECT 1 FROM redaction_window)
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER events_redaction_keeps_facts BEFORE UPDATE OF id, at, actor_id, case_id, entity, entity_id, type ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only: a redaction changes only the text of an event'); END;
`;
