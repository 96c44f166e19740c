// The command line's progress line (electron/cli/progress.ts): rewritten in place on a terminal,
// ended with a newline, silent in a pipe and with --json.
import { describe, expect, it } from 'vitest';
import { importProgressText, progressLine } from '../../electron/cli/progress';

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, write: (text: string) => written.push(text) }, written };
}

describe('the progress line', () => {
  it('rewrites one line on a terminal and ends it with a newline', () => {
    const { stream, written } = fakeStream(true);
    let clock = 0;
    const line = progressLine(stream, { now: () => clock });
    line.show('Læser regneark (2.000 / 9.000 rækker)');
    clock += 150;
    line.show('Læser regneark (4.000 / 9.000 rækker)');
    line.end();
    expect(written).toEqual(['\rLæser regneark (2.000 / 9.000 rækker)\x1b[K', '\rLæser regneark (4.000 / 9.000 rækker)\x1b[K', '\n']);
  });

  it('drops counts that come faster than the terminal needs, but never a new phase', () => {
    const { stream, written } = fakeStream(true);
    let clock = 0;
    const line = progressLine(stream, { now: () => clock });
    line.show('Kontrollerer rækker (2.000 / 9.000 rækker)');
    clock += 10;
    line.show('Kontrollerer rækker (4.000 / 9.000 rækker)');
    line.show('Kontrollerer rækker (4.000 / 9.000 rækker)');
    clock += 10;
    line.show('Skriver i databasen');
    line.end();
    expect(written).toEqual(['\rKontrollerer rækker (2.000 / 9.000 rækker)\x1b[K', '\rSkriver i databasen\x1b[K', '\n']);
  });

  it('writes nothing in a pipe, nor with --json on a terminal', () => {
    for (const [isTTY, json] of [[false, false], [true, true]] as const) {
      const { stream, written } = fakeStream(isTTY);
      const line = progressLine(stream, { json });
      line.show('Skriver i databasen');
      line.end();
      expect(written).toEqual([]);
    }
  });

  it('ends nothing when nothing was shown', () => {
    const { stream, written } = fakeStream(true);
    progressLine(stream).end();
    expect(written).toEqual([]);
  });

  it("says an import's phases with Danish row counts", () => {
    expect(importProgressText({ phase: 'read', done: 12_000, total: 64_000 })).toBe('Læser regneark (12.000 / 64.000 rækker)');
    expect(importProgressText({ phase: 'cpr', done: 2_000, total: 64_000 })).toBe('Søger efter CPR-numre (2.000 / 64.000 rækker)');
    expect(importProgressText({ phase: 'check', done: 2_000, total: 3_000 })).toBe('Kontrollerer rækker (2.000 / 3.000 rækker)');
    expect(importProgressText({ phase: 'compare' })).toBe('Sammenligner med databasens sager');
    expect(importProgressText({ phase: 'write' })).toBe('Skriver i databasen');
  });
});
