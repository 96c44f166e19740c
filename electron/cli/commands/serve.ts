import { fileURLToPath } from 'node:url';
import { checkStoreAtStart, startBackupSchedule } from '../../../db/backup';
import { closeStore } from '../../../db/connection';
import { createService } from '../../../db/service';
import { createLanStore } from '../../../db/service/wall';
import { openWorkspace } from '../../../db/workspace';
import { createLanGate, lanUrls } from '../../http/lan';
import { startHttpHost } from '../../http/server';
import { DB_OPTION, intOption, type Command, UsageError } from '../command';
import { storePath } from '../store';

export const RENDERER_DIST =
  process.env.FLOWTAVLE_RENDERER_DIST ?? fileURLToPath(new URL('../../../dist/renderer', import.meta.url));

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Start HTTP-værten (API og brugerflade) på 127.0.0.1; med --lan også på netværket med en adgangsnøgle',
  usage: 'serve [--db PATH] [--port N] [--empty] [--lan]',
  options: { ...DB_OPTION, port: { type: 'string' }, empty: { type: 'boolean' }, lan: { type: 'boolean' } },
  async run(values) {
    const port = intOption(values, 'port', 4317)!;
    if (port < 0 || port > 65_535) throw new UsageError('--port skal være mellem 0 og 65535.');
    const path = storePath(values);
    // Never serve a broken store: say what is wrong and which snapshot can replace it.
    const check = checkStoreAtStart(path);
    if (!check.ok) {
      console.error(`Fejl: ${check.message}`);
      if (check.snapshot) console.error(`Gendan med: npm run cli -- restore --db ${JSON.stringify(path)} --snapshot ${check.snapshot.file}`);
      return 1;
    }
    const { db, created } = openWorkspace(path, { empty: values.empty === true });
    const service = createService(db);
    const backups = startBackupSchedule(db);
    const lan = values.lan === true ? createLanStore(db) : null;
    const host = await startHttpHost({
      service,
      port,
      staticDir: RENDERER_DIST,
      ...(lan ? { host: '0.0.0.0', lan: createLanGate(lan) } : {}),
    });
    if (created) console.log(`Ny database oprettet: ${path}${values.empty ? '' : ' (demoafdeling)'}`);
    console.log(`Flowtavle kører på http://127.0.0.1:${host.port}/  (database: ${path})`);
    if (lan) {
      const { id, token } = lan.createToken(`serve --lan ${new Date().toLocaleString('da-DK')}`);
      console.log('LAN-deling er slået til. Seere på netværket skal bruge linket med adgangsnøglen:');
      for (const url of lanUrls(host.port, token)) console.log(`  ${url}`);
      console.log(`Seerne kan kun se, indtil de indtaster teamets PIN-kode. Træk nøglen tilbage med: npm run cli -- lan-revoke --db ${JSON.stringify(path)} --id ${id}`);
    }
    const stop = async () => {
      await host.close();
      backups.stop();
      closeStore(db);
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return new Promise<number>(() => {});
  },
};
