// Demo data of the committee feature, added after the department's cases, grants and events exist.
import type { Random } from '../../shared/random';
import type { Db } from '../connection';

export function committeeDemo(db: Db, random: Random, today: string): void {
  void db;
  void random;
  void today;
}
