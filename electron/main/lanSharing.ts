// "Del på netværket" in the desktop app: the same HTTP host as `serve --lan`, bound to the LAN
// behind a random token. Off until a leader turns it on; turning it off revokes the token.
import { clipboard, dialog, type MenuItemConstructorOptions } from 'electron';
import type { Db } from '../../db/connection';
import type { Service } from '../../db/service';
import { createLanStore } from '../../db/service/wall';
import { createLanGate, lanUrls } from '../http/lan';
import { startHttpHost, type HttpHost } from '../http/server';

export const LAN_PORT = 4317;

let sharing: { host: HttpHost; tokenId: number; db: Db } | null = null;

async function start(db: Db, service: Service, staticDir: string): Promise<void> {
  const store = createLanStore(db);
  const host = await startHttpHost({ service, staticDir, host: '0.0.0.0', port: LAN_PORT, lan: createLanGate(store) });
  const { id, token } = store.createToken(`Skrivebordsappen ${new Date().toLocaleString('da-DK')}`);
  sharing = { host, tokenId: id, db };
  const urls = lanUrls(host.port, token);
  clipboard.writeText(urls[0] ?? '');
  await dialog.showMessageBox({
    type: 'info',
    title: 'Deling på netværket',
    message: 'Tavlen kan nu ses på teamets netværk.',
    detail:
      `Brug et af disse links på vægskærmen (det første er kopieret):\n\n${urls.join('\n')}\n\n` +
      'Seerne kan kun se, indtil de indtaster teamets PIN-kode. Slå delingen fra i menuen for at trække nøglen tilbage.',
  });
}

async function stop(): Promise<void> {
  if (!sharing) return;
  createLanStore(sharing.db).revokeToken(sharing.tokenId);
  await sharing.host.close();
  sharing = null;
}

export function lanSharingMenuItem(db: Db, service: Service, staticDir: string, onChange: () => void): MenuItemConstructorOptions {
  return {
    label: 'Del på netværket',
    type: 'checkbox',
    checked: sharing !== null,
    click: () => {
      const work = sharing ? stop() : start(db, service, staticDir);
      work
        .catch((error: Error) => dialog.showErrorBox('Deling på netværket mislykkedes', error.message))
        .finally(onChange);
    },
  };
}

export async function stopLanSharing(): Promise<void> {
  await stop();
}
