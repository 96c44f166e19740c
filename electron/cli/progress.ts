// The command line's progress line: on a terminal, one line on stderr rewritten in place (\r)
// and ended with a newline when the work is done; elsewhere (a pipe, a log file, --json) nothing,
// so that scripts read only the result.
import { formatNumber } from '../../shared/format';
import type { BackupPhase } from '../../shared/api/methods/data';
import type { ImportProgress } from '../../shared/import';

export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface ProgressLine {
  /** Shows what is happening now. Repeated texts and updates within the interval are skipped. */
  show(text: string): void;
  /** Ends the line, if one was shown. */
  end(): void;
}

/** Updates closer together than this are dropped: a terminal redrawn for every row slows the work. */
const INTERVAL_MS = 100;

const SILENT: ProgressLine = { show: () => undefined, end: () => undefined };

export function progressLine(stream: ProgressStream, options: { json?: boolean; now?: () => number } = {}): ProgressLine {
  if (options.json || !stream.isTTY) return SILENT;
  const now = options.now ?? Date.now;
  let last = '';
  let lastAt = -Infinity;
  let shown = false;
  return {
    show(text) {
      if (text === last) return;
      const at = now();
      // A new phase is always shown; a new count within the same phase may wait.
      const samePhase = last.split(' (')[0] === text.split(' (')[0];
      if (samePhase && at - lastAt < INTERVAL_MS) return;
      last = text;
      lastAt = at;
      shown = true;
      // \x1b[K clears what a longer previous text left to the right.
      stream.write(`\r${text}\x1b[K`);
    },
    end() {
      if (shown) stream.write('\n');
      shown = false;
      last = '';
    },
  };
}

const count = (n: number) => formatNumber(n);

/** An import's progress as the command line says it (in Danish, as its other output). */
export function importProgressText(progress: ImportProgress): string {
  const rows = progress.done !== undefined && progress.total !== undefined ? ` (${count(progress.done)} / ${count(progress.total)} rækker)` : '';
  switch (progress.phase) {
    case 'read': return `Læser regneark${rows}`;
    case 'cpr': return `Søger efter CPR-numre${rows}`;
    case 'check': return `Kontrollerer rækker${rows}`;
    case 'compare': return 'Sammenligner med databasens sager';
    case 'write': return 'Skriver i databasen';
  }
}

/** A snapshot's or a restore's phase as the command line says it. */
export function backupPhaseText(phase: BackupPhase): string {
  switch (phase) {
    case 'copy': return 'Kopierer databasen';
    case 'check': return 'Kontrollerer kopien';
    case 'before': return 'Sikkerhedskopierer databasen, som den er nu';
    case 'restore': return 'Gendanner';
    case 'migrate': return 'Opdaterer databasens skema';
  }
}
