// Demo accounts: every person signs in with their initials in lower case and the password `demo`
// (the sign-in screen says so, only in a demo store). One hash serves them all: hashing 700
// passwords at scale 10 would take a minute, and in a demo the password is public anyway.
import { hashPassword } from '../auth';
import type { Db } from '../connection';

export const DEMO_PASSWORD = 'demo';

export function writeDemoAccounts(db: Db, departmentHeadId: number, itSecretaryId: number): void {
  const hash = hashPassword(DEMO_PASSWORD);
  const at = new Date().toISOString();
  // The department head and one secretary also keep accounts, devices and backups.
  db.prepare(
    `INSERT INTO accounts (person_id, login, password_hash, administrator, created_at, password_changed_at)
     SELECT id, lower(initials), ?, CASE WHEN id IN (?, ?) THEN 1 ELSE 0 END, ?, ? FROM people WHERE active = 1`,
  ).run(hash, departmentHeadId, itSecretaryId, at, at);
}
