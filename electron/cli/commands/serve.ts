import { fileURLToPath } from 'node:url';
import { checkStoreAtStart, startBackupSchedule } from '../../../db/backup';
import { closeStore } from '../../../db/connection';
import { createService } from '../../../db/service';
import { openWorkspace } from '../../../db/workspace';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { createSecureContext } from 'node:tls';
import { startHttpHost } from '../../http/server';
import { createOidcRoutes, OidcSetupError, readOidcConfig } from '../../auth/oidc';
import { DB_OPTION, intOption, stringOption, type Command, UsageError } from '../command';
import { storePath } from '../store';

export const RENDERER_DIST =
  process.env.FLOWTAVLE_RENDERER_DIST ?? fileURLToPath(new URL('../../../dist/renderer', import.meta.url));

function readPem(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new UsageError(`${what} ${path} kan ikke læses: ${(error as Error).message}`);
  }
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Start HTTP-værten (API og brugerflade); alle logger ind. --listen ADRESSE deler den på netværket, --tls-cert/--tls-key giver HTTPS',
  usage: 'serve [--db PATH] [--port N] [--listen ADRESSE] [--host-name NAVN …] [--tls-cert FIL --tls-key FIL] [--oidc-config FIL] [--idle-minutes N] [--device-days N] [--empty]',
  options: {
    ...DB_OPTION,
    port: { type: 'string' },
    empty: { type: 'boolean' },
    listen: { type: 'string' },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    'oidc-config': { type: 'string' },
    'host-name': { type: 'string', multiple: true },
    'idle-minutes': { type: 'string' },
    'device-days': { type: 'string' },
  },
  async run(values) {
    const port = intOption(values, 'port', 4317)!;
    if (port < 0 || port > 65_535) throw new UsageError('--port skal være mellem 0 og 65535.');
    const listen = stringOption(values, 'listen') ?? '127.0.0.1';
    const idleMinutes = intOption(values, 'idle-minutes');
    if (idleMinutes !== undefined && (idleMinutes < 1 || idleMinutes > 7 * 24 * 60)) throw new UsageError('--idle-minutes skal være mellem 1 og 10080 (en uge).');
    const deviceDays = intOption(values, 'device-days');
    if (deviceDays !== undefined && (deviceDays < 1 || deviceDays > 366)) throw new UsageError('--device-days skal være mellem 1 og 366.');
    const hostNames = (values['host-name'] as unknown as string[] | undefined) ?? [];
    // isIP, not a pattern: '999.1.1.1' or 'abc' would otherwise reach the resolver and fail with a stack trace.
    if (isIP(listen) === 0 && listen !== 'localhost') throw new UsageError('--listen skal være en IP-adresse, fx 0.0.0.0 eller 192.168.1.20.');
    const certPath = stringOption(values, 'tls-cert');
    const keyPath = stringOption(values, 'tls-key');
    if ((certPath === undefined) !== (keyPath === undefined)) throw new UsageError('--tls-cert og --tls-key skal gives sammen.');
    const tls = certPath && keyPath ? { cert: readPem(certPath, 'Certifikatet'), key: readPem(keyPath, 'Nøglen') } : undefined;
    if (tls) {
      // Checked before the store is opened: a wrong file must not leave a half-started host behind.
      try {
        createSecureContext(tls);
      } catch (error) {
        throw new UsageError(`Certifikatet eller nøglen kan ikke bruges (${(error as Error).message}). Begge skal være PEM-filer, og nøglen skal høre til certifikatet.`);
      }
    }
    const oidcPath = stringOption(values, 'oidc-config');
    let oidcConfig;
    try {
      oidcConfig = oidcPath === undefined ? undefined : readOidcConfig(oidcPath);
    } catch (error) {
      if (error instanceof OidcSetupError) throw new UsageError(error.message);
      throw error;
    }
    // Discovery before the store is opened: a wrong issuer or an unreachable provider is said now, not at the first sign-in.
    let oidc;
    try {
      oidc = oidcConfig ? await createOidcRoutes(oidcConfig) : undefined;
    } catch (error) {
      if (!(error instanceof OidcSetupError)) throw error;
      console.error(`Fejl: ${error.message}`);
      return 1;
    }
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
    // Kept in the store, so the next start without the option keeps them (db/auth.ts reads them per request).
    const setting = db.prepare('INSERT INTO workspace (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    if (idleMinutes !== undefined) setting.run('idle_timeout_minutes', String(idleMinutes));
    if (deviceDays !== undefined) setting.run('device_days', String(deviceDays));
    // DNS rebinding: the host answers only to its own addresses and the names given with --host-name.
    const host = await startHttpHost({ service, port, host: listen, staticDir: RENDERER_DIST, hostNames, ...(tls ? { tls } : {}), ...(oidc ? { oidc } : {}) });
    if (created) console.log(`Ny database oprettet: ${path}${values.empty ? '' : ' (demoafdeling)'}`);
    console.log(`Flowtavle kører på ${host.url}  (database: ${path})`);
    if (oidcConfig) console.log(`Single sign-on: "${oidcConfig.label}" via ${oidcConfig.issuer} (login fra kravet "${oidcConfig.loginClaim}").`);
    if (listen !== '127.0.0.1' && listen !== 'localhost') {
      console.log(`Delt på netværket (${listen}). Alle logger ind; vægskærme parres fra Vægskærme-siden.`);
      if (!tls) console.log('Advarsel: uden --tls-cert/--tls-key går adgangskoder ukrypteret over netværket.');
    }
    if (service.auth.needsFirstAdministrator()) console.log('Databasen har ingen konti endnu: åbn adressen og opret den første administrator.');
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
