import type { ParseArgsConfig } from 'node:util';

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

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
