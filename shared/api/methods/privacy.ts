// Methods of data protection: the lookup log's extract for a citizen's insight request (GDPR art.
// 15). Only the department head and the administrator may read it.
import { z } from 'zod';
import type { IsoDate, IsoTimestamp, Role } from '../../domain';
import { ADMINISTRATORS, id, method, noInput, type CallerRole } from '../define';
import { isoDate, shortText } from '../schemas';

export const ACCESS_LOG_READERS: readonly CallerRole[] = ['department_head', 'administrator'];

export interface AccessLogEntry {
  at: IsoTimestamp;
  /** The screen or purpose ("Sagsdetalje", "Udvalgets dagsorden", "Eksport", …). */
  purpose: string;
  /** Who looked, by role and team: what a citizen normally sees. */
  role: Role | 'wall' | null;
  teamName: string | null;
  /** The person, by id always and by name only when asked for. */
  personId: number | null;
  personName?: string | null;
}

export interface AccessLogExtract {
  citizenRef: string;
  from: IsoDate;
  to: IsoDate;
  withEmployees: boolean;
  /** How long lookups are kept: an extract reaches back no further. */
  retentionMonths: number;
  entries: AccessLogEntry[];
}

/** Where a CPR-shaped number sits in the store, masked (010190-XXXX); never the digits. */
export interface CprFinding {
  table: string;
  column: string;
  rowId: number | null;
  key?: Record<string, unknown>;
  masked: string;
  count: number;
  /** Whether redactValue may replace it (free-text columns only). */
  redactable: boolean;
}

export interface CprScanResult {
  findings: CprFinding[];
  scannedTables: number;
  scannedRows: number;
}

export interface RedactionResult {
  table: string | null;
  column: string | null;
  rowId: number | null;
  replaced: number;
  eventsChanged: number;
  eventId: number;
}

export interface ErasureResult {
  citizenId: number;
  newRef: string;
  cases: number;
  fieldsCleared: number;
  eventsChanged: number;
  eventId: number;
}

/** The last start-up or daily backup that failed, for the banner leaders and administrators see. */
export interface BackupHealth {
  lastError: { at: IsoTimestamp; message: string } | null;
}

const reason = z.string().trim().min(3, { message: 'input.redactReason' }).max(500);

export const privacyMethods = {
  getAccessLog: method<AccessLogExtract>()(
    z
      .object({
        citizenRef: shortText(60),
        from: isoDate.optional(),
        to: isoDate.optional(),
        withEmployees: z.boolean().default(false),
      })
      .strict(),
    {
      write: false,
      access: { roles: ACCESS_LOG_READERS },
      summary: 'Who looked at one citizen\'s data, when and on which screen, for an insight request; employee names only when asked for.',
    },
  ),
  scanPrivacy: method<CprScanResult>()(noInput, {
    write: false,
    access: { roles: ADMINISTRATORS },
    summary: 'Finds CPR-shaped text already stored, in every text column of every table and in the event log; lists where, masked (010190-XXXX).',
  }),
  redactValue: method<RedactionResult>()(
    z.object({
      table: shortText(60),
      column: shortText(60),
      rowId: id,
      reason,
      whole: z.boolean().default(false),
    }).strict(),
    {
      write: true,
      access: { roles: ADMINISTRATORS },
      summary: 'Replaces the CPR-shaped text of one stored free-text value (or the whole value) by [fjernet] in its table and in every event that carries it; a redaction event records who, when, why and where, never the value.',
    },
  ),
  eraseCitizen: method<ErasureResult>()(
    z.object({ citizenRef: shortText(60), reason }).strict(),
    {
      write: true,
      access: { roles: ADMINISTRATORS },
      summary: 'After the retention period (workspace citizen_retention_years, default 5): the citizen\'s reference becomes SLETTET-<id>, initials –, and their cases\' free text [fjernet] in tables and events; figures stay.',
    },
  ),
  getBackupHealth: method<BackupHealth>()(noInput, {
    write: false,
    access: { roles: ['leader', 'department_head', 'administrator'] },
    summary: 'The last failed start-up or daily backup (time and Danish message), or null when the last one succeeded.',
  }),
};
