// `report deadlines`: legal-deadline compliance per paragraph and month, the table a municipality
// sends when asked how well it keeps its processing deadlines (issue 18). The figures come from the
// getDeadlineCompliance method, called through the dispatcher like any other caller.
import { systemContext } from '../../../shared/api/define';
import { unwrap } from '../../../shared/api/envelope';
import type { DeadlineCompliance } from '../../../shared/api/methods/flowAnalytics';
import type { DeadlineRow } from '../../../shared/deadlines';
import { formatDate, formatNumber, formatParagraph } from '../../../shared/format';
import { printJson, TEAM_PERIOD_OPTIONS, teamAndPeriod, type Command, type OptionSpec } from '../command';
import { teamIdOf, withExistingStore } from '../store';
import { registerReportSubcommand } from './economy';

export const reportDeadlinesOptions: OptionSpec = TEAM_PERIOD_OPTIONS;

export const reportDeadlinesUsage = 'deadlines --db PATH --team NAVN|ID|--department --from ÅÅÅÅ-MM-DD --to ÅÅÅÅ-MM-DD [--json]';

/** The row with the keys in the order. */
const row = (r: DeadlineRow): DeadlineRow => ({
  paragraph: r.paragraph,
  month: r.month,
  decided: r.decided,
  withinDeadline: r.withinDeadline,
  share: r.share,
  p50Days: r.p50Days,
  p85Days: r.p85Days,
});

export function reportDeadlines(values: Record<string, string | boolean | undefined>): number {
  const { teamArg, from, to } = teamAndPeriod(values);
  return withExistingStore(values, (service, db) => {
    const teamId = teamIdOf(db, teamArg);
    const report = unwrap(service.dispatch('getDeadlineCompliance', { ...(teamId === undefined ? {} : { teamId }), from, to }, systemContext())) as DeadlineCompliance;
    const json = {
      scope: report.teamId === null ? 'department' : 'team',
      team: report.team,
      from: report.from,
      to: report.to,
      rows: report.rows.map(row),
      followUps: report.followUps.map(row),
    };
    if (values.json) {
      printJson(json);
      return 0;
    }
    const share = (s: number | null) => (s === null ? '–' : `${formatNumber(s * 100, 1)} %`);
    const days = (d: number | null) => (d === null ? '–' : formatNumber(d));
    console.log(`Overholdelse af sagsbehandlingsfrister, ${report.team ?? 'hele afdelingen'}, afgjort ${formatDate(from)}–${formatDate(to)}`);
    console.log('Ansøgninger og klager; afgørelsesdato = første dag i en afsluttet-kolonne; dage = kalenderdage fra modtaget til afgjort.');
    const print = (rows: DeadlineRow[]) => {
      console.log(`  ${'Paragraf'.padEnd(10)} ${'Måned'.padEnd(8)} ${'Afgjort'.padStart(8)} ${'I tide'.padStart(7)} ${'Andel'.padStart(8)} ${'50 %'.padStart(6)} ${'85 %'.padStart(6)}`);
      for (const r of rows) {
        console.log(`  ${formatParagraph(r.paragraph).padEnd(10)} ${r.month.padEnd(8)} ${String(r.decided).padStart(8)} ${String(r.withinDeadline).padStart(7)} ${share(r.share).padStart(8)} ${days(r.p50Days).padStart(6)} ${days(r.p85Days).padStart(6)}`);
      }
      if (rows.length === 0) console.log('  Ingen afgjorte sager i perioden.');
    };
    print(json.rows);
    console.log('\nOpfølgninger (for sig):');
    print(json.followUps);
    return 0;
  });
}

registerReportSubcommand({
  name: 'deadlines',
  summary: 'Overholdelse af sagsbehandlingsfrister pr. paragraf og måned (ansøgninger og klager; opfølgninger for sig)',
  usage: reportDeadlinesUsage,
  options: reportDeadlinesOptions,
  run: (values) => reportDeadlines(values),
});

/** Imported by the CLI's main for the registration above; no commands of its own. */
export const flowAnalyticsCommands: Command[] = [];
