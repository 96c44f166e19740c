// Card order within a column. As in Actual's sort.ts: keys are spaced by SORT_GAP and a moved
// card takes the midpoint of its new neighbours, so a move writes one row. Only when two
// neighbours have no integer between them is the column renumbered.
export const SORT_GAP = 16_384;

/**
 * The key for a card placed between `before` (the key above it, or null at the top) and
 * `after` (the key below it, or null at the bottom). Returns null when there is no room
 * and the column must be renumbered first.
 */
export function keyBetween(before: number | null, after: number | null): number | null {
  if (before === null && after === null) return SORT_GAP;
  if (before === null) return after! - SORT_GAP;
  if (after === null) return before + SORT_GAP;
  const mid = Math.floor((before + after) / 2);
  return mid > before && mid < after ? mid : null;
}

/** Evenly spaced keys for `count` cards, used when renumbering a column. */
export function spacedKeys(count: number): number[] {
  return Array.from({ length: count }, (_, i) => (i + 1) * SORT_GAP);
}
