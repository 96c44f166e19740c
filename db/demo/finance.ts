// Demo data of the finance comparison (issue 16, item 8): the finance system's booked
// expenditure for every month of this year before today's, per team and account, as one
// extract imported through db/finance.ts like a real one. Booked follows each team's
// grant-based spend within about a per cent, with a few invoices paid twice and reversed in the
// same month (a correction with a negative amount), and Team Bostøtte's last two full months booked
// clearly higher — registrations missing in Flowtavle — so the section has something to show.
import { yearOf } from '../../shared/dates';
import type { IsoDate } from '../../shared/domain';
import { formatExportNumber } from '../../shared/importExport';
import { monthlyOere } from '../../shared/grantHistory';
import type { Random } from '../../shared/random';
import { teamRows, versionsKnown } from '../bottomLine';
import type { Db } from '../connection';
import type { PeopleRow } from '../schema';
import { importFinanceBookings } from '../finance';

/**
 * The functions of the municipal chart of accounts the demo books each paragraph on (main
 * function 5.38, adult social services; § 100 under 5.57.72). Illustrative: Flowtavle reads any
 * function d.dd.dd and compares per team, whatever the accounts.
 */
export const DEMO_ACCOUNTS: Record<string, string> = {
  '108': '5.38.50', '107': '5.38.52', '105': '5.38.51', '103': '5.38.58', '104': '5.38.59', '100': '5.57.72',
};
const OTHER_ACCOUNT = '5.38.38';

/** Booked ÷ grant-based in the months where registrations are missing (the last two full months). */
const MISSING_REGISTRATIONS: Record<string, readonly number[]> = { 'Team Bostøtte': [1.072, 1.091] };

const kroner = (oere: number) => formatExportNumber(oere / 100);

export function financeDemo(db: Db, random: Random, today: IsoDate): void {
  const year = yearOf(today);
  const lastMonth = Number(today.slice(5, 7)) - 1;
  if (lastMonth < 1) return;
  // Booked per team, account and month as the grants known today cost it.
  const costs = new Map<string, number[]>();
  for (const v of versionsKnown(db, year, today)) {
    const key = `${v.teamId}|${DEMO_ACCOUNTS[v.paragraph] ?? OTHER_ACCOUNT}`;
    let months = costs.get(key);
    if (!months) costs.set(key, (months = new Array<number>(12).fill(0)));
    monthlyOere(v, year).forEach((c, i) => (months![i]! += c));
  }
  const teams = teamRows(db);
  const lines = ['År;Måned;Konto;Team;Beløb'];
  for (const team of teams) {
    const missing = MISSING_REGISTRATIONS[team.name] ?? [];
    for (let month = 1; month <= lastMonth; month++) {
      const fromEnd = lastMonth - month;
      const factor = fromEnd < missing.length ? missing[missing.length - 1 - fromEnd]! : 1 + random.range(-0.012, 0.012);
      for (const [key, months] of costs) {
        const [teamId, account] = key.split('|') as [string, string];
        if (Number(teamId) !== team.id || months[month - 1]! === 0) continue;
        let amount = Math.round(months[month - 1]! * factor);
        // Now and then an invoice is paid twice and the second payment reversed: a negative line beside it.
        if (month > 1 && month < lastMonth - 1 && random.chance(0.04)) {
          const moved = Math.round(amount * random.range(0.02, 0.05) / 100) * 100;
          lines.push(`${year};${month};${account};${team.name};${kroner(-moved)}`);
          amount += moved;
        }
        lines.push(`${year};${month};${account};${team.name};${kroner(amount)}`);
      }
    }
  }
  const head = db.prepare<[], Pick<PeopleRow, 'id'>>(`SELECT id FROM people WHERE role = 'department_head' ORDER BY id LIMIT 1`).get();
  const outcome = importFinanceBookings(db, new TextEncoder().encode(`${lines.join('\r\n')}\r\n`), {
    actorId: head?.id ?? null, now: new Date(`${today}T07:30:00.000Z`), fileName: `oekonomi-bogfoering-${year}-01-til-${String(lastMonth).padStart(2, '0')}.csv`,
  });
  if (!outcome.ok) throw new Error(`the demo's finance extract was refused: ${JSON.stringify(outcome.errors.slice(0, 3))}`);
}
