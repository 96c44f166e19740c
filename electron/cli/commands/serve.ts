import { fileURLToPath } from 'node:url';
import { closeStore } from '../../../db/connection';
import { createService } from '../../../db/service';
import { openWorkspace } from '../../../db/workspace';
import { startHttpHost } from '../../http/server';
import { DB_OPTION, intOption, type Command, UsageError } from '../command';
import { storePath } from '../store';

export const RENDERER_DIST =
  process.env.FLOWTAVLE_RENDERER_DIST ?? fileURLToPath(new URL('../../../dist/renderer', import.meta.url));

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Start HTTP-værten (API og brugerflade) på 127.0.0.1',
  usage: 'serve [--db PATH] [--port N] [--empty]',
  options: { ...DB_OPTION, port: { type: 'string' }, empty: { type: 'boolean' } },
  async run(values) {
    const port = intOption(values, 'port', 4317)!;
    if (port < 0 || port > 65_535) throw new UsageError('--port skal være mellem 0 og 65535.');
    const path = storePath(values);
    const { db, created } = openWorkspace(path, { empty: values.empty === true });
    const service = createService(db);
    const host = await startHttpHost({ service, port, staticDir: RENDERER_DIST });
    if (created) console.log(`Ny database oprettet: ${path}${values.empty ? '' : ' (demoafdeling)'}`);
    console.log(`Flowtavle kører på ${host.url}  (database: ${path})`);
    const stop = async () => {
      await host.close();
      closeStore(db);
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return new Promise<number>(() => {});
  },
};
