// CLI of the finance comparison (issue 16, item 8): `import finance FILE` (routed here by the
// import command) and `report finance`. Both go through the contract's methods, so the file is
// checked and the comparison computed exactly as in the app.
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { systemContext, type CallContext } from '../../../shared/api/define';
import { unwrap } from '../../../shared/api/envelope';
import type { FinanceComparison, FinanceImportResult, FinanceMonth } from '../../../shared/api/methods/finance';
import { isIsoDate } from '../../../shared/dates';
import { formatDate, formatKroner } from '../../../shared/format';
import type { ImportError } from '../../../shared/import';
import { DB_OPTION, intOption, JSON_OPTION, printJson, requiredString, stringOption, UsageError, type Command } from '../command';
import { withExistingStore } from '../store';
import { registerReportSubcommand, resolveTeam } from './economy';

const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

export const IMPORT_FINANCE_USAGE = 'import finance FILE --db PATH [--actor ID] [--json]';

/**
 * `import finance FILE`: the finance system's booked expenditure per account and team. Without
 * --actor the command line imports as the system; with it, as that person, whose roles the
 * contract checks like any call (the department head or an administrator).
 */
export function importFinance(values: Record<string, string | boolean | undefined>, file: string): number {
  if (values.mapping !== undefined || values['dry-run'] !== undefined) {
    throw new UsageError(`--mapping og --dry-run gælder sagssystemets udtræk, ikke bogføringen. Brug: ${IMPORT_FINANCE_USAGE}`);
  }
  if (!existsSync(file)) throw new UsageError(`Filen findes ikke: ${file}`);
  const bytes = readFileSync(file);
  const actor = intOption(values, 'actor');
  return withExistingStore(values, (service, db) => {
    let ctx: CallContext = systemContext();
    if (actor !== undefined) {
      if (!db.prepare('SELECT 1 FROM people WHERE id = ? AND active = 1').get(actor)) throw new UsageError(`--actor ${actor}: personen findes ikke.`);
      ctx = service.as(actor);
    }
    const envelope = service.dispatch('importFinanceBookings', { fileName: basename(file), contentBase64: bytes.toString('base64') }, ctx);
    if (!envelope.ok) {
      const details = envelope.error.details as { errors?: ImportError[]; totalErrors?: number } | undefined;
      const errors = details?.errors ?? [];
      if (values.json) printJson({ errors: errors.length ? errors : [{ row: 0, column: '', value: '', reason: envelope.error.message }] });
      else {
        console.error(`Fejl: ${envelope.error.message}`);
        for (const e of errors) console.error(`  række ${e.row}${e.column ? `, ${e.column}` : ''}${e.value ? ` ("${e.value}")` : ''}: ${e.reason}`);
        if ((details?.totalErrors ?? 0) > errors.length) console.error(`  … og ${details!.totalErrors! - errors.length} fejl mere.`);
      }
      return 1;
    }
    const r = envelope.value as FinanceImportResult;
    if (values.json) printJson(r);
    else {
      const months = r.months.map((m) => `${MONTHS[m.month - 1]} ${m.year}`).join(', ');
      console.log(`Bogføring importeret fra ${r.fileName}: ${r.bookings} konteringer (${r.inserted} nye, ${r.replaced} erstattet), ${r.rows} rækker, i alt ${formatKroner(r.total)} (${r.encoding}).`);
      console.log(`  Måneder: ${months}`);
      console.log(`  Teams: ${r.teams.join(', ')}`);
    }
    return 0;
  });
}

const attentionText = (m: FinanceMonth) =>
  m.attention === 'booked_higher' ? 'bogført mere – registreringer mangler?' : m.attention === 'booked_lower' ? 'bogført mindre – ophørte bevillinger eller manglende betalinger?' : '';

registerReportSubcommand({
  name: 'finance',
  summary: 'Bogført i økonomisystemet mod forbruget efter bevillingerne, måned for måned, med forskellen og de måneder der kræver opmærksomhed',
  usage: 'finance --db PATH (--team <navn eller id> | --department) --year ÅÅÅÅ [--as-of ÅÅÅÅ-MM-DD] [--json]',
  options: { ...DB_OPTION, team: { type: 'string' }, department: { type: 'boolean' }, year: { type: 'string' }, 'as-of': { type: 'string' }, ...JSON_OPTION },
  run(values) {
    const yearText = requiredString(values, 'year');
    if (!/^\d{4}$/.test(yearText)) throw new UsageError(`--year skal være et årstal (fik "${yearText}").`);
    const asOf = stringOption(values, 'as-of');
    if (asOf !== undefined && !isIsoDate(asOf)) throw new UsageError(`--as-of skal være en dato på formen ÅÅÅÅ-MM-DD (fik "${asOf}").`);
    const teamName = stringOption(values, 'team');
    if ((teamName === undefined) === (values.department !== true)) throw new UsageError('Angiv enten --team <navn eller id> eller --department.');
    return withExistingStore(values, (service) => {
      const teamId = teamName === undefined ? undefined : resolveTeam(service, teamName).id;
      const c = unwrap(service.dispatch('getFinanceComparison', {
        year: Number(yearText), ...(teamId === undefined ? {} : { teamId }), ...(asOf === undefined ? {} : { asOf }),
      }, systemContext())) as FinanceComparison;
      if (values.json) {
        printJson(c);
        return 0;
      }
      const scope = teamId === undefined ? 'Hele afdelingen' : c.teams[0]!.team;
      console.log(`Bogført i økonomisystemet mod forbrug efter bevillingerne: ${scope} ${c.year}, bevillinger som kendt ${formatDate(c.asOf)}`);
      console.log(`Markeret, hvor forskellen er over ${Math.round(c.threshold.share * 100)} % og over ${formatKroner(c.threshold.amount)}`);
      const header = ['Måned', 'Bogført', 'Bevillinger', 'Forskel', 'Bemærkning'];
      const flagged = (month: number) => c.teams.filter((t) => t.months[month - 1]!.attention !== null).map((t) => t.team);
      const rows = c.months.map((m) => [
        MONTHS[m.month - 1]!,
        m.booked === null ? 'ikke bogført' : formatKroner(m.booked),
        formatKroner(m.grantBased),
        m.difference === null ? '' : formatKroner(m.difference),
        [attentionText(m), teamId === undefined && flagged(m.month).length ? `se ${flagged(m.month).join(', ')}` : ''].filter(Boolean).join('; '),
      ]);
      rows.push([`I alt (${c.total.bookedMonths} md.)`, formatKroner(c.total.booked), formatKroner(c.total.grantBased), formatKroner(c.total.difference), '']);
      const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
      const line = (cells: string[]) => cells.map((cell, i) => (i === 0 || i === cells.length - 1 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd();
      console.log(line(header));
      for (const r of rows) console.log(line(r));
      if (c.lastImport) console.log(`Seneste import: ${c.lastImport.fileName}, ${formatDate(c.lastImport.importedAt.slice(0, 10))}${c.lastImport.importedBy ? ` af ${c.lastImport.importedBy}` : ''}.`);
      else console.log('Der er ikke importeret bogføring endnu (npm run cli -- import finance FIL).');
      return 0;
    });
  },
});

/** Imported by the CLI's main for the registration above; `import finance` is routed from the import command. */
export const financeCommands: Command[] = [];
