// Chart colours as literal values: the PNG export draws the SVG outside the page, where CSS
// variables do not resolve. Contrast checked against white.
import type { FlowColumn } from '../../../../shared/api/methods/flow';

export const INK = '#17202b';
export const MUTED = '#4a5565';
export const GRID = '#e3e7ed';

const QUEUE = ['#8a96a8', '#b4bdca', '#d0d6df'];
const ACTIVE = ['#0b5cad', '#3f86cf', '#79aee3', '#a9cbef'];
const DONE = '#1d6b3a';

/** Queues grey, active columns blue (darkest first), done green. */
export function columnColor(column: FlowColumn, columns: readonly FlowColumn[]): string {
  if (column.kind === 'done') return DONE;
  const same = columns.filter((c) => c.kind === column.kind);
  const palette = column.kind === 'queue' ? QUEUE : ACTIVE;
  return palette[Math.min(same.indexOf(column), palette.length - 1)]!;
}

export const AGE_COLORS = { low: '#1d6b3a', medium: '#c07a00', high: '#b3261e' } as const;
