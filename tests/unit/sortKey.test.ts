// Card order within a column (shared/sortKey.ts): a move takes the midpoint of its neighbours and
// writes one row; only a column without room between two neighbours is renumbered.
import { describe, expect, it } from 'vitest';
import { keyBetween, SORT_GAP, spacedKeys } from '../../shared/sortKey';

describe('sort keys', () => {
  it('keys are spaced 16384 apart', () => {
    expect(SORT_GAP).toBe(16_384);
  });
  it('the first card of an empty column gets one gap', () => {
    expect(keyBetween(null, null)).toBe(16_384);
  });
  it('a card put on top goes one gap above the top card, a card put at the bottom one gap below the last', () => {
    expect(keyBetween(null, 100)).toBe(100 - 16_384);
    expect(keyBetween(100, null)).toBe(100 + 16_384);
  });
  it('a card put between two others takes the midpoint, rounded down', () => {
    expect(keyBetween(0, 16_384)).toBe(8192);
    expect(keyBetween(5, 8)).toBe(6);
    expect(keyBetween(-4, -1)).toBe(-3);
  });
  it('neighbours with no whole number between them, or equal ones, leave no room: the column must be renumbered', () => {
    expect(keyBetween(5, 6)).toBeNull();
    expect(keyBetween(5, 5)).toBeNull();
    expect(keyBetween(5, 7)).toBe(6);
  });
  it('renumbering spaces the cards one gap apart from the first gap', () => {
    expect(spacedKeys(3)).toEqual([16_384, 32_768, 49_152]);
    expect(spacedKeys(0)).toEqual([]);
  });
});
