// The finance system's figures beside ours (issue 16, item 8): the import of booked expenditure
// and the month-by-month comparison with the grant-based spend. The work is db/finance.ts.
import type { Handlers } from '../../shared/api/dispatch';
import { ApiFailure, fieldError } from '../../shared/api/envelope';
import type { FinanceMonth, FinanceTotal, financeMethods } from '../../shared/api/methods/finance';
import { FINANCE_ATTENTION_OERE, FINANCE_ATTENTION_SHARE, type FinanceMonthOere } from '../../shared/finance';
import { toKroner } from '../../shared/money';
import { financeComparison, importFinanceBookings } from '../finance';
import type { Db } from '../connection';
import { statements } from '../statements';
import type { ServiceContext } from './context';

const month = (m: FinanceMonthOere): FinanceMonth => ({
  month: m.month,
  booked: m.booked === null ? null : toKroner(m.booked),
  grantBased: toKroner(m.grantBased),
  difference: m.difference === null ? null : toKroner(m.difference),
  attention: m.attention,
});

/** Over the booked months only, in øre, then kroner. */
function total(months: readonly FinanceMonthOere[]): FinanceTotal {
  const booked = months.filter((m) => m.booked !== null);
  const sum = (pick: (m: FinanceMonthOere) => number) => booked.reduce((n, m) => n + pick(m), 0);
  return {
    bookedMonths: booked.length,
    booked: toKroner(sum((m) => m.booked!)),
    grantBased: toKroner(sum((m) => m.grantBased)),
    difference: toKroner(sum((m) => m.difference!)),
  };
}

const queries = (db: Db) => ({ teamExists: db.prepare('SELECT 1 FROM teams WHERE id = ?') });

export function financeHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof financeMethods> {
  const { db } = ctx;
  const { teamExists } = statements(db, queries);
  return {
    importFinanceBookings: ({ fileName, contentBase64 }, call) => {
      const outcome = importFinanceBookings(db, new Uint8Array(Buffer.from(contentBase64, 'base64')), { actorId: call.actorId, now: ctx.now(), fileName });
      if (!outcome.ok) {
        throw ApiFailure.of('invalid_input', 'data.bookingsFailed', { count: outcome.totalErrors }, {
          fields: outcome.errors.slice(0, 50).map((e) => ({ field: `række ${e.row}${e.column ? `, ${e.column}` : ''}`, message: e.reason })),
          details: { errors: outcome.errors, totalErrors: outcome.totalErrors },
        });
      }
      const s = outcome.summary;
      return {
        fileName: s.fileName, encoding: s.encoding, delimiter: s.delimiter, rows: s.rows, bookings: s.bookings,
        inserted: s.inserted, replaced: s.replaced, total: toKroner(s.totalOere), months: s.months, teams: s.teams,
      };
    },

    getFinanceComparison: ({ year, teamId, asOf }) => {
      if (teamId !== undefined && !teamExists.get(teamId)) {
        throw ApiFailure.of('not_found', 'records.teamNotFound', undefined, { fields: [fieldError('teamId', 'records.teamNotFound')] });
      }
      const c = financeComparison(db, year, asOf ?? ctx.today(), teamId);
      const scope = c.department ?? c.teams[0]?.months ?? [];
      return {
        year: c.year,
        asOf: c.asOf,
        teamId: teamId ?? null,
        threshold: { share: FINANCE_ATTENTION_SHARE, amount: toKroner(FINANCE_ATTENTION_OERE) },
        months: scope.map(month),
        total: total(scope),
        teams: c.teams.map((t) => ({ teamId: t.teamId, team: t.team, months: t.months.map(month), total: total(t.months) })),
        lastImport: c.lastImport,
      };
    },
  };
}
