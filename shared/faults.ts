// Faults a user can act on, said in Danish wherever they surface (the API's error envelope, the
// command line, a failed backup): a full disk is the common one on a department's PC.

export const DISK_FULL_MESSAGE =
  'Disken er fuld, så intet blev gemt. Frigør plads på disken, hvor databasen ligger (eller bed IT om det), og prøv igen.';

/** SQLite's SQLITE_FULL (from better-sqlite3) or the file system's ENOSPC. */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || (typeof code === 'string' && code.startsWith('SQLITE_FULL'));
}
