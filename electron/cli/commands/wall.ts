// LAN sharing from the command line: list, make and revoke the tokens that let a browser on the
// network see the board (`serve --lan` makes one each time it starts).
import { createLanStore } from '../../../db/service/wall';
import { formatDateTime } from '../../../shared/format';
import { DB_OPTION, intOption, JSON_OPTION, printJson, requiredString, UsageError, type Command } from '../command';
import { withExistingStore } from '../store';

const when = (iso: string | null) => (iso ? formatDateTime(iso) : '–');

export const wallCommands: Command[] = [
  {
    name: 'lan-tokens',
    summary: 'Vis adgangsnøglerne til LAN-deling (nøglerne selv gemmes ikke, kun deres fingeraftryk)',
    usage: 'lan-tokens --db PATH [--json]',
    options: { ...DB_OPTION, ...JSON_OPTION },
    run(values) {
      return withExistingStore(values, (_service, db) => {
        const tokens = createLanStore(db).listTokens();
        if (values.json) {
          printJson(tokens);
          return 0;
        }
        if (tokens.length === 0) {
          console.log('Ingen adgangsnøgler. "serve --lan" eller "lan-token" laver en.');
          return 0;
        }
        for (const t of tokens) {
          const state = t.revokedAt ? `trukket tilbage ${when(t.revokedAt)}` : 'gyldig';
          console.log(`${String(t.id).padStart(4)}  ${t.label}  –  oprettet ${when(t.createdAt)}, ${state}, ${t.sessions} sessioner, sidst set ${when(t.lastSeenAt)}`);
        }
        return 0;
      });
    },
  },
  {
    name: 'lan-token',
    summary: 'Lav en ny adgangsnøgle til LAN-deling (vises kun denne ene gang)',
    usage: 'lan-token --db PATH --label TEKST [--json]',
    options: { ...DB_OPTION, label: { type: 'string' }, ...JSON_OPTION },
    run(values) {
      const label = requiredString(values, 'label').trim();
      if (label.length === 0 || label.length > 80) throw new UsageError('--label skal være 1 til 80 tegn.');
      return withExistingStore(values, (_service, db) => {
        const created = createLanStore(db).createToken(label);
        if (values.json) printJson(created);
        else console.log(`Adgangsnøgle ${created.id} (${created.label}): ${created.token}\nLinket er http://<værtens-adresse>:<port>/?token=${created.token}#/standup`);
        return 0;
      });
    },
  },
  {
    name: 'lan-revoke',
    summary: 'Træk en adgangsnøgle til LAN-deling tilbage: dens seere afvises fra næste forespørgsel',
    usage: 'lan-revoke --db PATH --id N',
    options: { ...DB_OPTION, id: { type: 'string' } },
    run(values) {
      const id = intOption(values, 'id');
      if (id === undefined || id <= 0) throw new UsageError('--id mangler (se "lan-tokens").');
      return withExistingStore(values, (_service, db) => {
        const lan = createLanStore(db);
        const token = lan.listTokens().find((t) => t.id === id);
        if (!token) throw new UsageError(`Adgangsnøgle ${id} findes ikke (se "lan-tokens").`);
        if (!lan.revokeToken(id)) {
          console.log(`Adgangsnøgle ${id} (${token.label}) var allerede trukket tilbage ${when(token.revokedAt)}.`);
          return 0;
        }
        console.log(`Adgangsnøgle ${id} (${token.label}) er trukket tilbage.`);
        return 0;
      });
    },
  },
];
