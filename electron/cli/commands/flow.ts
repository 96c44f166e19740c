// `report flow`: a team's (or with --department the whole department's) flow report for a period, the same figures the flow dashboard shows
// (both come from the getFlowReport handler).
import type { FlowReport } from '../../../shared/flow';
import { formatDate, formatNumber } from '../../../shared/format';
import { systemContext } from '../../../shared/api/define';
import { unwrap } from '../../../shared/api/envelope';
import { printJson, TEAM_PERIOD_OPTIONS, teamAndPeriod, type Command, type OptionSpec } from '../command';
import { teamIdOf, withExistingStore } from '../store';

export const reportFlowOptions: OptionSpec = TEAM_PERIOD_OPTIONS;

export const reportFlowUsage = 'report flow --db PATH --team NAVN|ID|--department --from ÅÅÅÅ-MM-DD --to ÅÅÅÅ-MM-DD [--json]';

/** Prints the flow report; returns the exit code. */
export function reportFlow(values: Record<string, string | boolean | undefined>): number {
  const { teamArg, from, to } = teamAndPeriod(values);
  return withExistingStore(values, (service, db) => {
    const teamId = teamIdOf(db, teamArg);
    const { teamId: _teamId, ...report } = unwrap(service.dispatch('getFlowReport', { ...(teamId === undefined ? {} : { teamId }), from, to }, systemContext())) as FlowReport & { teamId: number | null };
    // The issue fixes the key order of the JSON; build it explicitly rather than trust spread order.
    const json: FlowReport = {
      team: report.team,
      from: report.from,
      to: report.to,
      throughputPerWeek: report.throughputPerWeek.map((w) => ({ weekStart: w.weekStart, count: w.count })),
      cycleTime: { count: report.cycleTime.count, p50: report.cycleTime.p50, p85: report.cycleTime.p85, p95: report.cycleTime.p95 },
      wipAtEnd: report.wipAtEnd,
      wipAges: report.wipAges,
    };
    if (values.json) {
      printJson(json);
      return 0;
    }
    const ct = json.cycleTime;
    const days = (n: number | null) => (n === null ? '–' : `${formatNumber(n)} dage`);
    console.log(`Flowrapport for ${json.team ?? 'hele afdelingen'}, ${formatDate(from)}–${formatDate(to)}`);
    console.log(`  Afsluttede sager: ${formatNumber(ct.count)}`);
    console.log(`  Gennemløbstid: 50 % ${days(ct.p50)}, 85 % ${days(ct.p85)}, 95 % ${days(ct.p95)}`);
    console.log(`  Igangværende ved periodens slutning: ${formatNumber(json.wipAtEnd)}` +
      (json.wipAges.length ? ` (ældste ${days(json.wipAges[0]!)})` : ''));
    console.log('  Gennemstrømning pr. uge (uge der starter mandag):');
    for (const w of json.throughputPerWeek) console.log(`    ${formatDate(w.weekStart)}  ${String(w.count).padStart(5)}`);
    return 0;
  });
}

/**
 * The flow feature's report as a command of its own, for wiring under `report` (the economics
 * feature owns that command; see the report of issue 7).
 */
export const reportFlowCommand: Command = {
  name: 'report flow',
  summary: 'Flowrapport for et team eller hele afdelingen og en periode: gennemstrømning pr. uge, gennemløbstider, igangværende sager',
  usage: reportFlowUsage,
  options: reportFlowOptions,
  run: (values) => reportFlow(values),
};

export const flowCommands: Command[] = [];
