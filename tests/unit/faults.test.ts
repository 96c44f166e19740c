// Faults a user can act on (shared/faults.ts): a full disk is told in Danish, whichever layer saw it.
import { describe, expect, it } from 'vitest';
import { DISK_FULL_MESSAGE, isDiskFull } from '../../shared/faults';

describe('a full disk', () => {
  it('is said in Danish with what to do', () => {
    expect(DISK_FULL_MESSAGE).toBe('Disken er fuld, så intet blev gemt. Frigør plads på disken, hvor databasen ligger (eller bed IT om det), og prøv igen.');
  });
  it('is SQLite\'s SQLITE_FULL (and its extended codes) or the file system\'s ENOSPC', () => {
    expect(isDiskFull({ code: 'SQLITE_FULL' })).toBe(true);
    expect(isDiskFull({ code: 'SQLITE_FULL_EXTRA' })).toBe(true);
    expect(isDiskFull(Object.assign(new Error('x'), { code: 'ENOSPC' }))).toBe(true);
  });
  it('is nothing else', () => {
    for (const error of [null, undefined, new Error('SQLITE_FULL'), { code: 'SQLITE_BUSY' }, { code: 'XSQLITE_FULL' }, { code: 28 }, 'SQLITE_FULL']) {
      expect(isDiskFull(error)).toBe(false);
    }
  });
});
