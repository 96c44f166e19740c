import { existsSync } from 'node:fs';
import { isIsoDate } from '../../../shared/dates';
import { closeStore } from '../../../db/connection';
import { openWorkspace } from '../../../db/workspace';
import { intOption, JSON_OPTION, printJson, requiredString, stringOption, UsageError, type Command } from '../command';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Generér demoafdelingen i en ny database',
  usage: 'demo --out PATH [--scale N] [--seed N] [--today YYYY-MM-DD] [--json]',
  options: { out: { type: 'string' }, scale: { type: 'string' }, seed: { type: 'string' }, today: { type: 'string' }, ...JSON_OPTION },
  run(values) {
    const out = requiredString(values, 'out');
    const scale = intOption(values, 'scale', 1)!;
    const seed = intOption(values, 'seed', 1)!;
    const today = stringOption(values, 'today');
    if (scale < 1 || scale > 100) throw new UsageError('--scale skal være mellem 1 og 100.');
    if (today !== undefined && !isIsoDate(today)) throw new UsageError('--today skal være en dato på formen ÅÅÅÅ-MM-DD.');
    if (existsSync(out)) throw new UsageError(`Filen findes allerede: ${out}`);
    const started = performance.now();
    const { db } = openWorkspace(out, { demo: { scale, seed, ...(today ? { today } : {}) } });
    const count = (sql: string) => db.prepare<[], { n: number }>(sql).get()!.n;
    const summary = {
      path: out,
      scale,
      seed,
      teams: count('SELECT COUNT(*) AS n FROM teams'),
      people: count('SELECT COUNT(*) AS n FROM people'),
      citizens: count('SELECT COUNT(*) AS n FROM citizens'),
      cases: count('SELECT COUNT(*) AS n FROM cases'),
      grants: count('SELECT COUNT(*) AS n FROM grants'),
      events: count('SELECT COUNT(*) AS n FROM events'),
      seconds: Math.round((performance.now() - started) / 10) / 100,
    };
    closeStore(db);
    if (values.json) printJson(summary);
    else {
      console.log(`Demoafdelingen er gemt i ${out} (${summary.seconds} s):`);
      console.log(`  ${summary.teams} teams, ${summary.people} medarbejdere, ${summary.citizens} borgere, ${summary.cases} sager, ${summary.grants} bevillinger, ${summary.events} hændelser`);
    }
    return 0;
  },
};
