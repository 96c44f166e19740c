// The seedable PRNG (shared/random.ts): the demo department and the Monte Carlo forecasts must give
// the same numbers for a seed on every machine, so the first draws of a seed are pinned here.
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../shared/random';

const draws = (seed: number, n: number) => {
  const r = createRandom(seed);
  return Array.from({ length: n }, () => r.next());
};

describe('the seeded random numbers', () => {
  it('seed 42 gives the same first numbers on every machine', () => {
    expect(draws(42, 3)).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
    expect(draws(7, 2)).toEqual([0.011704753153026104, 0.06195825757458806]);
  });
  it('different seeds give different numbers', () => {
    expect(draws(42, 5)).not.toEqual(draws(43, 5));
  });
  it('a seed is taken as an unsigned 32-bit number', () => {
    expect(draws(-1, 3)).toEqual(draws(4_294_967_295, 3));
    expect(draws(2 ** 32 + 5, 3)).toEqual(draws(5, 3));
  });
  it('whole numbers, ranges, picks, weights and chances of seed 42 are pinned', () => {
    const s = createRandom(42);
    expect([s.int(1, 6), s.int(1, 6), s.int(1, 6), s.int(1, 6)]).toEqual([4, 3, 6, 5]);
    expect(s.range(10, 20)).toBe(11.748138987459242);
    expect(s.pick(['a', 'b', 'c', 'd'])).toBe('c');
    expect(s.weighted([['x', 1], ['y', 3]])).toBe('y');
    expect(s.chance(0.5)).toBe(false);
  });
  it('draws stay in their bounds and reach both ends', () => {
    const r = createRandom(1);
    const ints = new Set<number>();
    const nexts: number[] = [];
    const ranges: number[] = [];
    for (let i = 0; i < 500; i++) {
      nexts.push(r.next());
      ints.add(r.int(1, 3));
      ranges.push(r.range(-2, 2));
    }
    expect(Math.min(...nexts)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...nexts)).toBeLessThan(1);
    expect(Math.min(...ranges)).toBeGreaterThanOrEqual(-2);
    expect(Math.min(...ranges)).toBeLessThan(-1.9);
    expect(Math.max(...ranges)).toBeLessThan(2);
    expect(Math.max(...ranges)).toBeGreaterThan(1.9);
    expect([...ints].sort()).toEqual([1, 2, 3]);
  });
  it('weights decide how often an item is picked; a zero weight is never picked', () => {
    const r = createRandom(3);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 2000; i++) counts[r.weighted([['a', 1], ['b', 0], ['c', 3]] as const)]++;
    expect(counts.b).toBe(0);
    expect(counts.a).toBeGreaterThan(400);
    expect(counts.a).toBeLessThan(600);
    expect(r.weighted([['a', 0], ['b', 0]])).toBe('b');
    expect(r.weighted([['only', 1]])).toBe('only');
  });
  it('a chance of 0 never happens and a chance of 1 always does', () => {
    const r = createRandom(9);
    const zero = Array.from({ length: 200 }, () => r.chance(0));
    const one = Array.from({ length: 200 }, () => r.chance(1));
    expect(zero.some(Boolean)).toBe(false);
    expect(one.every(Boolean)).toBe(true);
  });
  it('a pick reaches every item', () => {
    const r = createRandom(11);
    const seen = new Set(Array.from({ length: 200 }, () => r.pick(['a', 'b', 'c'])));
    expect([...seen].sort()).toEqual(['a', 'b', 'c']);
  });
});
