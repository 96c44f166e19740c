// The finance system's figures beside ours (issue 16, item 8): importing the finance system's
// monthly booked expenditure per account and team, and reading it beside the grant-based spend
// month by month (docs/economics.md, "Booked in the finance system").
import { z } from 'zod';
import type { FinanceAttention } from '../../finance';
import { CASE_READERS, id, method } from '../define';
import { isoDate } from '../schemas';
import { base64File, IMPORTERS } from './data';

export interface FinanceImportResult {
  fileName: string;
  encoding: string;
  delimiter: string;
  /** Data rows in the file. */
  rows: number;
  /** Distinct year, month, account and team: what the store keeps (correction lines are summed with their key). */
  bookings: number;
  /** Bookings new to the store. */
  inserted: number;
  /** Bookings that replaced an earlier import of the same year, month, account and team. */
  replaced: number;
  /** The file's total in kroner (whole øre). */
  total: number;
  /** The months the file books, in order. */
  months: { year: number; month: number }[];
  /** The teams it books for, by name. */
  teams: string[];
}

export interface FinanceMonth {
  /** 1–12 */
  month: number;
  /** Kroner booked in the finance system; null while the month is not booked (no bookings for any team yet). */
  booked: number | null;
  /** The month's cost of the grant versions known at the end of the as-of date (kroner, whole øre). */
  grantBased: number;
  /** booked − grantBased; null while not booked. */
  difference: number | null;
  /** Set where the difference is more than the threshold's share and amount. */
  attention: FinanceAttention | null;
}

export interface FinanceTotal {
  /** The booked months only, so the totals compare like with like. */
  bookedMonths: number;
  booked: number;
  grantBased: number;
  difference: number;
}

export interface FinanceTeamComparison {
  teamId: number;
  team: string;
  months: FinanceMonth[];
  total: FinanceTotal;
}

export interface FinanceComparison {
  year: number;
  asOf: string;
  /** null: the whole department. */
  teamId: number | null;
  /** A month is marked when |difference| exceeds both: the share of grant-based and the amount in kroner. */
  threshold: { share: number; amount: number };
  /** The scope's twelve months: the team's, or every team's summed. */
  months: FinanceMonth[];
  total: FinanceTotal;
  /** The team alone, or every team of the department. */
  teams: FinanceTeamComparison[];
  /** The latest import of a finance extract, whoever's team it booked. */
  lastImport: { fileName: string; importedAt: string; importedBy: string | null } | null;
}

export const financeMethods = {
  importFinanceBookings: method<FinanceImportResult>()(
    z.object({ fileName: z.string().trim().min(1).max(255), contentBase64: base64File }).strict(),
    {
      write: true, access: { roles: IMPORTERS },
      summary: 'Imports the finance system\'s monthly booked expenditure per account and team (CSV, base64) in one transaction; a booking of the same year, month, account and team replaces the earlier one; any wrong row refuses the whole file.',
    },
  ),
  getFinanceComparison: method<FinanceComparison>()(
    z.object({ year: z.number().int().min(2000).max(2100), teamId: id.optional(), asOf: isoDate.optional() }).strict(),
    {
      write: false, access: { roles: CASE_READERS, team: { from: 'team', field: 'teamId' } },
      summary: 'A team\'s (or without teamId the department\'s) booked expenditure month by month beside the grant-based spend as known at the end of the as-of date (default today), with the difference and the months that call for attention.',
    },
  ),
};
