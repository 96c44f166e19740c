// CLI of the economics feature: `budget set` and `report bottom-line`. `report` dispatches on
// its first word through REPORT_SUBCOMMANDS, which other features extend with
// registerReportSubcommand() from their own command files (report flow, report plan, ...).
import { contract } from '../../../shared/api/contract';
import { isIsoDate } from '../../../shared/dates';
import { ApiFailure, unwrap } from '../../../shared/api/envelope';
import { systemContext } from '../../../shared/api/define';
import type { BottomLineReport } from '../../../shared/api/methods/economy';
import { fieldErrors } from '../../../shared/api/dispatch';
import type { Service } from '../../../db/service';
import { DB_OPTION, JSON_OPTION, printJson, requiredString, stringOption, UsageError, type Command, type OptionSpec } from '../command';
import { withExistingStore } from '../store';
import { reportFlowCommand } from './flow';
import { writeFileSync } from 'node:fs';
import { followUpCsv, followUpPdf, followUpSheets, followUpXlsx, gatherFollowUp } from '../../../shared/budgetFollowUp';
import { formatDate, formatKroner, formatParagraph } from '../../../shared/format';

export interface ReportSubcommand {
  name: string;
  summary: string;
  /** Usage after "report", e.g. "bottom-line --db PATH --as-of YYYY-MM-DD [--json]". */
  usage: string;
  options: OptionSpec;
  run(values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<number> | number;
}

/** "+1.234 kr." / "−1.234 kr.": a change, with its sign. */
function formatSigned(value: number): string {
  const rounded = Math.round(value);
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : '±'}${formatKroner(Math.abs(rounded))}`;
}

export const REPORT_SUBCOMMANDS = new Map<string, ReportSubcommand>();

export function registerReportSubcommand(sub: ReportSubcommand): void {
  if (REPORT_SUBCOMMANDS.has(sub.name)) throw new Error(`report ${sub.name} is registered twice`);
  REPORT_SUBCOMMANDS.set(sub.name, sub);
}

/** A team given by name (case-insensitive) or id. */
export function resolveTeam(service: Service, given: string): { id: number; name: string } {
  const teams = service.handlers.listTeams({}, systemContext());
  const byId = /^\d+$/.test(given) ? teams.find((t) => t.id === Number(given)) : undefined;
  const team = byId ?? teams.find((t) => t.name.toLocaleLowerCase('da') === given.trim().toLocaleLowerCase('da'));
  if (!team) throw new UsageError(`Ukendt team: "${given}". Teams: ${teams.map((t) => t.name).join(', ')}.`);
  return team;
}

/** The CLI writes as the administrator: no actor, validated by the contract's schema, one transaction. */
function adminSetBudget(service: Service, input: unknown) {
  const parsed = contract.setBudget.input.safeParse(input);
  if (!parsed.success) throw new UsageError(fieldErrors(parsed.error).map((f) => `${f.field}: ${f.message}`).join('; '));
  return service.db.transaction(() => service.handlers.setBudget(parsed.data, systemContext())).immediate();
}

export const budgetCommand: Command = {
  name: 'budget',
  summary: 'Fastsæt et teams budget for et år (budget set)',
  usage: 'budget set --db PATH --team <navn eller id> --year ÅÅÅÅ --amount KR [--paragraph P] [--json]',
  options: { ...DB_OPTION, team: { type: 'string' }, year: { type: 'string' }, amount: { type: 'string' }, paragraph: { type: 'string' }, ...JSON_OPTION },
  allowPositionals: true,
  run(values, positionals) {
    if (positionals.length !== 1 || positionals[0] !== 'set') throw new UsageError('Skriv "budget set".');
    const teamName = requiredString(values, 'team');
    const yearText = requiredString(values, 'year');
    if (!/^\d{4}$/.test(yearText)) throw new UsageError(`--year skal være et årstal (fik "${yearText}").`);
    const amountText = requiredString(values, 'amount').replace(/\s/g, '');
    // Kroner as typed: 708600000, 708600000.50 or 708.600.000,50.
    const normalised = /,/.test(amountText) ? amountText.replace(/\./g, '').replace(',', '.') : amountText;
    if (!/^\d+(\.\d{1,2})?$/.test(normalised)) throw new UsageError(`--amount skal være et beløb i kroner (fik "${amountText}").`);
    const paragraph = stringOption(values, 'paragraph');
    return withExistingStore(values, (service) => {
      const team = resolveTeam(service, teamName);
      const result = adminSetBudget(service, {
        teamId: team.id, year: Number(yearText), amount: Number(normalised), ...(paragraph ? { paragraph } : {}),
      });
      if (values.json) printJson(result);
      else {
        const what = paragraph ? `${team.name}, ${formatParagraph(paragraph)}, ${result.year}` : `${team.name}, ${result.year}`;
        console.log(`Budget for ${what}: ${formatKroner(Number(normalised))}`);
      }
      return 0;
    });
  },
};

registerReportSubcommand({
  name: 'bottom-line',
  summary: 'Nul på bundlinjen: budget, forbrug, disponeret, prognose, bundlinje og pipeline pr. team',
  usage: 'bottom-line --db PATH --as-of ÅÅÅÅ-MM-DD [--team <navn eller id>] [--json]',
  options: { ...DB_OPTION, 'as-of': { type: 'string' }, team: { type: 'string' }, ...JSON_OPTION },
  run(values) {
    const asOf = requiredString(values, 'as-of');
    if (!isIsoDate(asOf)) throw new UsageError(`--as-of skal være en dato på formen ÅÅÅÅ-MM-DD (fik "${asOf}").`);
    const teamName = stringOption(values, 'team');
    return withExistingStore(values, (service) => {
      const teamId = teamName === undefined ? undefined : resolveTeam(service, teamName).id;
      const report = unwrap(service.dispatch('getBottomLine', { asOf, ...(teamId === undefined ? {} : { teamId }) }, systemContext())) as BottomLineReport;
      if (values.json) {
        // The documented shape, nothing more: scripts compare it field by field (docs/economics.md).
        const d = report.department;
        process.stdout.write(`${JSON.stringify({
          asOf: report.asOf,
          year: report.year,
          teams: report.teams.map((t) => ({
            team: t.team, budget: t.budget, spent: t.spent, committed: t.committed, forecast: t.forecast, bottomLine: t.bottomLine, pipeline: t.pipeline,
            sinceLastWeek: t.sinceLastWeek, sinceLastMonth: t.sinceLastMonth, sinceYearStart: t.sinceYearStart,
          })),
          ...(d ? {
            department: {
              budget: d.budget, spent: d.spent, committed: d.committed, forecast: d.forecast, bottomLine: d.bottomLine, pipeline: d.pipeline,
              sinceLastWeek: d.sinceLastWeek, sinceLastMonth: d.sinceLastMonth, sinceYearStart: d.sinceYearStart,
              lines: d.lines.map((l) => ({ label: l.label, budget: l.budget, forecast: l.forecast, bottomLine: l.bottomLine })),
            },
          } : {}),
        })}\n`);
        return 0;
      }
      const status = { on_zero: 'på nul', under: 'under budget', over: 'over budget' } as const;
      console.log(`Nul på bundlinjen ${report.year}, opgjort ${formatDate(report.asOf)}`);
      const header = ['Team', 'Budget', 'Forbrugt', 'Disponeret', 'Prognose', 'Bundlinje', 'Siden sidste uge', 'Siden sidste måned', 'Siden 1. januar', 'Pipeline', 'Status'];
      const rows = report.teams.map((t) => [
        t.team, formatKroner(t.budget), formatKroner(t.spent), formatKroner(t.committed), formatKroner(t.forecast), formatKroner(t.bottomLine),
        formatSigned(t.sinceLastWeek), formatSigned(t.sinceLastMonth), formatSigned(t.sinceYearStart), formatKroner(t.pipeline), status[t.status],
      ]);
      const d = report.department;
      if (d) {
        for (const l of d.lines) rows.push([l.label, formatKroner(l.budget), formatKroner(l.spent), formatKroner(l.committed), formatKroner(l.forecast), formatKroner(l.bottomLine), '', '', '', '', '']);
        rows.push([
          'Hele afdelingen', formatKroner(d.budget), formatKroner(d.spent), formatKroner(d.committed), formatKroner(d.forecast), formatKroner(d.bottomLine),
          formatSigned(d.sinceLastWeek), formatSigned(d.sinceLastMonth), formatSigned(d.sinceYearStart), formatKroner(d.pipeline), status[d.status],
        ]);
      }
      const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
      const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
      console.log(line(header));
      for (const r of rows) console.log(line(r));
      return 0;
    });
  },
});

registerReportSubcommand({
  name: 'budget-follow-up',
  summary: 'Budgetopfølgning til ledermødet: nul på bundlinjen, udvikling, sammensætning, dyre enkeltsager og takstansvar som XLSX, CSV eller PDF',
  usage: 'budget-follow-up --db PATH (--team <navn eller id> | --department) --as-of ÅÅÅÅ-MM-DD --out FIL.xlsx|.csv|.pdf',
  options: { ...DB_OPTION, 'as-of': { type: 'string' }, team: { type: 'string' }, department: { type: 'boolean' }, out: { type: 'string' } },
  async run(values) {
    const asOf = requiredString(values, 'as-of');
    if (!isIsoDate(asOf)) throw new UsageError(`--as-of skal være en dato på formen ÅÅÅÅ-MM-DD (fik "${asOf}").`);
    const out = requiredString(values, 'out');
    const format = /\.(xlsx|csv|pdf)$/i.exec(out)?.[1]?.toLowerCase() as 'xlsx' | 'csv' | 'pdf' | undefined;
    if (!format) throw new UsageError(`--out skal ende på .xlsx, .csv eller .pdf (fik "${out}").`);
    const teamName = stringOption(values, 'team');
    if ((teamName === undefined) === (values.department !== true)) throw new UsageError('Angiv enten --team <navn eller id> eller --department.');
    // The figures are read while the store is open; the file is written after it is closed.
    const data = await withExistingStore(values, (service) => {
      const teamId = teamName === undefined ? undefined : resolveTeam(service, teamName).id;
      return gatherFollowUp(async (method, input) => unwrap(service.dispatch(method, input, systemContext())), { asOf, ...(teamId === undefined ? {} : { teamId }) });
    });
    const bytes = format === 'pdf' ? await followUpPdf(data) : format === 'xlsx' ? await followUpXlsx(followUpSheets(data)) : new TextEncoder().encode(followUpCsv(followUpSheets(data)));
    writeFileSync(out, bytes);
    console.log(`Budgetopfølgning for ${data.scopeName} pr. ${formatDate(asOf)} skrevet til ${out}`);
    return 0;
  },
});

// Issue 7's flow report, written as a command of its own: wired in here under `report flow`.
registerReportSubcommand({
  name: 'flow',
  summary: reportFlowCommand.summary,
  usage: reportFlowCommand.usage.replace(/^report\s+/, ''),
  options: reportFlowCommand.options,
  run: (values, positionals) => reportFlowCommand.run(values, positionals),
});

export const reportCommand: Command = {
  name: 'report',
  summary: 'Rapporter: report <emne> (fx bottom-line)',
  get usage() {
    return `report <${[...REPORT_SUBCOMMANDS.keys()].join('|')}> [valg]`;
  },
  // Subcommands are registered at import time, so the union is complete when main parses.
  get options(): OptionSpec {
    return Object.assign({}, ...[...REPORT_SUBCOMMANDS.values()].map((s) => s.options)) as OptionSpec;
  },
  allowPositionals: true,
  run(values, positionals) {
    const [name, ...rest] = positionals;
    const sub = name === undefined ? undefined : REPORT_SUBCOMMANDS.get(name);
    if (!sub) {
      const list = [...REPORT_SUBCOMMANDS.values()].map((s) => `  report ${s.usage}\n      ${s.summary}`).join('\n');
      throw new UsageError(`${name === undefined ? 'Angiv hvilken rapport.' : `Ukendt rapport: ${name}.`}\n${list}`);
    }
    const foreign = Object.keys(values).filter((k) => values[k] !== undefined && !(k in sub.options));
    if (foreign.length) throw new UsageError(`report ${sub.name} kender ikke ${foreign.map((f) => `--${f}`).join(', ')}. Brug: report ${sub.usage}`);
    const failed = (error: unknown) => {
      if (error instanceof ApiFailure) {
        console.error(`Fejl: ${error.message}`);
        return 1;
      }
      throw error;
    };
    try {
      const result = sub.run(values, rest);
      return result instanceof Promise ? result.catch(failed) : result;
    } catch (error) {
      return failed(error);
    }
  },
};

export const economyCommands: Command[] = [budgetCommand, reportCommand];
