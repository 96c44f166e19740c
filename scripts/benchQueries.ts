// The store queries `npm run bench` times, as API calls through the service (the code the UI runs).
import type { MethodName } from '../shared/api/contract';
import { addDays } from '../shared/dates';

export interface BenchQuery {
  name: string;
  method: MethodName | string;
  input(context: { teamId: number; today: string }): unknown;
}

export const BENCH_QUERIES: readonly BenchQuery[] = [
  { name: "largest team's board", method: 'getBoard', input: ({ teamId }) => ({ teamId }) },
  { name: "largest team's pull list", method: 'getPullList', input: ({ teamId }) => ({ teamId }) },
  { name: "largest team's wall screen", method: 'getWallScreen', input: ({ teamId }) => ({ teamId }) },
  { name: 'bottom line, all teams', method: 'getBottomLine', input: ({ today }) => ({ asOf: today }) },
  { name: 'flow report, 12 months', method: 'getFlowReport', input: ({ teamId, today }) => ({ teamId, from: addDays(today, -364), to: today }) },
  { name: 'caseload dashboard', method: 'getCaseload', input: ({ teamId }) => ({ teamId }) },
  { name: 'caseload, whole department', method: 'getCaseload', input: () => ({}) },
  { name: 'bottom line week by week, department', method: 'getBottomLineSeries', input: ({ today }) => ({ asOf: today }) },
  { name: "bottom line's decomposition, largest team", method: 'getBottomLineDecomposition', input: ({ teamId, today }) => ({ teamId, from: `${today.slice(0, 4)}-01-01`, asOf: today }) },
  { name: 'finance beside grants, department', method: 'getFinanceComparison', input: ({ today }) => ({ year: Number(today.slice(0, 4)), asOf: today }) },
  { name: 'flow report, whole department, 12 months', method: 'getFlowReport', input: ({ today }) => ({ from: addDays(today, -364), to: today }) },
];

/** A case-system extract with the canonical columns: `rows` rows, one grant each, Danish formats. */
export function syntheticExtract(rows: number): string {
  const header = 'sagsnummer;borger_ref;borger_initialer;team;sagsbehandler;sagstype;paragraf;modtaget;ydelse;leverandoer;leverandoertype;takst;takstenhed;omfang;start;slut;naeste_opfoelgning';
  const teams = ['Team Botilbud', 'Team BPA', 'Team Bostøtte', 'Team Nyansøgning', 'Team Housing First', 'Team Merudgifter'];
  const lines = [header];
  for (let i = 0; i < rows; i++) {
    const team = teams[i % teams.length]!;
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 12) + 1).padStart(2, '0');
    lines.push([
      `B-${String(100_000 + i)}`, `R${String(500_000 + (i % 40_000))}`, 'AB', team, `Rådgiver ${i % 48}`, 'opfoelgning', '§85',
      `${day}.${month}.2025`, 'Socialpædagogisk støtte', 'Bostøtten Øst (intern)', 'intern', `${500 + (i % 50)},50`, 'time',
      `${(i % 15) + 1},5`, `${day}-${month}-2025`, '', `${day}.${month}.2027`,
    ].join(';'));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Imports a 64,000-row extract into an empty store; null until the import feature exists. */
export async function importBench(dir: string): Promise<{ seconds: number; rowsPerSecond: number } | null> {
  const { importExtract } = await import('../db/import');
  const { openWorkspace } = await import('../db/workspace');
  const { closeStore } = await import('../db/connection');
  const { join } = await import('node:path');
  const rows = 64_000;
  const bytes = new TextEncoder().encode(syntheticExtract(rows));
  const { db } = openWorkspace(join(dir, 'import.db'), { empty: true });
  try {
    const started = performance.now();
    const outcome = importExtract(db, bytes, { actorId: null, now: new Date(), today: '2026-11-23' });
    const seconds = (performance.now() - started) / 1000;
    if (!outcome.ok) throw new Error(`import refused the synthetic extract: ${JSON.stringify(outcome.errors.slice(0, 3))}`);
    if (outcome.summary.inserted !== rows) throw new Error(`expected ${rows} new cases, got ${outcome.summary.inserted}`);
    return { seconds, rowsPerSecond: rows / seconds };
  } finally {
    closeStore(db);
  }
}
