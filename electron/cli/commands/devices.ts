// `devices list` and `devices revoke --id N`: the administrator's view of paired wall screens, on
// the store's own machine. Calls go through the dispatcher as the command line (systemContext), so
// a revocation ends the device's sessions exactly as the Vægskærme page does; a running host
// notices within a second and closes the TV's change stream.
import { systemContext } from '../../../shared/api/define';
import type { WallDevice } from '../../../shared/api/methods/devices';
import { formatDateTime } from '../../../shared/format';
import { DB_OPTION, intOption, JSON_OPTION, printJson, UsageError, type Command } from '../command';
import { withExistingStore } from '../store';

const STATUS: Record<WallDevice['status'], string> = { approved: 'aktiv', expired: 'udløbet', revoked: 'trukket tilbage' };

function describe(d: WallDevice): string {
  const seen = d.lastSeenAt ? formatDateTime(d.lastSeenAt) : 'aldrig';
  const end = d.status === 'revoked' && d.revokedAt ? `trukket tilbage ${formatDateTime(d.revokedAt)}` : `udløber ${formatDateTime(d.expiresAt)}`;
  return `#${d.id}  ${d.label}  (${d.teamName}, ${STATUS[d.status]})  parret ${formatDateTime(d.pairedAt)} af ${d.pairedByName ?? 'kommandolinjen'}; sidst set ${seen}; ${end}; fra ${d.address}`;
}

export const devicesCommand: Command = {
  name: 'devices',
  summary: 'Parrede vægskærme: devices list viser dem, devices revoke --id N trækker en tilbage (dens forbindelse lukkes straks)',
  usage: 'devices list|revoke [--db PATH] [--id N] [--json]',
  options: { ...DB_OPTION, id: { type: 'string' }, ...JSON_OPTION },
  allowPositionals: true,
  run(values, positionals) {
    const [action, ...extra] = positionals;
    if (extra.length || (action !== 'list' && action !== 'revoke')) throw new UsageError('Skriv "devices list" eller "devices revoke --id N".');
    return withExistingStore(values, (service) => {
      if (action === 'list') {
        const envelope = service.dispatch('listDevices', {}, systemContext());
        if (!envelope.ok) throw new Error(envelope.error.message);
        const devices = envelope.value as WallDevice[];
        if (values.json) printJson(devices);
        else if (devices.length === 0) console.log('Ingen vægskærme er parret.');
        else for (const d of devices) console.log(describe(d));
        return 0;
      }
      const id = intOption(values, 'id');
      if (id === undefined) throw new UsageError('--id mangler (vægskærmens nummer fra "devices list").');
      if (id < 1) throw new UsageError('--id skal være et positivt helt tal.');
      const envelope = service.dispatch('revokeDevice', { deviceId: id }, systemContext());
      if (!envelope.ok) {
        if (values.json) printJson({ ok: false, error: envelope.error });
        else console.error(`Fejl: ${envelope.error.message}`);
        return 1;
      }
      const device = envelope.value as WallDevice;
      if (values.json) printJson(device);
      else console.log(`Vægskærmen "${device.label}" (${device.teamName}) er trukket tilbage. Den viser parringsskærmen igen.`);
      return 0;
    });
  },
};
