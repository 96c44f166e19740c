// Demo accounts: every person signs in with their initials in lower case and the password `demo`
// (the sign-in screen says so, only in a demo store). One hash serves them all: hashing 700
// passwords at scale 10 would take a minute, and in a demo the password is public anyway.
import { normaliseLogin } from '../../shared/api/auth';
import { hashPassword } from '../auth';
import type { Db } from '../connection';
import type { PeopleRow } from '../schema';

export const DEMO_PASSWORD = 'demo';

export function writeDemoAccounts(db: Db, departmentHeadId: number, itSecretaryId: number): void {
  const hash = hashPassword(DEMO_PASSWORD);
  const at = new Date().toISOString();
  // The department head and one secretary also keep accounts, devices and backups.
  const insert = db.prepare(
    'INSERT INTO accounts (person_id, login, password_hash, administrator, created_at, password_changed_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const people = db.prepare<[], Pick<PeopleRow, 'id' | 'initials'>>('SELECT id, initials FROM people WHERE active = 1 ORDER BY id').all();
  for (const p of people) insert.run(p.id, normaliseLogin(p.initials), hash, p.id === departmentHeadId || p.id === itSecretaryId ? 1 : 0, at, at);
}
