import type { ParseArgsConfig } from 'node:util';
import { isIsoDate } from '../../shared/dates';
import type { IsoDate } from '../../shared/domain';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: OptionSpec;
  allowPositionals?: boolean;
  /** Returns the exit code. */
  run(values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<number> | number;
}

/** A usage error: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}

export function intOption(values: Record<string, unknown>, name: string, fallback?: number): number | undefined {
  const raw = values[name];
  if (raw === undefined) return fallback;
  if (typeof raw !== 'string' || !/^-?\d+$/.test(raw)) throw new UsageError(`--${name} skal være et helt tal (fik "${String(raw)}").`);
  return Number(raw);
}

export function stringOption(values: Record<string, unknown>, name: string): string | undefined {
  const raw = values[name];
  return typeof raw === 'string' ? raw : undefined;
}

export function requiredString(values: Record<string, unknown>, name: string): string {
  const value = stringOption(values, name);
  if (!value) throw new UsageError(`--${name} mangler.`);
  return value;
}

export const DB_OPTION: OptionSpec = { db: { type: 'string' } };
export const JSON_OPTION: OptionSpec = { json: { type: 'boolean' } };

/** The period reports' arguments: --team NAVN|ID or --department, and the period --from … --to. */
export const TEAM_PERIOD_OPTIONS: OptionSpec = {
  ...DB_OPTION,
  team: { type: 'string' },
  department: { type: 'boolean' },
  from: { type: 'string' },
  to: { type: 'string' },
  ...JSON_OPTION,
};

function dateOption(values: Record<string, unknown>, name: string): IsoDate {
  const value = requiredString(values, name);
  if (!isIsoDate(value)) throw new UsageError(`--${name} skal være en dato på formen ÅÅÅÅ-MM-DD (fik "${value}").`);
  return value;
}

/** Reads TEAM_PERIOD_OPTIONS: the team as given (undefined for the department) and the period. */
export function teamAndPeriod(values: Record<string, unknown>): { teamArg: string | undefined; from: IsoDate; to: IsoDate } {
  const teamArg = typeof values.team === 'string' ? values.team : undefined;
  const department = values.department === true;
  if ((teamArg === undefined) === !department) throw new UsageError('Angiv enten --team NAVN|ID eller --department.');
  const from = dateOption(values, 'from');
  const to = dateOption(values, 'to');
  if (from > to) throw new UsageError('--from skal ligge før eller på --to.');
  return { teamArg, from, to };
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
