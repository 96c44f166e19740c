import { existsSync } from 'node:fs';
import { closeStore } from '../../../db/connection';
import { openWorkspace } from '../../../db/workspace';
import { DB_OPTION, JSON_OPTION, printJson, UsageError, type Command } from '../command';
import { storePath } from '../store';

export const initCommand: Command = {
  name: 'init',
  summary: 'Opret en tom arbejdsplads (uden demodata)',
  usage: 'init --db PATH [--json]',
  options: { ...DB_OPTION, ...JSON_OPTION },
  run(values) {
    const path = storePath(values);
    if (existsSync(path)) throw new UsageError(`Der findes allerede en database: ${path}`);
    const { db } = openWorkspace(path, { empty: true });
    closeStore(db);
    if (values.json) printJson({ path, created: true });
    else console.log(`Tom arbejdsplads oprettet: ${path}`);
    return 0;
  },
};
