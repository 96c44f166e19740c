import type { IsoDate } from '../../shared/domain';
import { localToday } from '../../shared/dates';
import type { Db } from '../connection';

/** What every handler needs: the store and the clock (injectable, so tests can fix today). */
export interface ServiceContext {
  db: Db;
  now(): Date;
  today(): IsoDate;
}

export interface ClockOptions {
  now?: () => Date;
}

export function createContext(db: Db, options: ClockOptions = {}): ServiceContext {
  const now = options.now ?? (() => new Date());
  return { db, now, today: () => localToday(now()) };
}
