// Methods of data protection: the lookup log's extract for a citizen's insight request (GDPR art.
// 15). Only the department head and the administrator may read it.
import { z } from 'zod';
import type { IsoDate, IsoTimestamp, Role } from '../../domain';
import { method, type CallerRole } from '../define';
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
};
