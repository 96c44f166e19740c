// "Del på netværket" in the desktop app: the same HTTP host as `serve --listen 0.0.0.0`, on this
// machine's network addresses. There is no key to hand out: everyone who opens the address signs in
// like at the desk, and a wall screen is paired from the Vægskærme page. Off until turned on.
import { clipboard, dialog, type MenuItemConstructorOptions } from 'electron';
import { networkInterfaces } from 'node:os';
import type { Db } from '../../db/connection';
import type { Service } from '../../db/service';
import { startHttpHost, type HttpHost } from '../http/server';

export const LAN_PORT = 4317;

let sharing: HttpHost | null = null;

/** This machine's IPv4 addresses on its networks (not loopback): where colleagues reach the host. */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .filter((i) => i.family === 'IPv4' && !i.internal)
    .map((i) => i.address);
}

/** The addresses to show, one per network; a wall screen opens the standup route and pairs from there. */
export function sharingUrls(port: number, addresses: readonly string[] = lanAddresses()): { app: string; wall: string }[] {
  return addresses.map((a) => ({ app: `http://${a}:${port}/`, wall: `http://${a}:${port}/#/standup` }));
}

async function start(service: Service, staticDir: string): Promise<void> {
  sharing = await startHttpHost({ service, staticDir, host: '0.0.0.0', port: LAN_PORT });
  const urls = sharingUrls(sharing.port);
  clipboard.writeText(urls[0]?.app ?? '');
  await dialog.showMessageBox({
    type: 'info',
    title: 'Del på netværket',
    message: urls.length ? 'Flowtavle kan nu bruges fra andre maskiner på netværket.' : 'Delingen er slået til, men maskinen har ingen netværksadresse lige nu.',
    detail:
      (urls.length
        ? `Adresse (den første er kopieret):\n${urls.map((u) => u.app).join('\n')}\n\nVægskærm: åbn ${urls[0]!.wall} på skærmen, og godkend koden, den viser, under Vægskærme.\n\n`
        : '') +
      'Alle logger ind med deres egen konto. Forbindelsen er ikke krypteret: brug den kun på kommunens eget netværk, ' +
      'eller kør "npm run serve -- --listen ADRESSE --tls-cert FIL --tls-key FIL" for HTTPS.',
  });
}

async function stop(): Promise<void> {
  if (!sharing) return;
  const host = sharing;
  sharing = null;
  await host.close();
}

export function lanSharingMenuItem(_db: Db, service: Service, staticDir: string, onChange: () => void): MenuItemConstructorOptions {
  return {
    label: 'Del på netværket',
    type: 'checkbox',
    checked: sharing !== null,
    click: () => {
      const work = sharing ? stop() : start(service, staticDir);
      work
        .catch((error: Error) => {
          sharing = null;
          const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
          dialog.showErrorBox('Deling på netværket mislykkedes', inUse ? `Port ${LAN_PORT} bruges allerede af et andet program.` : error.message);
        })
        .finally(onChange);
    },
  };
}

export async function stopLanSharing(): Promise<void> {
  await stop();
}
