// The forecasts' Monte Carlo replayed outside the code under test, so a test can say which run
// needs how many days and check the percentile dates the forecast picks.
import { createRandom } from '../../shared/random';

/** Days each run needs to finish one item, fewest first: a draw below 1 finishes nothing that day. */
export function daysNeededPerRun(samples: readonly number[], runs: number, seed: number): number[] {
  const random = createRandom(seed);
  return Array.from({ length: runs }, () => {
    let d = 1;
    while (samples[Math.floor(random.next() * samples.length)]! < 1) d++;
    return d;
  }).sort((a, b) => a - b);
}
